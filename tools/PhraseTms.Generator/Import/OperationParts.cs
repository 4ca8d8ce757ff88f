using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using PhraseTms.Generator.Model;

namespace PhraseTms.Generator.Import;

// Pieces both importers share.
internal static class OperationParts
{
    public static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
    private static readonly Regex Version = new(@"^/api2/v(\d+)/", RegexOptions.Compiled);

    public static Operation NewOperation(string method, string path, JObject op)
    {
        var tags = (op["tags"] as JArray)?.Values<string>().OfType<string>().ToList() ?? new List<string>();
        var m = Version.Match(path);
        return new Operation
        {
            Key = $"{method.ToUpperInvariant()} {path}",
            Method = method.ToUpperInvariant(),
            Path = path,
            ApiVersion = m.Success ? int.Parse(m.Groups[1].Value) : 0,
            Tag = tags.FirstOrDefault() ?? "",
            OtherTags = tags.Count > 1 ? tags.Skip(1).ToList() : null,
            Summary = Text.FirstSentence((string?)op["summary"]) ?? Text.FirstSentence((string?)op["description"]) ?? "",
            OperationId = (string?)op["operationId"],
            Deprecated = (bool?)op["deprecated"] ?? false,
        };
    }

    // Path parameters in the order the path names them, then the rest by location and name.
    public static List<Parameter> Order(string path, IEnumerable<Parameter> parameters)
    {
        var list = parameters.ToList();
        int PathIndex(Parameter p) => p.In == "path" ? path.IndexOf("{" + p.Name + "}", StringComparison.Ordinal) : int.MaxValue;
        int LocationRank(Parameter p) => p.In switch { "path" => 0, "query" => 1, "header" => 2, _ => 3 };
        return list.OrderBy(LocationRank).ThenBy(PathIndex).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
    }

    // Operation-level parameters replace path-level ones of the same name and location.
    public static IEnumerable<JObject> Merge(JToken? pathLevel, JToken? opLevel, Func<JObject, JObject> resolve)
    {
        var result = new Dictionary<(string, string), JObject>();
        var order = new List<(string, string)>();
        foreach (var source in new[] { pathLevel, opLevel })
            foreach (var raw in (source as JArray)?.OfType<JObject>() ?? [])
            {
                var p = resolve(raw);
                var key = ((string?)p["name"] ?? "", (string?)p["in"] ?? "");
                if (!result.ContainsKey(key)) order.Add(key);
                result[key] = p;
            }
        return order.Select(k => result[k]);
    }

    public static int SuccessStatus(JObject? responses, out JObject? response)
    {
        response = null;
        foreach (var r in responses?.Properties().OrderBy(p => p.Name, StringComparer.Ordinal) ?? Enumerable.Empty<JProperty>())
            if (r.Name.Length == 3 && r.Name[0] == '2' && int.TryParse(r.Name, out var status))
            {
                response = r.Value as JObject;
                return status;
            }
        return 0;
    }
}
