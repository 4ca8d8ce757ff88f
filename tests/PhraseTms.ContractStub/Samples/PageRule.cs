using System.Globalization;
using PhraseTms.ContractStub.Description;
using PhraseTms.ContractStub.Validation;

namespace PhraseTms.ContractStub.Samples;

/// <summary>
/// The one list every paged operation serves, consistent with the pageSize asked, so a pager ends in a few requests:
/// pageSize 1 or 2 → 3 full pages (3 × pageSize items); a larger pageSize → one page of 2 items. A page past the end
/// is empty. totalElements, totalPages, numberOfElements, pageNumber and pageSize always agree with the content.
/// </summary>
public readonly record struct PageRule(int PageNumber, int PageSize)
{
    public int TotalElements => PageSize <= 2 ? 3 * PageSize : 2;
    public int TotalPages => (TotalElements + PageSize - 1) / PageSize;
    public int Count => Math.Clamp(TotalElements - PageNumber * PageSize, 0, PageSize);

    /// <summary>The page asked for: the query's pageNumber and pageSize, else the description's defaults.</summary>
    public static PageRule For(ApiOperation op, StubRequest request)
    {
        var query = request.Query();
        return new PageRule(
            Math.Max(0, Read(op, query, "pageNumber", 0)),
            Math.Max(1, Read(op, query, "pageSize", 50)));
    }

    private static int Read(ApiOperation op, IReadOnlyList<KeyValuePair<string, string>> query, string name, int fallback)
    {
        foreach (var kv in query)
            if (kv.Key == name && int.TryParse(kv.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var v)) return v;
        var d = op.In("query").FirstOrDefault(p => p.Name == name)?.Default;
        return d is null ? fallback : Convert.ToInt32(d, CultureInfo.InvariantCulture);
    }
}
