using RestSharp;

namespace PhraseTms.Client.Http;

/// <summary>The HTTP methods the client sends, in one table: their names (Invoke-PhraseTmsRequest -Method) and RestSharp's.</summary>
public static class ApiMethods
{
    private static readonly (HttpMethod Http, Method RestSharp)[] Table =
    [
        (HttpMethod.Get, Method.Get),
        (HttpMethod.Post, Method.Post),
        (HttpMethod.Put, Method.Put),
        (HttpMethod.Patch, Method.Patch),
        (HttpMethod.Delete, Method.Delete),
    ];

    /// <summary>The method names, upper case: GET, POST, PUT, PATCH, DELETE.</summary>
    public static IReadOnlyList<string> Names { get; } = Table.Select(m => m.Http.Method).ToArray();

    /// <summary>The method called <paramref name="name"/> (case-insensitive), or null.</summary>
    public static HttpMethod? Find(string? name)
    {
        foreach (var (http, _) in Table)
            if (string.Equals(http.Method, name?.Trim(), StringComparison.OrdinalIgnoreCase)) return http;
        return null;
    }

    internal static Method ToRest(HttpMethod method)
    {
        foreach (var (http, rest) in Table)
            if (http.Method == method.Method) return rest;
        throw new ArgumentOutOfRangeException(nameof(method), method.Method, "Unsupported HTTP method.");
    }
}
