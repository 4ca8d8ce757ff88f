using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PhraseTms.Emulator;

/// <summary>Writes JSON answers and Phrase-style error bodies {"errorCode": "...", "errorDescription": "..."}.
/// Error descriptions never contain a token, password or Authorization value.</summary>
internal static class ApiResponses
{
    public const string Json = "application/json";

    public static Task WriteJsonAsync(HttpContext context, int status, JToken body) =>
        WriteTextAsync(context, status, Json, body.ToString(Formatting.None));

    public static Task WriteErrorAsync(HttpContext context, int status, string errorCode, string description) =>
        WriteJsonAsync(context, status, ErrorBody(errorCode, description));

    public static JObject ErrorBody(string errorCode, string description) =>
        new() { ["errorCode"] = errorCode, ["errorDescription"] = description };

    public static async Task WriteTextAsync(HttpContext context, int status, string contentType, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    // Common errors.
    public static Task InvalidArguments(HttpContext c, string description) => WriteErrorAsync(c, 400, "InvalidArguments", description);

    public static Task ResourceNotFound(HttpContext c, string description) => WriteErrorAsync(c, 404, "ResourceNotFound", description);

    public static Task ProjectNotFound(HttpContext c, string projectUid) => ResourceNotFound(c, $"Project {projectUid} not found");

    public static Task Unauthorized(HttpContext c, string description) => WriteErrorAsync(c, 401, "AuthUnauthorized", description);

    /// <summary>The request body parsed as a JSON object, or null when it is missing or not a JSON object.</summary>
    public static async Task<JObject?> ReadJsonObjectAsync(HttpContext context)
    {
        string text;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8, leaveOpen: true))
            text = await reader.ReadToEndAsync(context.RequestAborted);
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            using var json = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
            var token = JToken.ReadFrom(json);
            if (json.Read() && json.TokenType != JsonToken.Comment) return null; // trailing content
            return token as JObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
