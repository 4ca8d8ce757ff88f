namespace PhraseTms.Client.Paging;

/// <summary>One page of a list, as every Phrase list endpoint answers it.</summary>
public interface IPage<out T>
{
    IReadOnlyList<T> Items { get; }
    long TotalElements { get; }
    int TotalPages { get; }
    int PageNumber { get; }
}

/// <summary>The common page shape <c>{content[], pageNumber, pageSize, numberOfElements, totalElements, totalPages}</c>.</summary>
public class Page<T> : IPage<T>
{
    public List<T> Content { get; set; } = [];
    public int PageNumber { get; set; }
    public int PageSize { get; set; }
    public int NumberOfElements { get; set; }
    public long TotalElements { get; set; }
    public int TotalPages { get; set; }

    IReadOnlyList<T> IPage<T>.Items => Content;
}

/// <summary>Fetches page <paramref name="pageNumber"/> of <paramref name="pageSize"/> items.</summary>
public delegate Task<IPage<T>> PageFetcher<T>(int pageNumber, int pageSize, CancellationToken ct);

/// <summary>Progress of a list: items emitted so far and the total, when known.</summary>
public readonly record struct PagingProgress(int PageNumber, long ItemsSoFar, long? TotalElements);
