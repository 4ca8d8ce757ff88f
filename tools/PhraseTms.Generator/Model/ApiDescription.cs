using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PhraseTms.Generator.Model;

// The project's own description of the Phrase TMS API (api/phrase-tms.api.json). It holds what a generator of models
// and cmdlets needs and nothing of the source document's layout: Swagger 2.0 and OpenAPI 3.x both import into it.
// Property order here is the order in the file; collections are sorted by the importer (see ApiJson).

internal sealed class ApiDescription
{
    [JsonProperty("$comment")] public string Comment { get; set; } = "";
    public SourceInfo Source { get; set; } = new();
    public ApiCounts Counts { get; set; } = new();
    public List<Operation> Operations { get; set; } = new();
    public SortedDictionary<string, Definition> Definitions { get; set; } = new(StringComparer.Ordinal);
}

internal sealed class SourceInfo
{
    public string File { get; set; } = "";          // file name only: the description never records a machine's paths
    public string Format { get; set; } = "";        // "swagger-2.0" or "openapi-3.x.y"
    public string Title { get; set; } = "";
    public string Version { get; set; } = "";
    public string BasePath { get; set; } = "";
    public int DeclaredTags { get; set; }           // the document's tag list (operations may use more)
    public string Sha256 { get; set; } = "";        // of the imported file, so a reader can tell which document it was
    public string? Supplement { get; set; }          // "api/supplement.json" when one was merged
}

internal sealed class Operation
{
    public string Key { get; set; } = "";           // "GET /api2/v1/projects": stable across documents, unlike operationId
    public string Method { get; set; } = "";        // upper case
    public string Path { get; set; } = "";
    public int ApiVersion { get; set; }             // the N of /api2/vN/
    public string Tag { get; set; } = "";           // the first tag
    public List<string>? OtherTags { get; set; }
    public string Summary { get; set; } = "";
    public string? OperationId { get; set; }        // a reference to the document only, never a name
    public bool Deprecated { get; set; }
    public string Origin { get; set; } = "document"; // or "supplement"
    public List<Parameter> Parameters { get; set; } = new();
    public RequestBody? RequestBody { get; set; }
    public SuccessResponse? Response { get; set; }

    // Derived facts.
    public bool Paged { get; set; }                 // pageNumber + pageSize in the query, a page schema with content[]
    public string? PageItem { get; set; }           // the definition of content[]'s items
    public bool Async { get; set; }                 // the answer is or carries an asynchronous request
    public string? AsyncRequestProperty { get; set; } // where it is: "asyncRequest", "analyses[].asyncRequest"; null: the answer
    public bool BinaryResponse { get; set; }
    public bool Upload { get; set; }                // the body is a file: octet-stream or multipart (see requestBody.contentTypes)
    public MemsourceHeader? MemsourceHeader { get; set; }
}

internal sealed class Parameter
{
    public string Name { get; set; } = "";
    public string In { get; set; } = "";            // path, query, header
    public bool Required { get; set; }
    public string? Type { get; set; }
    public string? Format { get; set; }
    public string? Ref { get; set; }                // a multipart part sent as JSON of this definition
    public TypeRef? Items { get; set; }
    public string? CollectionFormat { get; set; }   // multi, csv, ssv, pipes (Swagger 2 names; OpenAPI 3 styles map to them)
    [JsonProperty("enum")] public List<string>? Enum { get; set; }
    public decimal? Minimum { get; set; }
    public decimal? Maximum { get; set; }
    public int? MinLength { get; set; }
    public int? MaxLength { get; set; }
    public string? Pattern { get; set; }
    public JToken? Default { get; set; }
    public string? Description { get; set; }        // first sentence
}

internal sealed class RequestBody
{
    public List<string> ContentTypes { get; set; } = new(); // json, octet-stream, multipart (or the media type itself)
    public List<string> MediaTypes { get; set; } = new();
    public bool Required { get; set; }
    public TypeRef? Schema { get; set; }
    public List<Parameter>? FormFields { get; set; }  // multipart: the parts (type "file" for a file part)
}

internal sealed class SuccessResponse
{
    public int Status { get; set; }
    public TypeRef? Schema { get; set; }
    public bool Binary { get; set; }
    public List<string>? MediaTypes { get; set; }
}

// The JSON metadata header of Phrase's file uploads, as far as the document says what goes in it.
internal sealed class MemsourceHeader
{
    public bool Required { get; set; }
    public TypeRef? Schema { get; set; }            // the body of the operation the description points to for its schema
    public List<MemsourceField>? Fields { get; set; } // the description's "Accepted metadata" list
    public string? Example { get; set; }
    [JsonIgnore] public string? SchemaOperationId { get; set; } // "#operation/x" in the description, resolved after import
}

internal sealed class MemsourceField
{
    public string Name { get; set; } = "";
    public bool Required { get; set; }
    public string? Description { get; set; }
}

// A type: a definition's name (Ref), or a type with an optional format, array items, map values and enum values.
internal sealed class TypeRef
{
    public string? Ref { get; set; }
    public string? Type { get; set; }
    public string? Format { get; set; }
    public TypeRef? Items { get; set; }
    public TypeRef? AdditionalProperties { get; set; }
    [JsonProperty("enum")] public List<string>? Enum { get; set; }
}

internal sealed class Definition
{
    public string Type { get; set; } = "object";
    public string? Description { get; set; }
    public List<string>? Bases { get; set; }        // allOf parents
    public List<string>? Subtypes { get; set; }     // derived: the definitions with this one among their bases
    public string? Discriminator { get; set; }      // the property naming the subtype (Swagger 2: its definition name)
    [JsonProperty("enum")] public List<string>? Enum { get; set; }
    public List<Property> Properties { get; set; } = new();
    public TypeRef? AdditionalProperties { get; set; }
    public string Origin { get; set; } = "document";
}

internal sealed class Property
{
    public string Name { get; set; } = "";
    public string? Ref { get; set; }
    public string? Type { get; set; }
    public string? Format { get; set; }
    public TypeRef? Items { get; set; }
    public TypeRef? AdditionalProperties { get; set; }
    [JsonProperty("enum")] public List<string>? Enum { get; set; }
    public bool Required { get; set; }
    public bool ReadOnly { get; set; }
    public decimal? Minimum { get; set; }
    public decimal? Maximum { get; set; }
    public int? MinLength { get; set; }
    public int? MaxLength { get; set; }
    public string? Description { get; set; }
}

internal sealed class ApiCounts
{
    public int Operations { get; set; }
    public SortedDictionary<string, int> ByMethod { get; set; } = new(StringComparer.Ordinal);
    public int Tags { get; set; }
    public int Definitions { get; set; }
    public int Paged { get; set; }
    public int Async { get; set; }
    public int Uploads { get; set; }
    public int OctetStreamUploads { get; set; }
    public int MultipartUploads { get; set; }
    public int BinaryResponses { get; set; }
    public int FromSupplement { get; set; }
}
