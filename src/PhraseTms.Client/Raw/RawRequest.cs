using System.Collections;
using PhraseTms.Client.Errors;
using PhraseTms.Client.Http;

namespace PhraseTms.Client.Raw;

/// <summary>A request to any endpoint, checked before anything is sent (method, path, query, JSON body).</summary>
public sealed class RawRequest
{
    /// <summary>The methods a request may use (<see cref="ApiMethods.Names"/>).</summary>
    public static IReadOnlyList<string> Methods => ApiMethods.Names;

    private RawRequest(HttpMethod method, string path, IReadOnlyList<KeyValuePair<string, string>> query, string? body)
    {
        Method = method;
        Path = path;
        Query = query;
        Body = body;
    }

    public HttpMethod Method { get; }

    /// <summary>The path relative to the base URI, segments escaped (<c>api2/v1/...</c>).</summary>
    public string Path { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Query { get; }

    /// <summary>The JSON text sent, or null.</summary>
    public string? Body { get; }

    /// <summary>
    /// Checks and builds a request; bad input is a <see cref="PhraseTmsValidationException"/>. <c>adapt</c> unwraps host
    /// objects (PowerShell's PSObject) in the query and body.
    /// </summary>
    public static RawRequest Create(string? method, string? path, IDictionary? query = null, object? body = null, Func<object, object?>? adapt = null)
    {
        var verb = ApiMethods.Find(method)
            ?? throw new PhraseTmsValidationException("InvalidMethod", "Method", method, $"-Method '{method}' is not one of {string.Join(", ", Methods)}.");
        return new RawRequest(verb, RawPath.Normalize(path), RawQuery.From(query, adapt), JsonBody.From(body, adapt));
    }

    /// <summary>The call for one attempt series (extra parameters, e.g. the page, after the request's own).</summary>
    internal ApiCall ToCall(params KeyValuePair<string, string>[] extra)
    {
        var call = new ApiCall(Method, Path);
        foreach (var (name, value) in Query.Concat(extra)) call.Query(name, value);
        if (Body is not null) call.JsonText(Body);
        return call;
    }

    /// <summary>The path and query as sent (escaped), e.g. for -WhatIf.</summary>
    public string PathAndQuery => ToCall().PathAndQuery;

    /// <summary>"GET /api2/v1/..." with the query, for messages and progress.</summary>
    public override string ToString() => ToCall().ToString();
}
