using System.Text;
using Newtonsoft.Json.Linq;

namespace PhraseTms.Client.Errors;

/// <summary>Turns a failed HTTP answer into a <see cref="PhraseTmsApiException"/>, whatever its body is (Phrase's
/// errorCode/errorDescription, or OAuth's error/error_description).</summary>
public static class ErrorResponseParser
{
    private const int ExcerptLength = 200;

    /// <summary>Builds the exception for a non-success answer.</summary>
    public static PhraseTmsApiException FromResponse(RequestInfo request, int status, string? contentType, ReadOnlySpan<byte> body)
    {
        var (code, description) = ReadPhraseError(contentType, body);
        var kind = KindOf(status, code);
        var errorId = code ?? $"Http{status}";
        var what = description ?? (body.IsEmpty ? "the answer had no body" : $"the answer was not a Phrase error: {Excerpt(body)}");
        var message = code is null
            ? $"{request} failed with HTTP {status}: {what}"
            : $"{request} failed with HTTP {status} {code}: {what}";
        return new PhraseTmsApiException(kind, errorId, message, request, status, code, description)
        {
            RecommendedAction = Advice(kind),
        };
    }

    /// <summary>The error kind for an HTTP status (and Phrase errorCode).</summary>
    public static PhraseErrorKind KindOf(int status, string? errorCode)
    {
        if (string.Equals(errorCode, "ApiLimitReached", StringComparison.OrdinalIgnoreCase)) return PhraseErrorKind.LimitsExceeded;
        return status switch
        {
            401 => PhraseErrorKind.Authentication,
            403 => PhraseErrorKind.PermissionDenied,
            404 => PhraseErrorKind.NotFound,
            400 or 409 or 422 => PhraseErrorKind.InvalidArgument,
            408 => PhraseErrorKind.Timeout,
            429 => PhraseErrorKind.LimitsExceeded,
            502 or 503 or 504 => PhraseErrorKind.Connection,
            _ => PhraseErrorKind.InvalidResult,
        };
    }

    private static (string? Code, string? Description) ReadPhraseError(string? contentType, ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty) return (null, null);
        var first = FirstNonWhite(body);
        if (first != '{') return (null, null);
        try
        {
            var json = JObject.Parse(Encoding.UTF8.GetString(body));
            var code = (string?)json["errorCode"];
            var description = (string?)json["errorDescription"] ?? (string?)json["errorDesc"] ?? (string?)json["message"];
            // OAuth 2.0 (RFC 6749 5.2) errors of the Phrase Platform identity service: {"error", "error_description"}.
            if (string.IsNullOrWhiteSpace(code) && json["error"] is JValue { Type: JTokenType.String } oauthError)
            {
                code = (string?)oauthError;
                description ??= (string?)json["error_description"];
            }
            return (string.IsNullOrWhiteSpace(code) ? null : code, description);
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return (null, null);
        }
    }

    private static char FirstNonWhite(ReadOnlySpan<byte> body)
    {
        foreach (var b in body)
            if (!char.IsWhiteSpace((char)b) && b != 0xEF && b != 0xBB && b != 0xBF) return (char)b;
        return '\0';
    }

    /// <summary>A one-line excerpt of a body: HTML tags stripped, white space folded, cut at 200 characters.</summary>
    public static string Excerpt(ReadOnlySpan<byte> body)
    {
        var text = Encoding.UTF8.GetString(body.Length > 4096 ? body[..4096] : body);
        text = System.Text.RegularExpressions.Regex.Replace(text, "<(script|style)[^>]*>.*?</\\1>", " ",
            System.Text.RegularExpressions.RegexOptions.Singleline | System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        text = System.Text.RegularExpressions.Regex.Replace(text, "<[^>]+>", " ");
        text = System.Text.RegularExpressions.Regex.Replace(text, "\\s+", " ").Trim();
        return text.Length > ExcerptLength ? text[..ExcerptLength] + "…" : text;
    }

    private static string? Advice(PhraseErrorKind kind) => kind switch
    {
        PhraseErrorKind.Authentication => "Run Connect-PhraseTms again with valid credentials or a valid token.",
        PhraseErrorKind.PermissionDenied => "Check that the connected user may access this resource.",
        PhraseErrorKind.LimitsExceeded => "Phrase TMS is throttling this user; wait and try again, or lower the request rate.",
        _ => null,
    };
}
