using PhraseTms.ContractStub.Description;

namespace PhraseTms.ContractStub.Validation;

/// <summary>Path and query parameters: present, known, of their type and format, arrays as collectionFormat says.</summary>
public static class ParameterRules
{
    public static void CheckPath(ApiOperation op, IReadOnlyDictionary<string, string> values, ViolationList into)
    {
        foreach (var p in op.In("path"))
        {
            if (!values.TryGetValue(p.Name, out var value) || value.Length == 0)
            {
                into.Add($"path {p.Name}", "missing");
                continue;
            }
            // An integer id is digits only: no sign, no spaces.
            if (p.Type == "integer" && !value.All(char.IsAsciiDigit))
                into.Add($"path {p.Name}", $"'{value}' is not an integer id (digits only)");
            else if (ScalarRules.Check(p, value) is { } problem)
                into.Add($"path {p.Name}", problem);
        }
    }

    public static void CheckQuery(ApiOperation op, StubRequest request, ViolationList into)
    {
        var known = op.In("query").ToDictionary(p => p.Name, StringComparer.Ordinal);
        var sent = request.Query().GroupBy(kv => kv.Key, StringComparer.Ordinal);
        foreach (var group in sent)
        {
            var name = group.Key;
            var values = group.Select(kv => kv.Value).ToList();
            if (!known.TryGetValue(name, out var p))
            {
                into.Add($"query {name}", "not a parameter of this operation");
                continue;
            }
            if (p.Type == "array") CheckArray(p, values, into);
            else if (values.Count > 1) into.Add($"query {name}", $"given {values.Count} times (not an array)");
            else if (ScalarRules.Check(p, values[0]) is { } problem) into.Add($"query {name}", problem);
        }
        var names = request.Query().Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var p in known.Values)
            if (p.Required && !names.Contains(p.Name)) into.Add($"query {p.Name}", "required but missing");
    }

    private static void CheckArray(ApiParameter p, List<string> values, ViolationList into)
    {
        var items = p.Items ?? new ApiType { Type = "string" };
        var format = p.CollectionFormat ?? "csv";
        IEnumerable<string> elements;
        if (format == "multi")
        {
            elements = values;
        }
        else
        {
            if (values.Count > 1) into.Add($"query {p.Name}", $"repeated {values.Count} times; collectionFormat {format} wants one delimited value");
            var separator = format switch { "ssv" => ' ', "tsv" => '\t', "pipes" => '|', _ => ',' };
            elements = values.SelectMany(v => v.Split(separator));
        }
        foreach (var element in elements)
        {
            if (ScalarRules.Check(items, element) is not { } problem) continue;
            // A comma where each element should be its own name=value pair is the usual mistake: say so.
            var hint = format == "multi" && element.Contains(',') ? $" (collectionFormat multi: repeat the name, {p.Name}=a&{p.Name}=b)" : "";
            into.Add($"query {p.Name}", problem + hint);
        }
    }
}
