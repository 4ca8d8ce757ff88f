using Newtonsoft.Json.Linq;
using PhraseTms.Generator.Model;

namespace PhraseTms.Generator.Import;

// Swagger 2.0: body and formData parameters, consumes/produces per operation or for the whole document.
internal static class Swagger2Importer
{
    public static ImportedDocument Import(JObject doc)
    {
        var result = new ImportedDocument();
        result.Source.Format = "swagger-" + (string?)doc["swagger"];
        result.Source.Title = (string?)doc["info"]?["title"] ?? "";
        result.Source.Version = (string?)doc["info"]?["version"] ?? "";
        result.Source.BasePath = (string?)doc["basePath"] ?? "";
        result.Source.DeclaredTags = (doc["tags"] as JArray)?.Count ?? 0;
        var consumes = Strings(doc["consumes"]);
        var produces = Strings(doc["produces"]);
        JObject Resolve(JObject p) =>
            p["$ref"] is JValue r ? (JObject)(doc["parameters"]?[Text.RefName((string)r!)] ?? throw new InvalidDataException($"no parameter {r}")) : p;

        foreach (var path in (doc["paths"] as JObject)?.Properties() ?? [])
        {
            var item = (JObject)path.Value;
            foreach (var method in OperationParts.Methods)
            {
                if (item[method] is not JObject raw) continue;
                var op = OperationParts.NewOperation(method, path.Name, raw);
                var all = OperationParts.Merge(item["parameters"], raw["parameters"], Resolve).ToList();
                var ps = all.Where(p => (string?)p["in"] is "path" or "query" or "header").Select(Parameter).ToList();
                op.Parameters = OperationParts.Order(path.Name, ps);
                op.MemsourceHeader = MemsourceHeaderReader.Read(op.Parameters, all.FirstOrDefault(p => (string?)p["name"] == "Memsource"), (string?)raw["description"]);
                op.RequestBody = Body(all, Strings(raw["consumes"]) ?? consumes);
                var status = OperationParts.SuccessStatus(raw["responses"] as JObject, out var response);
                if (status != 0)
                {
                    var schema = SchemaReader.Type(response?["schema"]);
                    // Without produces anywhere, an answer with a schema is JSON (as OpenAPI 3 would have to say).
                    var media = Strings(raw["produces"]) ?? produces ?? (schema is null ? null : new List<string> { "application/json" });
                    var binary = media?.Any(Text.IsBinaryMediaType) == true || schema?.Type == "file";
                    op.Response = new SuccessResponse
                    {
                        Status = status,
                        Schema = binary && schema?.Type == "file" ? null : schema,
                        Binary = binary,
                        MediaTypes = schema is null && !binary ? null : media,
                    };
                }
                result.Operations.Add(op);
            }
        }
        foreach (var d in (doc["definitions"] as JObject)?.Properties() ?? [])
            result.Definitions[d.Name] = SchemaReader.Definition((JObject)d.Value);
        return result;
    }

    private static RequestBody? Body(List<JObject> all, List<string>? consumes)
    {
        var body = all.FirstOrDefault(p => (string?)p["in"] == "body");
        var form = all.Where(p => (string?)p["in"] == "formData").ToList();
        if (body is null && form.Count == 0) return null;
        var media = consumes ?? new List<string> { form.Count > 0 ? "multipart/form-data" : "application/json" };
        return new RequestBody
        {
            MediaTypes = media,
            ContentTypes = media.Select(Text.ContentKind).Distinct().OrderBy(k => k, StringComparer.Ordinal).ToList(),
            Required = (bool?)body?["required"] ?? form.Any(f => (bool?)f["required"] == true),
            Schema = SchemaReader.Type(body?["schema"]),
            FormFields = form.Count > 0 ? form.Select(f => { var p = Parameter(f); p.In = "form"; return p; }).ToList() : null,
        };
    }

    public static Parameter Parameter(JObject p)
    {
        var type = (string?)p["type"];
        return new Parameter
        {
            Name = (string?)p["name"] ?? "",
            In = (string?)p["in"] ?? "",
            Required = (bool?)p["required"] ?? false,
            Type = type,
            Format = (string?)p["format"],
            Items = type == "array" ? SchemaReader.Type(p["items"]) : null,
            CollectionFormat = type == "array" ? (string?)p["collectionFormat"] ?? "csv" : null,
            Enum = SchemaReader.Enum(p["enum"]),
            Minimum = (decimal?)p["minimum"],
            Maximum = (decimal?)p["maximum"],
            MinLength = (int?)p["minLength"],
            MaxLength = (int?)p["maxLength"],
            Pattern = (string?)p["pattern"],
            Default = p["default"]?.DeepClone(),
            Description = Text.FirstSentence((string?)p["description"]),
        };
    }

    private static List<string>? Strings(JToken? t) => (t as JArray)?.Values<string>().OfType<string>().ToList();
}
