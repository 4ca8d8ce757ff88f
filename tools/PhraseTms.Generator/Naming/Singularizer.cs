namespace PhraseTms.Generator.Naming;

// PowerShell nouns are singular (Get-Process, not Get-Processes). Only the last word of a noun is changed:
// "TransMemories" → "TransMemory", "AccessSettings" stays (Settings is a mass noun here).
internal static class Singularizer
{
    // Words that end in -s but are not plurals here (mass nouns, -sis/-us words, names).
    public static readonly IReadOnlySet<string> Unchanged = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Status", "Settings", "Data", "Metadata", "Analysis", "Access", "Series", "News", "Statistics", "Details",
        "Tms", // PhraseTms: an acronym written as a word
    };

    // Plurals the suffix rules below get wrong.
    public static readonly IReadOnlyDictionary<string, string> Irregular = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Analyses"] = "Analysis", ["Statuses"] = "Status", ["Aliases"] = "Alias", ["Caches"] = "Cache",
        ["Indices"] = "Index", ["Criteria"] = "Criterion", ["People"] = "Person", ["Children"] = "Child",
    };

    public static string Word(string word)
    {
        if (word.Length < 3) return word;
        if (Irregular.TryGetValue(word, out var irregular)) return MatchCase(word, irregular);
        if (Unchanged.Contains(word)) return word;
        if (char.IsUpper(word[^1])) return word;                      // an acronym: "MT", "QA"
        if (word.EndsWith("ies", StringComparison.OrdinalIgnoreCase) && word.Length > 4) return word[..^3] + "y"; // Memories
        if (word.EndsWith("sses", StringComparison.OrdinalIgnoreCase)) return word[..^2];                          // Classes
        foreach (var e in new[] { "ches", "shes", "xes", "zes" })                                                   // Matches, Boxes
            if (word.EndsWith(e, StringComparison.OrdinalIgnoreCase)) return word[..^2];
        if (word.EndsWith("ss", StringComparison.OrdinalIgnoreCase) || word.EndsWith("us", StringComparison.OrdinalIgnoreCase)
            || word.EndsWith("is", StringComparison.OrdinalIgnoreCase)) return word;
        if (word.EndsWith('s') || word.EndsWith('S')) return word[..^1];
        return word;
    }

    // Singularizes the last word of a PascalCase or camelCase noun.
    public static string LastWord(string noun)
    {
        var words = Words.Split(noun);
        if (words.Count == 0) return noun;
        var last = words[^1];
        var head = noun[..^last.Length];
        return head + Word(last);
    }

    private static string MatchCase(string original, string replacement) =>
        char.IsUpper(original[0]) ? Words.Pascal(replacement) : char.ToLowerInvariant(replacement[0]) + replacement[1..];
}
