using Newtonsoft.Json.Linq;

namespace PhraseTms.Emulator;

/// <summary>The page answer every core-area list route shares: {totalElements, totalPages, pageSize, pageNumber,
/// numberOfElements, content, sort} (field order of the PageDto definitions, sort last). A page past the end has empty
/// content and the right totals. <c>sort.orders</c> tells the order the items are in.</summary>
internal static class PageJson
{
    public static JObject Build<T>(IReadOnlyList<T> matching, PageQuery page, Func<T, JObject> item, params (string Property, string Direction)[] sort)
    {
        var start = (long)page.PageNumber * page.PageSize;
        var content = new JArray();
        for (var i = start; i < matching.Count && i < start + page.PageSize; i++) content.Add(item(matching[(int)i]));
        return new JObject
        {
            ["totalElements"] = matching.Count,
            ["totalPages"] = (matching.Count + page.PageSize - 1) / page.PageSize,
            ["pageSize"] = page.PageSize,
            ["pageNumber"] = page.PageNumber,
            ["numberOfElements"] = content.Count,
            ["content"] = content,
            ["sort"] = new JObject
            {
                ["orders"] = new JArray(sort.Select(s => new JObject { ["property"] = s.Property, ["direction"] = s.Direction })),
            },
        };
    }

    public static Task WriteAsync<T>(HttpContext context, IReadOnlyList<T> matching, PageQuery page, Func<T, JObject> item,
        params (string Property, string Direction)[] sort) =>
        ApiResponses.WriteJsonAsync(context, 200, Build(matching, page, item, sort));
}
