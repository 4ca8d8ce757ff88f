namespace PhraseTms.ContractStub.Validation;

/// <summary>A request as it arrived: method, raw target (path and query still escaped), headers, body bytes.</summary>
public sealed class StubRequest
{
    public required string Method { get; init; }
    public required string RawTarget { get; init; }
    public IReadOnlyDictionary<string, string> Headers { get; init; } =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    public byte[] Body { get; init; } = [];

    public string RawPath => RawTarget.Split('?', 2)[0];
    public string RawQuery => RawTarget.Split('?', 2) is [_, var q] ? q : "";

    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

    /// <summary>The media type of Content-Type, lower-cased, without parameters.</summary>
    public string? MediaType => Header("Content-Type")?.Split(';')[0].Trim().ToLowerInvariant() is { Length: > 0 } m ? m : null;

    /// <summary>The query's name/value pairs in order, names and values unescaped ('+' is a space).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query()
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in RawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = part.Split('=', 2);
            pairs.Add(new(Unescape(kv[0]), kv.Length > 1 ? Unescape(kv[1]) : ""));
        }
        return pairs;
    }

    private static string Unescape(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
}
