using PhraseTms.Client.Errors;
using PhraseTms.Client.Serialization;

namespace PhraseTms.Client.Http;

/// <summary>A successful answer, body read in full.</summary>
public sealed class ApiResponse
{
    private readonly ReadOnlyMemory<byte> _body;
    private byte[]? _bodyArray;

    internal ApiResponse(RequestInfo request, int statusCode, string? contentType, byte[] body, TimeSpan elapsed)
        : this(request, statusCode, contentType, (ReadOnlyMemory<byte>)body, elapsed) => _bodyArray = body;

    /// <summary>An answer whose body may be a pooled buffer, valid only while the pipeline reads it (see <see cref="Detach"/>).</summary>
    internal ApiResponse(RequestInfo request, int statusCode, string? contentType, ReadOnlyMemory<byte> body, TimeSpan elapsed)
    {
        Request = request;
        StatusCode = statusCode;
        ContentType = contentType;
        _body = body;
        Elapsed = elapsed;
    }

    public RequestInfo Request { get; }
    public int StatusCode { get; }
    public string? ContentType { get; }
    public byte[] Body => _bodyArray ??= _body.ToArray();
    public TimeSpan Elapsed { get; }

    /// <summary>The body as UTF-8 text.</summary>
    public string Text => System.Text.Encoding.UTF8.GetString(_body.Span);

    /// <summary>A copy that owns its body (to outlive the pipeline's pooled buffer).</summary>
    internal ApiResponse Detach() => new(Request, StatusCode, ContentType, _body.ToArray(), Elapsed);

    /// <summary>
    /// Reads the body as JSON. An empty body, a body that is not JSON (an HTML page with status 200) or a truncated
    /// one is an <see cref="PhraseErrorKind.InvalidResult"/> error naming the request, never a half object.
    /// </summary>
    public T ReadJson<T>()
    {
        if (_body.Length == 0)
            throw Invalid("EmptyResponse", "answered with an empty body where JSON was expected");
        if (ContentType is { } ct && !ct.Contains("json", StringComparison.OrdinalIgnoreCase))
            throw Invalid("UnexpectedContentType", $"answered '{ct}' where JSON was expected: {ErrorResponseParser.Excerpt(_body.Span)}");
        try
        {
            var value = PhraseJson.Deserialize<T>(_body);
            return value ?? throw Invalid("EmptyResponse", "answered 'null' where an object was expected");
        }
        catch (Newtonsoft.Json.JsonException ex)
        {
            throw Invalid("InvalidJson", $"answered JSON that could not be read ({ex.Message})", ex);
        }
    }

    private PhraseTmsApiException Invalid(string errorId, string what, Exception? inner = null) =>
        new(PhraseErrorKind.InvalidResult, errorId, $"{Request} {what}.", Request, StatusCode, null, null, inner);
}
