using System.Text;
using System.Text.RegularExpressions;
using PhraseTms.Generator.Model;

namespace PhraseTms.Generator.Models;

// The naming rules of the generated models (api/README.md, "Models"), and api/model-names.json, the exceptions.
internal static partial class ModelNames
{
    // C# keywords: a generated name equal to one gets an '@' (the member's name stays the API's, so enums still parse).
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    };

    // "access_token" → "AccessToken", "Admin, Project Manager (v2)" → "AdminProjectManagerV2", "segmentWarning" →
    // "SegmentWarning": split at every character that is not a letter or digit, upper-case each part's first letter.
    public static string Pascal(string name)
    {
        var text = new StringBuilder();
        foreach (var part in Regex.Split(name, "[^A-Za-z0-9]+"))
        {
            if (part.Length == 0) continue;
            text.Append(char.ToUpperInvariant(part[0])).Append(part, 1, part.Length - 1);
        }
        if (text.Length == 0) text.Append("Value");
        if (char.IsDigit(text[0])) text.Insert(0, '_');
        return text.ToString();
    }

    // The definition's class name before clashes: Pascal, every "Dto" word dropped (ProjectTemplateDto →
    // ProjectTemplate, AsyncAnalyseResponseV2Dto → AsyncAnalyseResponseV2, QACheckDtoV2 → QACheckV2).
    public static string ClassCandidate(string definition, bool foldedBase)
    {
        var name = Pascal(definition);
        if (foldedBase && name.StartsWith("Abstract", StringComparison.Ordinal) && name.Length > "Abstract".Length
            && char.IsUpper(name["Abstract".Length]))
            name = name["Abstract".Length..];
        var dropped = DtoWord().Replace(name, m => m.Groups[1].Success ? "V" : ""); // ConceptDtov2 → ConceptV2
        return dropped.Length == 0 || char.IsDigit(dropped[0]) ? name : dropped;
    }

    // The name a definition keeps when its candidate clashes: Pascal, nothing dropped (the longer name).
    public static string ClassLongName(string definition) => Pascal(definition);

    // An enum member: the API's value when it is an identifier (an '@' before a keyword), else every invalid
    // character made '_' and a leading digit prefixed with '_' (the generated enum property maps those by text).
    public static string EnumMember(string value)
    {
        var name = Regex.Replace(value, "[^A-Za-z0-9_]", "_");
        if (name.Length == 0) name = "_";
        if (char.IsDigit(name[0])) name = "_" + name;
        return Keywords.Contains(name) ? "@" + name : name;
    }

    public static string Identifier(string name) => Keywords.Contains(name) ? "@" + name : name;

    [GeneratedRegex("Dto(?:(v)(?=[0-9])|(?![a-z]))")]
    private static partial Regex DtoWord();
}

// api/model-names.json: the few names the rules get wrong, each with a reason.
internal sealed class ModelNameOverrides
{
    [Newtonsoft.Json.JsonProperty("$comment")] public string? Comment { get; set; }

    // definition → class name
    public SortedDictionary<string, NameOverride> Classes { get; set; } = new(StringComparer.Ordinal);

    // "Definition.apiProperty" → C# property name
    public SortedDictionary<string, NameOverride> Properties { get; set; } = new(StringComparer.Ordinal);

    public static ModelNameOverrides Read(string path) =>
        File.Exists(path) ? ApiJson.Read<ModelNameOverrides>(path) : new ModelNameOverrides();
}

internal sealed class NameOverride
{
    public string Name { get; set; } = "";
    public string Reason { get; set; } = "";
}
