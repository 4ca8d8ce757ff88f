using Newtonsoft.Json.Linq;
using PhraseTms.Client.Errors;
using PhraseTms.Client.Http;
using PhraseTms.Client.Paging;

namespace PhraseTms.Client.Raw;

/// <summary>
/// Any endpoint through the one pipeline (auth, re-login, throttling and retries by method, error mapping, log), for
/// Invoke-PhraseTmsRequest: the escape hatch when no typed cmdlet exists yet.
/// </summary>
public sealed class RawApi
{
    /// <summary>The largest page size -All asks for (the endpoint's own limit may be lower).</summary>
    public const int MaxPageSize = 1000;

    private static readonly string[] PagingKeys = ["pageNumber", "pageSize"];

    private readonly PhraseTmsClient _client;

    internal RawApi(PhraseTmsClient client) => _client = client;

    /// <summary>Sends the request; the answer as it came (status, content type, body).</summary>
    public Task<ApiResponse> SendAsync(RawRequest request, CancellationToken ct) => _client.Pipeline.SendRawAsync(request.ToCall(), ct);

    /// <summary>
    /// Every item of a list endpoint (<c>{content, totalElements, totalPages}</c>), page by page with the one pager.
    /// The request's query must not set pageNumber or pageSize (the pager does); checked before this returns.
    /// </summary>
    public Pager<JToken> Page(RawRequest request, PagingOptions paging)
    {
        paging.Validate(MaxPageSize);
        foreach (var (name, value) in request.Query)
            if (PagingKeys.Contains(name, StringComparer.OrdinalIgnoreCase))
                throw new PhraseTmsValidationException("PagingInQuery", "Query", value,
                    $"-Query sets '{name}', which -All sets for each page: use -PageSize, -First and -Skip instead.");
        return new Pager<JToken>(FetchPage, paging);

        async Task<IPage<JToken>> FetchPage(int pageNumber, int pageSize, CancellationToken ct)
        {
            var call = request.ToCall(new("pageNumber", pageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new("pageSize", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var response = await _client.Pipeline.SendRawAsync(call, ct).ConfigureAwait(false);
            return RawPage.From(ReadJson(response), response.Request, pageNumber);
        }
    }

    /// <summary>
    /// The answer's JSON (dates stay strings, as sent); null for an empty body; a non-JSON answer (a file, plain
    /// text) as one string value.
    /// </summary>
    public static JToken? ReadJson(ApiResponse response)
    {
        if (response.Body.Length == 0) return null;
        if (response.ContentType is { } ct && !ct.Contains("json", StringComparison.OrdinalIgnoreCase)) return new JValue(response.Text);
        return response.ReadJson<JToken>();
    }
}
