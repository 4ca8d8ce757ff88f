namespace PhraseTms.Emulator;

/// <summary>The page a list route was asked for (pageNumber 0-based).</summary>
internal readonly record struct PageQuery(int PageNumber, int PageSize)
{
    /// <summary>Default and maximum pageSize of most list routes ("accepts values between 1 and 50, default 50").</summary>
    public const int DefaultSize = 50, MaxSize = 50;
}
