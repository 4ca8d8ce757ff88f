using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PhraseTms.ContractStub.Description;

namespace PhraseTms.ContractStub.Validation;

/// <summary>The body: present when needed and absent when the operation takes none, of a content type the
/// description lists; JSON held against the schema; multipart parts against the form fields.</summary>
public static class BodyRules
{
    public static void Check(ApiOperation op, StubRequest request, Shapes shapes, JsonValidator json, ViolationList into)
    {
        var body = op.RequestBody;
        var sent = request.Body.Length > 0;
        if (body is null)
        {
            if (sent) into.Add("body", $"the operation takes no body ({request.Body.Length} bytes sent)");
            return;
        }
        if (!sent)
        {
            if (body.Required || op.Upload || HasRequiredFields(body.Schema, shapes)) into.Add("body", "required but missing");
            return;
        }
        var media = request.MediaType;
        var allowed = body.MediaTypes.Select(m => m.ToLowerInvariant()).ToList();
        if (media is null) { into.Add("header Content-Type", $"missing (expected {string.Join(" or ", allowed)})"); return; }
        if (!allowed.Contains(media)) { into.Add("header Content-Type", $"'{media}' is not {string.Join(" or ", allowed)}"); return; }
        if (media == "multipart/form-data") CheckMultipart(op, body, request, json, into);
        else if (media == "application/json" || media.EndsWith("+json", StringComparison.Ordinal)) CheckJson(body, request, json, into);
        // application/octet-stream: any bytes are a file.
    }

    private static bool HasRequiredFields(ApiType? schema, Shapes shapes) =>
        schema?.Ref is { } name && shapes.Of(name) is { } shape && shape.Own.Any(p => p.Required && !p.ReadOnly);

    private static void CheckJson(ApiRequestBody body, StubRequest request, JsonValidator json, ViolationList into)
    {
        if (Parse(request.Body, "body", into) is not { } token) return;
        if (body.Schema is { } schema) json.Validate(token, schema, JsonDirection.Request, "body", into);
    }

    /// <summary>Reads JSON keeping date strings as sent (Newtonsoft would otherwise turn them into dates).</summary>
    public static JToken? Parse(byte[] bytes, string where, ViolationList into)
    {
        try
        {
            using var reader = new JsonTextReader(new StreamReader(new MemoryStream(bytes))) { DateParseHandling = DateParseHandling.None };
            var token = JToken.ReadFrom(reader);
            if (reader.Read()) into.Add(where, "text after the JSON value");
            return token;
        }
        catch (JsonException e)
        {
            into.Add(where, $"not JSON ({e.Message.Split('.')[0]})");
            return null;
        }
    }

    /// <summary>Each part named by a form field (when the description lists them), file parts with a filename,
    /// JSON parts valid for their definition, required parts present.</summary>
    private static void CheckMultipart(ApiOperation op, ApiRequestBody body, StubRequest request, JsonValidator json, ViolationList into)
    {
        var contentType = MediaTypeHeaderValue.Parse(request.Header("Content-Type"));
        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary)) { into.Add("header Content-Type", "multipart/form-data without a boundary"); return; }
        var fields = body.FormFields ?? [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            var reader = new MultipartReader(boundary, new MemoryStream(request.Body));
            while (reader.ReadNextSectionAsync().GetAwaiter().GetResult() is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    into.Add("body", "a part without Content-Disposition: form-data; name=…");
                    continue;
                }
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                seen.Add(name);
                using var buffer = new MemoryStream();
                section.Body.CopyTo(buffer);
                CheckPart(fields, name, disposition, section.ContentType, buffer.ToArray(), json, into);
            }
        }
        catch (IOException e)
        {
            into.Add("body", $"not valid multipart/form-data ({e.Message})");
            return;
        }
        foreach (var f in fields)
            if (f.Required && !seen.Contains(f.Name)) into.Add($"form {f.Name}", "required part missing");
    }

    private static void CheckPart(List<ApiParameter> fields, string name, ContentDispositionHeaderValue disposition,
        string? contentType, byte[] bytes, JsonValidator json, ViolationList into)
    {
        if (fields.Count == 0) return; // the description does not list the parts: any will do
        var field = fields.FirstOrDefault(f => f.Name == name);
        if (field is null) { into.Add($"form {name}", $"not a form field (known: {string.Join(", ", fields.Select(f => f.Name))})"); return; }
        var isFile = field.Type == "file" || field.Items?.Type == "file";
        if (isFile)
        {
            if (!disposition.FileName.HasValue && !disposition.FileNameStar.HasValue) into.Add($"form {name}", "a file part without a filename");
            return;
        }
        if (field.Ref is not null || field.Format == "application/json")
        {
            if (contentType is not null && !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
                into.Add($"form {name}", $"part content type '{contentType}' is not application/json");
            if (Parse(bytes, $"form {name}", into) is { } token && field.Ref is { } r)
                json.Validate(token, new ApiType { Ref = r }, JsonDirection.Request, $"form {name}", into);
            return;
        }
        if (ScalarRules.Check(field, System.Text.Encoding.UTF8.GetString(bytes)) is { } problem) into.Add($"form {name}", problem);
    }
}
