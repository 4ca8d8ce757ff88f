using Newtonsoft.Json.Linq;
using PhraseTms.ContractStub.Description;

namespace PhraseTms.ContractStub.Validation;

/// <summary>Whether a JSON value is a request (read-only fields must not be sent) or an answer.</summary>
public enum JsonDirection { Request, Response }

/// <summary>
/// Holds a JSON value against a type of the description: field names known (a base type accepts its subtypes'
/// fields), JSON types, enums, UTC date-times, limits, required fields present, read-only fields not sent.
/// The same rules check the requests and the stub's own answers.
/// </summary>
public sealed class JsonValidator
{
    private const int MaxDepth = 64; // a guard, far beyond any real body

    private readonly Shapes _shapes;

    public JsonValidator(Shapes shapes) => _shapes = shapes;

    public void Validate(JToken token, ApiType type, JsonDirection direction, string where, ViolationList into) =>
        Check(token, type, direction, "$", where, into, 0);

    private void Check(JToken token, ApiType type, JsonDirection dir, string path, string where, ViolationList into, int depth)
    {
        if (depth > MaxDepth) return;
        if (token.Type == JTokenType.Null) return; // optional and absent; required-and-null is reported by the parent
        if (type.Ref is { } name)
        {
            CheckObject(token, name, dir, path, where, into, depth);
            return;
        }
        switch (type.Type)
        {
            case "string":
                if (token.Type != JTokenType.String) { Wrong(token, "a string", path, where, into); return; }
                if (ScalarRules.Text(type, (string)token!) is { } textProblem) into.Add($"{where} {path}", textProblem);
                return;
            case "integer":
                if (token.Type != JTokenType.Integer) { Wrong(token, "an integer", path, where, into); return; }
                var big = token.ToObject<System.Numerics.BigInteger>();
                if (type.Format == "int32" && (big < int.MinValue || big > int.MaxValue)) into.Add($"{where} {path}", $"{token} is not an int32");
                else if (big < long.MinValue || big > long.MaxValue) into.Add($"{where} {path}", $"{token} is not an int64");
                else if (ScalarRules.Range(type, (double)big, token.ToString()) is { } rangeProblem) into.Add($"{where} {path}", rangeProblem);
                return;
            case "number":
                if (token.Type is not (JTokenType.Integer or JTokenType.Float)) { Wrong(token, "a number", path, where, into); return; }
                if (ScalarRules.Range(type, token.Value<double>(), token.ToString()) is { } numberProblem) into.Add($"{where} {path}", numberProblem);
                return;
            case "boolean":
                if (token.Type != JTokenType.Boolean) Wrong(token, "a boolean", path, where, into);
                return;
            case "array":
                if (token is not JArray array) { Wrong(token, "an array", path, where, into); return; }
                if (type.Items is { } items)
                    for (var i = 0; i < array.Count; i++) Check(array[i], items, dir, $"{path}[{i}]", where, into, depth + 1);
                return;
            case "object":
                // A bare "object" is how the document renders Java's Object (SCIM PATCH values are arrays): any value.
                if (type.AdditionalProperties is not { } values) return;
                if (token is not JObject map) { Wrong(token, "an object", path, where, into); return; }
                foreach (var p in map.Properties()) Check(p.Value, values, dir, $"{path}.{p.Name}", where, into, depth + 1);
                return;
            default:
                return; // a type the description leaves open ("file" parts are checked elsewhere)
        }
    }

    private void CheckObject(JToken token, string name, JsonDirection dir, string path, string where, ViolationList into, int depth)
    {
        if (_shapes.Of(name) is not { } shape) { into.Add($"{where} {path}", $"the description has no definition {name}"); return; }
        if (token is not JObject obj) { Wrong(token, $"an object ({name})", path, where, into); return; }
        if (shape.FreeForm)
        {
            if (shape.Definition.AdditionalProperties is { } values)
                foreach (var p in obj.Properties()) Check(p.Value, values, dir, $"{path}.{p.Name}", where, into, depth + 1);
            return;
        }
        foreach (var field in obj.Properties())
        {
            if (!shape.Accepted.TryGetValue(field.Name, out var property))
            {
                into.Add($"{where} {path}", $"unknown field '{field.Name}' (not in {name})");
                continue;
            }
            if (dir == JsonDirection.Request && property.ReadOnly)
                into.Add($"{where} {path}.{field.Name}", $"read-only field '{field.Name}' of {name} must not be sent");
            Check(field.Value, property, dir, $"{path}.{field.Name}", where, into, depth + 1);
        }
        foreach (var property in shape.Own)
        {
            // A read-only required field is the server's to fill; a request cannot carry it.
            if (!property.Required || (dir == JsonDirection.Request && property.ReadOnly)) continue;
            var value = obj[property.Name];
            if (value is null) into.Add($"{where} {path}", $"required field '{property.Name}' of {name} is missing");
            else if (value.Type == JTokenType.Null) into.Add($"{where} {path}", $"required field '{property.Name}' of {name} is null");
        }
    }

    private static void Wrong(JToken token, string expected, string path, string where, ViolationList into) =>
        into.Add($"{where} {path}", $"{Describe(token)} where {expected} is expected");

    private static string Describe(JToken token) => token.Type switch
    {
        JTokenType.String => $"string \"{Shorten((string)token!)}\"",
        JTokenType.Integer or JTokenType.Float => $"number {token}",
        JTokenType.Boolean => $"boolean {token.ToString().ToLowerInvariant()}",
        JTokenType.Array => "an array",
        JTokenType.Object => "an object",
        _ => token.Type.ToString().ToLowerInvariant(),
    };

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..37] + "...";
}
