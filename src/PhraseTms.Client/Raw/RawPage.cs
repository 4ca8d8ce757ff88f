using Newtonsoft.Json.Linq;
using PhraseTms.Client.Errors;
using PhraseTms.Client.Paging;

namespace PhraseTms.Client.Raw;

/// <summary>A page of any list endpoint, read from its JSON: <c>{content[], totalElements, totalPages, pageNumber}</c>.</summary>
public sealed class RawPage : IPage<JToken>
{
    private RawPage(IReadOnlyList<JToken> items, long totalElements, int totalPages, int pageNumber)
    {
        Items = items;
        TotalElements = totalElements;
        TotalPages = totalPages;
        PageNumber = pageNumber;
    }

    public IReadOnlyList<JToken> Items { get; }
    public long TotalElements { get; }
    public int TotalPages { get; }
    public int PageNumber { get; }

    /// <summary>Reads a page; an answer of another shape is an InvalidResult error naming the request.</summary>
    public static RawPage From(JToken? answer, RequestInfo request, int pageNumber)
    {
        if (answer is JObject o && o["content"] is JArray content
            && o["totalElements"] is JValue { Type: JTokenType.Integer } total
            && o["totalPages"] is JValue { Type: JTokenType.Integer } pages)
        {
            var number = o["pageNumber"] is JValue { Type: JTokenType.Integer } n ? (int)n : pageNumber;
            return new RawPage(content.ToList(), (long)total, (int)pages, number);
        }
        throw new PhraseTmsApiException(PhraseErrorKind.InvalidResult, "NotAPage",
            $"{request} did not answer a page ({{content, totalElements, totalPages}}), so -All cannot page through it. Run it without -All.",
            request, 200, null, null);
    }
}
