using System.Security.Cryptography;
using PhraseTms.Generator.Model;

namespace PhraseTms.Generator.Import;

// document (+ supplement) → ApiDescription: parse, import by format, merge, derive facts, sort, count.
internal static class Importer
{
    public const string Comment =
        "Generated from the API document named in source by `dotnet run --project tools/PhraseTms.Generator -- import <file>`; " +
        "do not edit by hand (add missing operations to api/supplement.json). Absent fields are null, false or 0. See api/README.md.";

    public static ApiDescription ImportFile(string documentPath, string? supplementPath, out List<string> notes)
    {
        var bytes = File.ReadAllBytes(documentPath);
        var supplement = supplementPath is not null && File.Exists(supplementPath) ? ApiJson.Read<Supplement>(supplementPath) : null;
        var result = Import(System.Text.Encoding.UTF8.GetString(bytes), supplement, out notes);
        result.Source.File = Path.GetFileName(documentPath);
        result.Source.Sha256 = Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();
        if (supplement is not null) result.Source.Supplement = "api/supplement.json";
        return result;
    }

    public static ApiDescription Import(string documentText, Supplement? supplement, out List<string> notes)
    {
        var json = DocumentReader.Parse(documentText);
        var doc = json["swagger"] is not null ? Swagger2Importer.Import(json)
            : json["openapi"] is not null ? OpenApi3Importer.Import(json)
            : throw new InvalidDataException("neither a Swagger 2.0 nor an OpenAPI 3.x document (no 'swagger' or 'openapi' field)");
        notes = supplement?.MergeInto(doc) ?? new List<string>();
        var duplicate = doc.Operations.GroupBy(o => o.Key).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidDataException($"two operations {duplicate.Key}");
        var byOperationId = doc.Operations.Where(o => o.OperationId is not null).GroupBy(o => o.OperationId!).ToDictionary(g => g.Key, g => g.First());
        foreach (var op in doc.Operations) DerivedFacts.Apply(op, doc.Definitions, byOperationId);
        DerivedFacts.Subtypes(doc.Definitions);
        var description = new ApiDescription
        {
            Comment = Comment,
            Source = doc.Source,
            Operations = doc.Operations.OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => MethodRank(o.Method)).ToList(),
            Definitions = doc.Definitions,
        };
        description.Counts = Count(description);
        return description;
    }

    private static int MethodRank(string m) => Array.IndexOf(new[] { "GET", "POST", "PUT", "PATCH", "DELETE" }, m) is var i && i >= 0 ? i : 9;

    public static ApiCounts Count(ApiDescription d)
    {
        var ops = d.Operations;
        var counts = new ApiCounts
        {
            Operations = ops.Count,
            Tags = ops.SelectMany(o => new[] { o.Tag }.Concat(o.OtherTags ?? new())).Where(t => t.Length > 0).Distinct().Count(),
            Definitions = d.Definitions.Count,
            Paged = ops.Count(o => o.Paged),
            Async = ops.Count(o => o.Async),
            Uploads = ops.Count(o => o.Upload),
            OctetStreamUploads = ops.Count(o => o.RequestBody?.ContentTypes.Contains("octet-stream") == true),
            MultipartUploads = ops.Count(o => o.RequestBody?.ContentTypes.Contains("multipart") == true),
            BinaryResponses = ops.Count(o => o.BinaryResponse),
            FromSupplement = ops.Count(o => o.Origin == "supplement") + d.Definitions.Values.Count(x => x.Origin == "supplement"),
        };
        foreach (var g in ops.GroupBy(o => o.Method)) counts.ByMethod[g.Key] = g.Count();
        return counts;
    }

    // One line: what a refresh produced, to compare at a glance with the document's own numbers.
    public static string SummaryLine(ApiDescription d)
    {
        var c = d.Counts;
        var byMethod = string.Join(", ", new[] { "GET", "POST", "PUT", "DELETE", "PATCH" }
            .Select(m => $"{m} {c.ByMethod.GetValueOrDefault(m)}"));
        var fromDoc = d.Operations.Count(o => o.Origin == "document");
        return $"Imported {c.Operations} operations ({byMethod}; {fromDoc} from the document, {c.Operations - fromDoc} from the supplement), " +
               $"{c.Tags} tags, {c.Definitions} definitions, {c.Paged} paged, {c.Async} async, " +
               $"{c.Uploads} uploads ({c.OctetStreamUploads} octet-stream, {c.MultipartUploads} multipart), {c.BinaryResponses} binary responses";
    }
}
