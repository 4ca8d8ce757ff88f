using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PhraseTms.ContractStub.Description;

namespace PhraseTms.ContractStub.Validation;

/// <summary>Header parameters: required ones present, the upload's Content-Disposition, the Memsource JSON header.</summary>
public static partial class HeaderRules
{
    // Checked elsewhere (Authorization, the body's Content-Type) or set by the HTTP stack (Content-Length).
    private static readonly HashSet<string> Elsewhere = new(StringComparer.OrdinalIgnoreCase)
        { "Authorization", "Content-Type", "Content-Length", "Content-Disposition", "Memsource" };

    [GeneratedRegex("must match pattern `(?<p>[^`]+)`")]
    private static partial Regex PatternInDescription();

    [GeneratedRegex(@"(^|;)\s*filename\*?=", RegexOptions.IgnoreCase)]
    private static partial Regex HasFilename();

    public static void Check(ApiOperation op, StubRequest request, JsonValidator json, ViolationList into)
    {
        foreach (var p in op.In("header"))
            if (p.Required && !Elsewhere.Contains(p.Name) && request.Header(p.Name) is null)
                into.Add($"header {p.Name}", "required but missing");
        CheckContentDisposition(op, request, into);
        CheckMemsource(op, request, json, into);
    }

    /// <summary>
    /// Required where the description's header parameter says so; its value must match the description's pattern
    /// (some accept only <c>filename*=UTF-8''…</c>); where no pattern is given either filename form will do.
    /// </summary>
    private static void CheckContentDisposition(ApiOperation op, StubRequest request, ViolationList into)
    {
        var p = op.Header("Content-Disposition");
        var value = request.Header("Content-Disposition");
        if (value is null)
        {
            if (p?.Required == true) into.Add("header Content-Disposition", "required but missing (it names the uploaded file)");
            return;
        }
        if (p is null && !op.Upload) return;
        if (p?.Description is { } d && PatternInDescription().Match(d) is { Success: true } m)
        {
            if (!Regex.IsMatch(value, "^(?:" + m.Groups["p"].Value + ")$"))
                into.Add("header Content-Disposition", $"'{value}' does not match {m.Groups["p"].Value}");
        }
        else if (!HasFilename().IsMatch(value))
            into.Add("header Content-Disposition", $"'{value}' has no filename= or filename*=");
    }

    /// <summary>The Memsource header carries an upload's metadata as JSON: an object, with the description's required
    /// fields (its schema's when linked, else its "Accepted metadata" list, whose names are then the only ones known).</summary>
    private static void CheckMemsource(ApiOperation op, StubRequest request, JsonValidator json, ViolationList into)
    {
        var description = op.MemsourceHeader;
        var p = op.Header("Memsource");
        var value = request.Header("Memsource");
        if (value is null)
        {
            if (description?.Required == true || p?.Required == true)
                into.Add("header Memsource", "required but missing (the upload's JSON metadata)");
            return;
        }
        if (description is null && p is null) return;
        JObject obj;
        try
        {
            using var reader = new JsonTextReader(new StringReader(value)) { DateParseHandling = DateParseHandling.None };
            if (JToken.ReadFrom(reader) is not JObject o) { into.Add("header Memsource", "not a JSON object"); return; }
            obj = o;
        }
        catch (JsonException e)
        {
            into.Add("header Memsource", $"not JSON ({e.Message.Split('.')[0]})");
            return;
        }
        if (description?.Schema is { } schema)
        {
            json.Validate(obj, schema, JsonDirection.Request, "header Memsource", into);
            return;
        }
        if (description?.Fields is not { Count: > 0 } fields) return;
        foreach (var f in fields)
            if (f.Required && obj[f.Name] is null) into.Add("header Memsource", $"required field '{f.Name}' is missing");
        foreach (var prop in obj.Properties())
            if (fields.All(f => f.Name != prop.Name))
                into.Add("header Memsource", $"unknown field '{prop.Name}' (accepted: {string.Join(", ", fields.Select(f => f.Name))})");
    }
}
