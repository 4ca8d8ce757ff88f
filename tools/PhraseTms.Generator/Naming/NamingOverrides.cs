using Newtonsoft.Json;
using PhraseTms.Generator.Model;

namespace PhraseTms.Generator.Naming;

// api/naming-overrides.json: the exceptions to the rules, each with its reason. Short on purpose: a new entry is a
// sign the rule may want changing instead.
internal sealed class NamingOverrides
{
    [JsonProperty("$comment")] public string? Comment { get; set; }

    // A path segment's noun when singularizing its PascalCase form is wrong: "lqas" → "LqaConversation".
    public SortedDictionary<string, string> SegmentNouns { get; set; } = new(StringComparer.Ordinal);

    // An API parameter or body property's PowerShell name when the rule's is wrong: "requestedStatus" → "Status".
    public SortedDictionary<string, string> ParameterNames { get; set; } = new(StringComparer.Ordinal);

    // By operation key.
    public SortedDictionary<string, OperationOverride> Operations { get; set; } = new(StringComparer.Ordinal);

    public static NamingOverrides Load(string path) => ApiJson.Read<NamingOverrides>(path);
}

internal sealed class OperationOverride
{
    public string? Cmdlet { get; set; }          // Verb-Noun, instead of the rule's
    public string? ParameterSet { get; set; }    // instead of the rule's
    public bool HandWritten { get; set; }        // one of the module's own cmdlets: a generator skips it
    public string? SupersededBy { get; set; }    // an operation key: this one gets no cmdlet
    public bool Keep { get; set; }               // an older version that does what the newer cannot
    public string Reason { get; set; } = "";
}
