using PhraseTms.Client.Errors;

namespace PhraseTms.Client.Paging;

/// <summary>How a list is read: page size, and the -Skip / -First / -IncludeTotalCount of the cmdlet.</summary>
public sealed record PagingOptions
{
    /// <summary>Items per request (the endpoint's limit applies).</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>Items to pass over before the first one emitted (-Skip).</summary>
    public long Skip { get; init; }

    /// <summary>At most this many items (-First); null = all.</summary>
    public long? First { get; init; }

    /// <summary>The total is wanted even when no item is (-IncludeTotalCount with -First 0).</summary>
    public bool IncludeTotalCount { get; init; }

    /// <summary>Pages read ahead once the total is known (1 = strictly sequential).</summary>
    public int Prefetch { get; init; } = 1;

    /// <summary>Checks the values against an endpoint's page size limits.</summary>
    public PagingOptions Validate(int maxPageSize)
    {
        if (PageSize < 1 || PageSize > maxPageSize)
            throw new PhraseTmsValidationException("InvalidPageSize", "PageSize", PageSize, $"-PageSize {PageSize} must be between 1 and {maxPageSize}.");
        if (Skip < 0)
            throw new PhraseTmsValidationException("InvalidSkip", "Skip", Skip, $"-Skip {Skip} must not be negative.");
        if (First < 0)
            throw new PhraseTmsValidationException("InvalidFirst", "First", First, $"-First {First} must not be negative.");
        if (Prefetch < 1)
            throw new PhraseTmsValidationException("InvalidPrefetch", "Prefetch", Prefetch, $"Prefetch {Prefetch} must be at least 1.");
        return this;
    }
}
