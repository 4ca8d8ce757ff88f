namespace PhraseTms.Generator.Naming;

// An action segment (setStatus, clone, search …) names its verb. The table maps the action's first word (or, for
// wildCardSearch / preTranslate / segmentsCount, its last) to an approved verb, the way AutoRest's and AWS's
// verb maps do. InNoun: the verb is not the action's own (Invoke for translate), so the action goes into the noun:
// Invoke-PhraseTms<Action><Noun>.
internal static class ActionVerbs
{
    public sealed record Verb(string Name, bool InNoun = false, string? NounSuffix = null);

    public static readonly IReadOnlyDictionary<string, Verb> FirstWord = new Dictionary<string, Verb>(StringComparer.OrdinalIgnoreCase)
    {
        ["set"] = new("Set"), ["update"] = new("Set"), ["edit"] = new("Set"), ["assign"] = new("Set"),
        ["clone"] = new("Copy"), ["copy"] = new("Copy"), ["duplicate"] = new("Copy"),
        ["search"] = new("Search"), ["find"] = new("Search"), ["browse"] = new("Find"),
        ["download"] = new("Save"), ["upload"] = new("Import"), ["email"] = new("Send"), ["notify"] = new("Send"), ["send"] = new("Send"),
        ["export"] = new("Export"), ["extract"] = new("Export"), ["import"] = new("Import"),
        ["split"] = new("Split"), ["compare"] = new("Compare"), ["convert"] = new("Convert"),
        ["check"] = new("Test"), ["test"] = new("Test"), ["suggest"] = new("Get", NounSuffix: "Suggestion"),
        ["login"] = new("Connect"), ["logout"] = new("Disconnect"),
        ["recalculate"] = new("Update"), ["refresh"] = new("Update"), ["activate"] = new("Enable"),
        ["undelete"] = new("Restore"), ["restore"] = new("Restore"), ["disable"] = new("Disable"), ["enable"] = new("Enable"),
        ["add"] = new("Add"), ["insert"] = new("Add"), ["create"] = new("New"), ["delete"] = new("Remove"),
        ["run"] = new("Invoke"), ["replay"] = new("Invoke", InNoun: true), ["translate"] = new("Invoke", InNoun: true),
        ["apply"] = new("Invoke", InNoun: true),
    };

    public static readonly IReadOnlyDictionary<string, Verb> LastWord = new Dictionary<string, Verb>(StringComparer.OrdinalIgnoreCase)
    {
        ["Search"] = new("Search"), ["Translate"] = new("Invoke", InNoun: true), ["Count"] = new("Measure"),
    };

    // Segments that begin with a verb but name a resource.
    public static readonly IReadOnlySet<string> Nouns = new HashSet<string>(StringComparer.Ordinal) { "importSettings", "emailTemplates", "loginStatistics" };

    // Literals after an action that refine it rather than name a resource.
    public static readonly IReadOnlySet<string> Qualifiers = new HashSet<string>(StringComparer.Ordinal)
    {
        "latest", "forJobParts", "code", "refreshToken",
    };

    public static bool IsQualifier(string literal) => Qualifiers.Contains(literal);

    // The verb of an action segment and the words of the segment left for the noun, or null: not an action.
    public static (Verb Verb, List<string> Remainder, List<string> ActionWords)? Find(string literal)
    {
        if (Nouns.Contains(literal)) return null;
        var words = Words.Split(literal);
        if (words.Count == 0) return null;
        if (FirstWord.TryGetValue(words[0], out var first)) return (first, words.Skip(1).ToList(), words.Take(1).ToList());
        if (words.Count > 1 && LastWord.TryGetValue(words[^1], out var last))
            return last.InNoun ? (last, new List<string>(), words) : (last, words.Take(words.Count - 1).ToList(), words.TakeLast(1).ToList());
        return null;
    }
}
