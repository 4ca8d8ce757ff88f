using PhraseTms.Generator.Model;

namespace PhraseTms.Generator.Naming;

// PowerShell parameter names for an operation's inputs: path, query and user-facing header parameters, the
// top-level properties of a JSON body, the parts of a multipart body. PascalCase, arrays singular (statuses →
// Status, targetLangs → TargetLang), the API's name kept as an alias when it differs beyond case.
internal static class ParameterNamer
{
    // Headers the cmdlet sets itself (from -Path / the body), never parameters of their own.
    public static readonly IReadOnlySet<string> TransportHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Disposition", "Content-Length", "Content-Type", "Authorization", "Memsource",
    };

    public static List<ParameterNameEntry> For(Operation op, ApiDescription api, NamingOverrides overrides, string parameterSet)
    {
        var result = new List<ParameterNameEntry>();
        void Add(string apiName, string location, bool mandatory, bool isArray)
        {
            var name = overrides.ParameterNames.TryGetValue(apiName, out var fixedName) ? fixedName : Name(apiName, isArray);
            if (result.Any(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)))
                name = Words.PascalIdentifier(location) + name; // a body property named like a query parameter: BodyName
            var entry = new ParameterNameEntry { Name = name, ApiName = apiName, In = location, Mandatory = mandatory };
            if (!string.Equals(name, apiName, StringComparison.OrdinalIgnoreCase)) entry.Aliases = new List<string> { apiName };
            result.Add(entry);
        }
        foreach (var p in op.Parameters.Where(p => p.In != "header" || !TransportHeaders.Contains(p.Name)))
            Add(p.Name, p.In, p.Required, p.Type == "array");
        if (op.Upload)
        {
            // The file(s): -Path (a file part of a multipart body, or the whole octet-stream body), bound from
            // Get-ChildItem's FullName / PSPath; then the Memsource header's fields, then the JSON parts.
            var filePart = op.RequestBody?.ContentTypes.Contains("octet-stream") == true ? null
                : op.RequestBody?.FormFields?.FirstOrDefault(f => f.Type == "file" || f.Type == "array" && f.Items?.Type == "file");
            result.Add(new ParameterNameEntry { Name = "Path", ApiName = filePart?.Name ?? "body", In = "file", Mandatory = true, Aliases = ["FullName", "PSPath"] });
            foreach (var (name, required) in MemsourceFields(op, api)) Add(name, "memsource", required, IsArrayField(op, api, name));
            if (filePart is not null && op.RequestBody?.FormFields is { } parts)
                foreach (var f in parts.Where(f => f != filePart)) Add(f.Name, "form", f.Required, f.Type == "array");
        }
        else if (op.RequestBody is { } body)
        {
            if (body.FormFields is { } parts)
                foreach (var f in parts) Add(f.Name, "form", f.Required, f.Type == "array");
            else if (body.ContentTypes.Contains("json") && body.Schema?.Ref is { } r && api.Definitions.TryGetValue(r, out var def))
                foreach (var p in def.Properties.Where(p => !p.ReadOnly)) Add(p.Name, "body", p.Required, p.Type == "array");
        }
        // The id of a ById set binds from a piped object's Uid / Id property.
        if (parameterSet == "ById" && result.LastOrDefault(p => p.In == "path") is { } id)
        {
            var alias = id.Name.EndsWith("Uid", StringComparison.Ordinal) ? "Uid" : id.Name.EndsWith("Id", StringComparison.Ordinal) ? "Id" : null;
            if (alias is not null && id.Name != alias && !result.Any(p => string.Equals(p.Name, alias, StringComparison.OrdinalIgnoreCase)))
                (id.Aliases ??= new List<string>()).Add(alias);
        }
        return result;
    }

    /// <summary>The fields of an upload's Memsource header: its schema's properties when the description links one
    /// (required as the "Accepted metadata" list says, else as the schema does), else that list.</summary>
    public static List<(string Name, bool Required)> MemsourceFields(Operation op, ApiDescription api)
    {
        var header = op.MemsourceHeader;
        if (header is null) return [];
        var listed = (header.Fields ?? []).ToDictionary(f => f.Name, f => f.Required, StringComparer.Ordinal);
        if (header.Schema?.Ref is { } r && api.Definitions.TryGetValue(r, out var def))
            return def.Properties.Where(p => !p.ReadOnly)
                .Select(p => (p.Name, listed.TryGetValue(p.Name, out var req) ? req : p.Required)).ToList();
        return (header.Fields ?? []).Select(f => (f.Name, f.Required)).ToList();
    }

    private static bool IsArrayField(Operation op, ApiDescription api, string name) =>
        op.MemsourceHeader?.Schema?.Ref is { } r && api.Definitions.TryGetValue(r, out var def)
            ? def.Properties.FirstOrDefault(p => p.Name == name)?.Type == "array"
            : false; // a listed field without a schema: its type is unknown, so it keeps its name

    public static string Name(string apiName, bool isArray)
    {
        var pascal = Words.PascalIdentifier(apiName);
        return isArray ? Singularizer.LastWord(pascal) : pascal;
    }
}
