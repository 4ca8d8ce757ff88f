using Newtonsoft.Json.Linq;
using PhraseTms.Generator.Model;

namespace PhraseTms.Generator.Import;

// OpenAPI 3.x: parameters carry a schema, bodies and answers a content map, schemas live in components.
internal static class OpenApi3Importer
{
    public static ImportedDocument Import(JObject doc)
    {
        var result = new ImportedDocument();
        result.Source.Format = "openapi-" + (string?)doc["openapi"];
        result.Source.Title = (string?)doc["info"]?["title"] ?? "";
        result.Source.Version = (string?)doc["info"]?["version"] ?? "";
        result.Source.BasePath = BasePath((string?)doc["servers"]?[0]?["url"]);
        result.Source.DeclaredTags = (doc["tags"] as JArray)?.Count ?? 0;
        var components = doc["components"] as JObject;
        JObject Resolve(JObject p, string kind) =>
            p["$ref"] is JValue r ? (JObject)(components?[kind]?[Text.RefName((string)r!)] ?? throw new InvalidDataException($"no {kind} {r}")) : p;

        foreach (var path in (doc["paths"] as JObject)?.Properties() ?? [])
        {
            var item = (JObject)path.Value;
            foreach (var method in OperationParts.Methods)
            {
                if (item[method] is not JObject raw) continue;
                var op = OperationParts.NewOperation(method, path.Name, raw);
                var all = OperationParts.Merge(item["parameters"], raw["parameters"], p => Resolve(p, "parameters")).ToList();
                op.Parameters = OperationParts.Order(path.Name, all.Where(p => (string?)p["in"] is "path" or "query" or "header").Select(Parameter));
                op.MemsourceHeader = MemsourceHeaderReader.Read(op.Parameters, all.FirstOrDefault(p => (string?)p["name"] == "Memsource"), (string?)raw["description"]);
                if (raw["requestBody"] is JObject body) op.RequestBody = Body(Resolve(body, "requestBodies"));
                var status = OperationParts.SuccessStatus(raw["responses"] as JObject, out var response);
                if (status != 0)
                {
                    response = response is null ? null : Resolve(response, "responses");
                    var content = response?["content"] as JObject;
                    var media = content?.Properties().Select(p => p.Name).ToList();
                    var schema = content?.Properties().Select(p => SchemaReader.Type(p.Value["schema"])).FirstOrDefault(s => s is not null);
                    var binary = media?.Any(Text.IsBinaryMediaType) == true || schema is { Type: "string", Format: "binary" };
                    op.Response = new SuccessResponse
                    {
                        Status = status,
                        Schema = binary && schema is { Type: "string", Format: "binary" } ? null : schema,
                        Binary = binary,
                        MediaTypes = media is { Count: > 0 } ? media : null,
                    };
                }
                result.Operations.Add(op);
            }
        }
        foreach (var d in (components?["schemas"] as JObject)?.Properties() ?? [])
            result.Definitions[d.Name] = SchemaReader.Definition((JObject)d.Value);
        return result;
    }

    private static RequestBody Body(JObject body)
    {
        var content = body["content"] as JObject;
        var media = content?.Properties().Select(p => p.Name).ToList() ?? new List<string>();
        var multipart = content?.Properties().FirstOrDefault(p => Text.ContentKind(p.Name) == "multipart")?.Value["schema"] as JObject;
        var first = content?.Properties().Select(p => p.Value["schema"]).FirstOrDefault(s => s is not null);
        var result = new RequestBody
        {
            MediaTypes = media,
            ContentTypes = media.Select(Text.ContentKind).Distinct().OrderBy(k => k, StringComparer.Ordinal).ToList(),
            Required = (bool?)body["required"] ?? false,
            Schema = multipart is { } m && m["$ref"] is null ? null : SchemaReader.Type(first),
        };
        // An inline multipart schema is the list of its parts (a $ref one is resolved later, like Swagger 2's).
        if (multipart is not null && multipart["$ref"] is null && multipart["properties"] is JObject parts)
        {
            var required = new HashSet<string>((multipart["required"] as JArray)?.Values<string>().OfType<string>() ?? []);
            result.FormFields = parts.Properties().Select(p => FormField(p.Name, (JObject)p.Value, required.Contains(p.Name))).ToList();
        }
        return result;
    }

    private static Parameter FormField(string name, JObject schema, bool required)
    {
        var t = SchemaReader.Type(schema)!;
        var file = t is { Type: "string", Format: "binary" };
        var files = t is { Type: "array", Items: { Type: "string", Format: "binary" } };
        return new Parameter
        {
            Name = name,
            In = "form",
            Required = required,
            Type = file ? "file" : files ? "array" : t.Ref is not null ? "object" : t.Type,
            Format = file || files ? null : t.Ref is not null ? "application/json" : t.Format,
            Ref = t.Ref,
            Items = files ? new TypeRef { Type = "file" } : t.Type == "array" ? t.Items : null,
            Description = Text.FirstSentence((string?)schema["description"]),
        };
    }

    private static Parameter Parameter(JObject p)
    {
        var s = p["schema"] as JObject ?? new JObject();
        var t = SchemaReader.Type(s) ?? new TypeRef();
        var location = (string?)p["in"] ?? "";
        var explode = (bool?)p["explode"] ?? ((string?)p["style"] ?? "form") == "form";
        return new Parameter
        {
            Name = (string?)p["name"] ?? "",
            In = location,
            Required = (bool?)p["required"] ?? false,
            Type = t.Type ?? (t.Ref is null ? null : "object"),
            Format = t.Format,
            Items = t.Type == "array" ? t.Items : null,
            CollectionFormat = t.Type != "array" ? null : (string?)p["style"] switch
            {
                "spaceDelimited" => "ssv",
                "pipeDelimited" => "pipes",
                _ => explode && location == "query" ? "multi" : "csv",
            },
            Enum = t.Enum,
            Minimum = (decimal?)s["minimum"],
            Maximum = (decimal?)s["maximum"],
            MinLength = (int?)s["minLength"],
            MaxLength = (int?)s["maxLength"],
            Pattern = (string?)s["pattern"],
            Default = s["default"]?.DeepClone(),
            Description = Text.FirstSentence((string?)p["description"]),
        };
    }

    // "https://cloud.memsource.com/web" → "/web"
    private static string BasePath(string? url)
    {
        if (string.IsNullOrEmpty(url)) return "";
        if (Uri.TryCreate(url, UriKind.Absolute, out var u)) return u.AbsolutePath.TrimEnd('/');
        return url.TrimEnd('/');
    }
}
