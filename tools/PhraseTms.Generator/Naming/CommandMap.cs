namespace PhraseTms.Generator.Naming;

// Every operation → its cmdlet and parameter set (or why it has none). Written to api/command-map.json and
// docs/commands.md by generate-docs; the input of the cmdlet generator.
internal sealed class CommandMap
{
    [Newtonsoft.Json.JsonProperty("$comment")] public string Comment { get; set; } = "";
    public CommandMapCounts Counts { get; set; } = new();
    public List<CmdletEntry> Cmdlets { get; set; } = new();
    public List<OperationEntry> Operations { get; set; } = new();
}

internal sealed class CommandMapCounts
{
    [Newtonsoft.Json.JsonProperty(DefaultValueHandling = Newtonsoft.Json.DefaultValueHandling.Include)] public int Operations { get; set; }
    [Newtonsoft.Json.JsonProperty(DefaultValueHandling = Newtonsoft.Json.DefaultValueHandling.Include)] public int Cmdlets { get; set; }
    [Newtonsoft.Json.JsonProperty(DefaultValueHandling = Newtonsoft.Json.DefaultValueHandling.Include)] public int ParameterSets { get; set; }
    [Newtonsoft.Json.JsonProperty(DefaultValueHandling = Newtonsoft.Json.DefaultValueHandling.Include)] public int Generated { get; set; }
    [Newtonsoft.Json.JsonProperty(DefaultValueHandling = Newtonsoft.Json.DefaultValueHandling.Include)] public int HandWritten { get; set; }
    [Newtonsoft.Json.JsonProperty(DefaultValueHandling = Newtonsoft.Json.DefaultValueHandling.Include)] public int Superseded { get; set; }
    [Newtonsoft.Json.JsonProperty(DefaultValueHandling = Newtonsoft.Json.DefaultValueHandling.Include)] public int Unmapped { get; set; }
}

internal sealed class CmdletEntry
{
    public string Name { get; set; } = "";
    public string Verb { get; set; } = "";
    public string Noun { get; set; } = "";
    public string Tag { get; set; } = "";
    public bool HandWritten { get; set; }
    public List<ParameterSetEntry> ParameterSets { get; set; } = new();
}

internal sealed class ParameterSetEntry
{
    public string Name { get; set; } = "";       // List, ById, Batch, Default, or an override's
    public string Operation { get; set; } = "";  // operation key
}

internal static class OperationStatus
{
    public const string Generate = "generate";
    public const string HandWritten = "hand-written";
    public const string Superseded = "superseded";
}

internal sealed class OperationEntry
{
    public string Key { get; set; } = "";
    public string Method { get; set; } = "";
    public string Path { get; set; } = "";
    public string Tag { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Status { get; set; } = OperationStatus.Generate;
    public string? Cmdlet { get; set; }
    public string? ParameterSet { get; set; }
    public string? SupersededBy { get; set; }
    public string? Reason { get; set; }          // of an override
    public List<ParameterNameEntry>? Parameters { get; set; }
}

internal sealed class ParameterNameEntry
{
    public string Name { get; set; } = "";       // the PowerShell parameter
    public string ApiName { get; set; } = "";
    public string In { get; set; } = "";         // path, query, header, body, form
    public bool Mandatory { get; set; }
    public List<string>? Aliases { get; set; }   // the API's name when renamed; Uid/Id on the id of a ById set
}
