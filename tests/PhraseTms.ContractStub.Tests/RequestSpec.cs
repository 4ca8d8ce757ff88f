using System.Net.Http.Headers;
using PhraseTms.ContractStub.Validation;

namespace PhraseTms.ContractStub.Tests;

/// <summary>A request under construction: sent over HTTP, or handed to the stub directly (fast rule tests).</summary>
internal sealed class RequestSpec
{
    public required string Method { get; set; }
    /// <summary>Below the base path, escaped as it goes on the wire: <c>/api2/v1/projects?pageSize=1</c>.</summary>
    public required string PathAndQuery { get; set; }
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);
    public byte[]? Body { get; set; }
    public string? ContentType { get; set; }

    public StubRequest ToStubRequest()
    {
        var headers = new Dictionary<string, string>(Headers, StringComparer.OrdinalIgnoreCase);
        if (ContentType is not null) headers["Content-Type"] = ContentType;
        return new StubRequest { Method = Method, RawTarget = "/web" + PathAndQuery, Headers = headers, Body = Body ?? [] };
    }

    public HttpRequestMessage ToHttp(Uri baseUri)
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), new Uri(baseUri, PathAndQuery.TrimStart('/')));
        foreach (var (name, value) in Headers)
            if (!name.Equals("Content-Disposition", StringComparison.OrdinalIgnoreCase)) message.Headers.TryAddWithoutValidation(name, value);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null) message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
            if (Headers.TryGetValue("Content-Disposition", out var cd)) message.Content.Headers.TryAddWithoutValidation("Content-Disposition", cd);
        }
        return message;
    }
}
