using Newtonsoft.Json;

namespace PhraseTms.ContractStub.Description;

/// <summary>api/phrase-tms.api.json as the stub needs it (the shape is documented in api/README.md).</summary>
public sealed class ApiDescription
{
    [JsonProperty("operations")] public List<ApiOperation> Operations { get; set; } = [];
    [JsonProperty("definitions")] public Dictionary<string, ApiDefinition> Definitions { get; set; } = [];

    public static ApiDescription Load(string path)
    {
        using var reader = new JsonTextReader(File.OpenText(path)) { DateParseHandling = DateParseHandling.None };
        return JsonSerializer.CreateDefault().Deserialize<ApiDescription>(reader)
               ?? throw new InvalidDataException($"{path}: not an API description");
    }

    public ApiDefinition? Definition(string? name) =>
        name is not null && Definitions.TryGetValue(name, out var d) ? d : null;
}

public sealed class ApiOperation
{
    [JsonProperty("key")] public string Key { get; set; } = "";
    [JsonProperty("method")] public string Method { get; set; } = "";
    [JsonProperty("path")] public string Path { get; set; } = "";
    [JsonProperty("parameters")] public List<ApiParameter> Parameters { get; set; } = [];
    [JsonProperty("requestBody")] public ApiRequestBody? RequestBody { get; set; }
    [JsonProperty("response")] public ApiResponse? Response { get; set; }
    [JsonProperty("paged")] public bool Paged { get; set; }
    [JsonProperty("async")] public bool Async { get; set; }
    [JsonProperty("asyncRequestProperty")] public string? AsyncRequestProperty { get; set; }
    [JsonProperty("binaryResponse")] public bool BinaryResponse { get; set; }
    [JsonProperty("upload")] public bool Upload { get; set; }
    [JsonProperty("memsourceHeader")] public ApiMemsourceHeader? MemsourceHeader { get; set; }

    public IEnumerable<ApiParameter> In(string location) => Parameters.Where(p => p.In == location);

    public ApiParameter? Header(string name) =>
        In("header").FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => Key;
}

/// <summary>A type: a definition's name, or a type + format with items (arrays), additionalProperties (maps), enum.</summary>
public class ApiType
{
    [JsonProperty("ref")] public string? Ref { get; set; }
    [JsonProperty("type")] public string? Type { get; set; }
    [JsonProperty("format")] public string? Format { get; set; }
    [JsonProperty("items")] public ApiType? Items { get; set; }
    [JsonProperty("additionalProperties")] public ApiType? AdditionalProperties { get; set; }
    [JsonProperty("enum")] public List<string>? Enum { get; set; }
    [JsonProperty("minimum")] public double? Minimum { get; set; }
    [JsonProperty("maximum")] public double? Maximum { get; set; }
    [JsonProperty("minLength")] public int? MinLength { get; set; }
    [JsonProperty("maxLength")] public int? MaxLength { get; set; }
    [JsonProperty("pattern")] public string? Pattern { get; set; }
}

public sealed class ApiParameter : ApiType
{
    [JsonProperty("name")] public string Name { get; set; } = "";
    [JsonProperty("in")] public string In { get; set; } = "";
    [JsonProperty("required")] public bool Required { get; set; }
    [JsonProperty("collectionFormat")] public string? CollectionFormat { get; set; }
    [JsonProperty("default")] public object? Default { get; set; }
    [JsonProperty("description")] public string? Description { get; set; }
}

public sealed class ApiRequestBody
{
    [JsonProperty("contentTypes")] public List<string> ContentTypes { get; set; } = [];
    [JsonProperty("mediaTypes")] public List<string> MediaTypes { get; set; } = [];
    [JsonProperty("required")] public bool Required { get; set; }
    [JsonProperty("schema")] public ApiType? Schema { get; set; }
    [JsonProperty("formFields")] public List<ApiParameter>? FormFields { get; set; }
}

public sealed class ApiResponse
{
    [JsonProperty("status")] public int Status { get; set; }
    [JsonProperty("schema")] public ApiType? Schema { get; set; }
    [JsonProperty("binary")] public bool Binary { get; set; }
    [JsonProperty("mediaTypes")] public List<string>? MediaTypes { get; set; }
}

public sealed class ApiMemsourceHeader
{
    [JsonProperty("required")] public bool Required { get; set; }
    [JsonProperty("schema")] public ApiType? Schema { get; set; }
    [JsonProperty("fields")] public List<ApiMemsourceField>? Fields { get; set; }
    [JsonProperty("example")] public string? Example { get; set; }
}

public sealed class ApiMemsourceField
{
    [JsonProperty("name")] public string Name { get; set; } = "";
    [JsonProperty("required")] public bool Required { get; set; }
}

public sealed class ApiDefinition
{
    [JsonProperty("bases")] public List<string>? Bases { get; set; }
    [JsonProperty("subtypes")] public List<string>? Subtypes { get; set; }
    [JsonProperty("discriminator")] public string? Discriminator { get; set; }
    [JsonProperty("additionalProperties")] public ApiType? AdditionalProperties { get; set; }
    [JsonProperty("properties")] public List<ApiProperty> Properties { get; set; } = [];
}

public sealed class ApiProperty : ApiType
{
    [JsonProperty("name")] public string Name { get; set; } = "";
    [JsonProperty("required")] public bool Required { get; set; }
    [JsonProperty("readOnly")] public bool ReadOnly { get; set; }
}
