using System.Text.RegularExpressions;

namespace PhraseTms.Generator.Naming;

internal static class Words
{
    private static readonly Regex Boundary = new(@"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|[-_\s]+", RegexOptions.Compiled);

    // "translateWithMachineTranslation" → [translate, With, Machine, Translation]; "MTTypes" → [MT, Types]
    public static List<string> Split(string identifier) =>
        Boundary.Split(identifier).Where(w => w.Length > 0).ToList();

    public static string Pascal(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    // "targetLangs" → "TargetLangs", "Content-Disposition" → "ContentDisposition", "MTTypes" stays "MTTypes"
    public static string Pascal(IEnumerable<string> words) => string.Concat(words.Select(Pascal));
    public static string PascalIdentifier(string identifier) => Pascal(Split(identifier));
}
