using PhraseTms.Generator.Model;

namespace PhraseTms.Generator.Import;

// The facts a generator needs and the document only implies. Computed on every import, also for the supplement,
// so a hand-written entry cannot disagree with the rules.
internal static class DerivedFacts
{
    public static void Apply(Operation op, IReadOnlyDictionary<string, Definition> definitions, IReadOnlyDictionary<string, Operation> byOperationId)
    {
        if (op.MemsourceHeader is { SchemaOperationId: { } see } header && byOperationId.TryGetValue(see, out var target))
            header.Schema = target.RequestBody?.Schema;

        Definition? Def(string? name) => name is not null && definitions.TryGetValue(name, out var d) ? d : null;
        var answer = Def(op.Response?.Schema?.Ref);

        var query = op.Parameters.Where(p => p.In == "query").Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var content = answer?.Properties.FirstOrDefault(p => p.Name == "content" && p.Type == "array");
        op.Paged = query.Contains("pageNumber") && query.Contains("pageSize") && content is not null;
        op.PageItem = op.Paged ? content!.Items?.Ref ?? content.Items?.Type : null;

        // A page of requests (GET async) lists them; it starts nothing.
        op.AsyncRequestProperty = AsyncRequestPath(answer, definitions, skip: op.Paged ? "content" : null);
        op.Async = op.AsyncRequestProperty is not null || IsAsyncRequest(answer);

        op.BinaryResponse = op.Response?.Binary == true;
        var kinds = op.RequestBody?.ContentTypes ?? new List<string>();
        op.Upload = kinds.Contains("octet-stream") || kinds.Contains("multipart");

        // A multipart body given as a schema: its properties are the parts.
        // (Not when the body may also be JSON: then the schema is the JSON one.)
        if (op.RequestBody is { FormFields: null } body && kinds.Contains("multipart") && !kinds.Contains("json") && Def(body.Schema?.Ref) is { } form)
            body.FormFields = form.Properties.Select(FormField).ToList();
    }

    // USER and VENDOR are ProviderReference's subtypes: a model generator needs the list on the base.
    public static void Subtypes(IDictionary<string, Definition> definitions)
    {
        foreach (var d in definitions.Values) d.Subtypes = null;
        foreach (var (name, d) in definitions.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            foreach (var b in d.Bases ?? new List<string>())
                if (definitions.TryGetValue(b, out var parent)) (parent.Subtypes ??= new List<string>()).Add(name);
    }

    // Where an answer carries its asynchronous request(s): a property asyncRequest, or a list of items that are or
    // carry one ("analyses[].asyncRequest", "asyncRequests[]").
    private static string? AsyncRequestPath(Definition? answer, IReadOnlyDictionary<string, Definition> definitions, string? skip)
    {
        if (answer is null) return null;
        if (answer.Properties.Any(p => p.Name == "asyncRequest" && p.Ref is not null)) return "asyncRequest";
        foreach (var list in answer.Properties.Where(p => p.Type == "array" && p.Items?.Ref is not null && p.Name != skip))
        {
            var item = definitions.GetValueOrDefault(list.Items!.Ref!);
            if (item?.Properties.Any(p => p.Name == "asyncRequest" && p.Ref is not null) == true) return list.Name + "[].asyncRequest";
            if (IsAsyncRequest(item)) return list.Name + "[]";
        }
        return null;
    }

    // An AsyncRequestDto-shaped answer: the request itself (id, action, dateCreated).
    private static bool IsAsyncRequest(Definition? d) =>
        d is not null && new[] { "id", "action", "dateCreated" }.All(n => d.Properties.Any(p => p.Name == n));

    // A part: a file (type file; an array of them: array of file), or a value, or JSON of a definition (ref).
    private static Parameter FormField(Property p)
    {
        static bool IsFile(string? r) => r is "MultipartFile" or "InputStream";
        var file = IsFile(p.Ref);
        var files = p.Type == "array" && IsFile(p.Items?.Ref);
        return new Parameter
        {
            Name = p.Name,
            In = "form",
            Required = p.Required,
            Type = file ? "file" : files ? "array" : p.Ref is not null ? "object" : p.Type,
            Format = file || files ? null : p.Ref is not null ? "application/json" : p.Format,
            Ref = file ? null : p.Ref,
            Items = files ? new TypeRef { Type = "file" } : p.Type == "array" ? p.Items : null,
            Description = p.Description,
        };
    }
}
