using PhraseTms.ContractStub.Description;

namespace PhraseTms.ContractStub.Matching;

/// <summary>The outcome of matching: the operation and its path values, or null with the reasons.</summary>
public sealed record MatchResult(ApiOperation? Operation, IReadOnlyDictionary<string, string> PathValues, IReadOnlyList<string> Problems);

/// <summary>
/// Maps a raw request path (as sent, still escaped, below the base path) to exactly one operation: segments are
/// compared after unescaping, the most literal template wins. An escaped '/' or a dot-segment is refused — a server
/// or proxy would split or collapse it, so the request would not reach the operation the client meant.
/// </summary>
public sealed class OperationMatcher
{
    public const string BasePath = "/web";
    private readonly Dictionary<string, List<PathTemplate>> _byMethod = new(StringComparer.OrdinalIgnoreCase);

    public OperationMatcher(ApiDescription api)
    {
        foreach (var op in api.Operations)
        {
            if (!_byMethod.TryGetValue(op.Method, out var list)) _byMethod[op.Method] = list = [];
            list.Add(new PathTemplate(op));
        }
        foreach (var list in _byMethod.Values) list.Sort(PathTemplate.Specificity);
    }

    public MatchResult Match(string method, string rawPath)
    {
        var problems = new List<string>();
        if (!rawPath.StartsWith(BasePath + "/", StringComparison.Ordinal))
            return new MatchResult(null, new Dictionary<string, string>(), [$"path '{rawPath}' is not under {BasePath}/"]);
        var rest = rawPath[(BasePath.Length + 1)..];
        if (rest.EndsWith('/')) { problems.Add("path ends with '/' (the API's paths do not)"); rest = rest.TrimEnd('/'); }
        var raw = rest.Split('/');
        var segments = new string[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i].Contains("%2F", StringComparison.OrdinalIgnoreCase))
                problems.Add($"path segment '{raw[i]}' has an escaped '/' (servers split or refuse it)");
            if (raw[i].Contains("%5C", StringComparison.OrdinalIgnoreCase))
                problems.Add($"path segment '{raw[i]}' has an escaped '\\' (servers treat it as '/' or refuse it)");
            segments[i] = Uri.UnescapeDataString(raw[i]);
            if (segments[i] is "." or "..")
                problems.Add($"path segment '{raw[i]}' is a dot-segment (it would be collapsed)");
            if (segments[i].Length == 0) problems.Add("path has an empty segment ('//')");
        }
        if (_byMethod.TryGetValue(method, out var templates))
            foreach (var t in templates)
                if (t.Match(segments) is { } values)
                    return new MatchResult(t.Operation, values, problems);
        return new MatchResult(null, new Dictionary<string, string>(), problems);
    }
}
