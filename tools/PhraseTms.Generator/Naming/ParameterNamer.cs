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
        if (op.RequestBody is { } body)
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

    public static string Name(string apiName, bool isArray)
    {
        var pascal = Words.PascalIdentifier(apiName);
        return isArray ? Singularizer.LastWord(pascal) : pascal;
    }
}
