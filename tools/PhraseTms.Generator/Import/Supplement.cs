using PhraseTms.Generator.Model;

namespace PhraseTms.Generator.Import;

// api/supplement.json: operations and definitions the document lacks but the module needs, written by hand in the
// description's own form (see api/README.md). The document wins once it has an operation itself: the import then
// says so, and the entry can be deleted.
internal sealed class Supplement
{
    [Newtonsoft.Json.JsonProperty("$comment")] public string? Comment { get; set; }
    public List<Operation> Operations { get; set; } = new();
    public SortedDictionary<string, Definition> Definitions { get; set; } = new(StringComparer.Ordinal);

    public List<string> MergeInto(ImportedDocument doc)
    {
        var notes = new List<string>();
        var keys = doc.Operations.Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var op in Operations)
        {
            var probe = OperationParts.NewOperation(op.Method.ToLowerInvariant(), op.Path, new Newtonsoft.Json.Linq.JObject());
            op.Key = probe.Key;
            op.Method = probe.Method;
            op.ApiVersion = probe.ApiVersion;
            op.Origin = "supplement";
            op.Parameters = OperationParts.Order(op.Path, op.Parameters);
            if (keys.Contains(op.Key)) { notes.Add($"the document now has {op.Key}: delete it from api/supplement.json"); continue; }
            doc.Operations.Add(op);
        }
        foreach (var (name, def) in Definitions)
        {
            if (doc.Definitions.ContainsKey(name)) { notes.Add($"the document now has definition {name}: delete it from api/supplement.json"); continue; }
            def.Origin = "supplement";
            def.Properties.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            doc.Definitions[name] = def;
        }
        return notes;
    }
}
