using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PhraseTms.ContractStub.Description;
using PhraseTms.ContractStub.Validation;

namespace PhraseTms.ContractStub.Samples;

/// <summary>
/// The success answer of an operation: its status; a schema-shaped JSON body (pages per <see cref="PageRule"/>;
/// GET /async/{id} answering that id as finished); a few bytes with a filename for binary answers; nothing for 204.
/// </summary>
public sealed class AnswerBuilder
{
    public const string AsyncRequestKey = "GET /api2/v1/async/{asyncRequestId}";
    public const string BinaryFileName = "contract-stub.bin";
    public static readonly byte[] BinaryBody = Encoding.ASCII.GetBytes("contract-stub");

    private readonly SampleBuilder _samples;

    public AnswerBuilder(SampleBuilder samples) => _samples = samples;

    public Answer Build(ApiOperation op, IReadOnlyDictionary<string, string> pathValues, StubRequest request)
    {
        // The description gives no 2xx for a few operations: they answer like a DELETE, with nothing.
        if (op.Response is not { } response) return Answer.Empty(204);
        if (response.Status == 204) return Answer.Empty(204);
        if (response.Binary)
            return new Answer(response.Status, "application/octet-stream", BinaryBody,
                new Dictionary<string, string> { ["Content-Disposition"] = $"attachment; filename=\"{BinaryFileName}\"" });
        if (response.Schema is not { } schema) return Answer.Empty(response.Status);

        var page = op.Paged ? PageRule.For(op, request) : default;
        // Pages number their objects apart, so the items of different pages differ.
        var body = _samples.Build(schema, "value", JsonDirection.Response, 1 + page.PageNumber * 1000);
        if (op.Paged && body is JObject pageObject) ShapePage(pageObject, page);
        if (op.Key == AsyncRequestKey && body is JObject asyncRequest && pathValues.TryGetValue("asyncRequestId", out var id))
            asyncRequest["id"] = id;
        var contentType = response.MediaTypes?.FirstOrDefault(m => m.Contains("json", StringComparison.Ordinal)) ?? "application/json";
        return new Answer(response.Status, contentType, Encoding.UTF8.GetBytes(body.ToString(Formatting.None)),
            new Dictionary<string, string>());
    }

    private static void ShapePage(JObject page, PageRule rule)
    {
        if (page["content"] is JArray content)
            while (content.Count > rule.Count) content.RemoveAt(content.Count - 1);
        Set(page, "numberOfElements", rule.Count);
        Set(page, "pageNumber", rule.PageNumber);
        Set(page, "pageSize", rule.PageSize);
        Set(page, "totalElements", rule.TotalElements);
        Set(page, "totalPages", rule.TotalPages);
    }

    private static void Set(JObject page, string name, int value)
    {
        if (page.ContainsKey(name)) page[name] = value;
    }
}
