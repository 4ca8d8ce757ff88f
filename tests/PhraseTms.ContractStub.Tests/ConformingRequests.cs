using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PhraseTms.ContractStub.Description;
using PhraseTms.ContractStub.Samples;
using PhraseTms.ContractStub.Validation;

namespace PhraseTms.ContractStub.Tests;

/// <summary>
/// Builds, from the description alone, a request an ideal client would send: every path and query parameter with a
/// valid value (arrays as two repeated names), the required headers, a body of the first content type — JSON from
/// the schema (read-only fields left out), bytes for octet-stream, the form fields for multipart.
/// </summary>
internal sealed class ConformingRequests
{
    public const string Token = "ApiToken contract-test-token";
    private readonly SampleBuilder _samples;

    public ConformingRequests(ApiDescription api) => _samples = new SampleBuilder(new Shapes(api));

    public RequestSpec For(ApiOperation op)
    {
        var path = new StringBuilder();
        foreach (var segment in op.Path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            path.Append('/');
            var p = segment.StartsWith('{') ? op.Parameters.First(x => x.In == "path" && "{" + x.Name + "}" == segment) : null;
            path.Append(p is null ? segment : Uri.EscapeDataString(Scalar(p, p.Name)));
        }
        var query = new List<string>();
        foreach (var p in op.In("query"))
        {
            var values = p.Type == "array" ? [Scalar(p.Items!, p.Name), Scalar(p.Items!, p.Name)] : new[] { Scalar(p, p.Name) };
            var joined = p.Type == "array" && p.CollectionFormat != "multi" ? [string.Join(",", values)] : values;
            query.AddRange(joined.Select(v => Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(v)));
        }
        var spec = new RequestSpec { Method = op.Method, PathAndQuery = path + (query.Count > 0 ? "?" + string.Join("&", query) : "") };
        spec.Headers["Authorization"] = Token;
        AddHeaders(op, spec);
        AddBody(op, spec);
        return spec;
    }

    public static string Scalar(ApiType type, string name)
    {
        if (type.Enum is { Count: > 0 } values) return values[0];
        return type.Type switch
        {
            "integer" => SampleValues.Integer(type, 1).ToString(CultureInfo.InvariantCulture),
            "number" => SampleValues.Number(type, 1).ToString(CultureInfo.InvariantCulture),
            "boolean" => "true",
            _ when type.Format == "date-time" => "2026-12-01T10:00:00Z",
            _ => SampleValues.String(type, name, 1),
        };
    }

    private void AddHeaders(ApiOperation op, RequestSpec spec)
    {
        foreach (var p in op.In("header").Where(p => p.Required))
            if (p.Name is not ("Authorization" or "Content-Type" or "Memsource" or "Content-Disposition"))
                spec.Headers[p.Name] = "{\"name\":\"rule\"}";
        if (op.Header("Content-Disposition") is not null || op.Upload)
            spec.Headers["Content-Disposition"] = "attachment; filename*=UTF-8''file.txt";
        if (op.MemsourceHeader is { } m) spec.Headers["Memsource"] = Memsource(m);
        else if (op.Header("Memsource") is { Required: true }) spec.Headers["Memsource"] = "{}";
    }

    private string Memsource(ApiMemsourceHeader m)
    {
        if (m.Schema is { } schema) return Json(_samples.Build(schema, "memsource", JsonDirection.Request));
        if (m.Fields is { Count: > 0 } fields)
            return Json(new JObject(fields.Where(f => f.Required).Select(f => new JProperty(f.Name, new JArray(new JObject(new JProperty("uid", SampleValues.Uid(1))))))));
        return m.Example ?? "{}";
    }

    private void AddBody(ApiOperation op, RequestSpec spec)
    {
        if (op.RequestBody is not { } body) return;
        switch (body.ContentTypes.FirstOrDefault())
        {
            case "json":
                spec.ContentType = body.MediaTypes.First(t => t.Contains("json"));
                spec.Body = Encoding.UTF8.GetBytes(body.Schema is { } schema ? Json(_samples.Build(schema, "body", JsonDirection.Request)) : "{}");
                break;
            case "octet-stream":
                spec.ContentType = "application/octet-stream";
                spec.Body = Encoding.UTF8.GetBytes("file content");
                break;
            case "multipart":
                var form = new MultipartFormDataContent("contract-boundary");
                var fields = body.FormFields is { Count: > 0 } f ? f : [new ApiParameter { Name = "file", Type = "file" }];
                foreach (var field in fields)
                {
                    if (field.Type == "file" || field.Items?.Type == "file") form.Add(Part(field), field.Name, "file.txt");
                    else form.Add(Part(field), field.Name);
                }
                spec.ContentType = form.Headers.ContentType!.ToString();
                spec.Body = form.ReadAsByteArrayAsync().GetAwaiter().GetResult();
                break;
        }
    }

    private HttpContent Part(ApiParameter field)
    {
        if (field.Ref is { } r)
        {
            var json = new StringContent(Json(_samples.Build(new ApiType { Ref = r }, field.Name, JsonDirection.Request)));
            json.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return json;
        }
        if (field.Type is "file" || field.Items?.Type == "file") return new ByteArrayContent(Encoding.UTF8.GetBytes("file content"));
        return new StringContent(Scalar(field, field.Name));
    }

    private static string Json(JToken token) => token.ToString(Formatting.None);
}
