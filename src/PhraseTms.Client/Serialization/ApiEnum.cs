using System.Collections.Concurrent;

namespace PhraseTms.Client.Serialization;

/// <summary>
/// Maps the API's enumeration strings onto .NET enums whose member names are the API's own names
/// (so <c>-TaskType REIMPORT_TARGET</c> and <c>Where-Object Status -eq 'ERROR'</c> read as the API's docs do).
/// A value this version does not know yields <c>null</c>; models keep the raw text next to the enum, so nothing is lost.
/// </summary>
public static class ApiEnum
{
    private static class Cache<TEnum> where TEnum : struct, Enum
    {
        public static readonly ConcurrentDictionary<string, TEnum?> Parsed = new(StringComparer.Ordinal);
    }

    /// <summary>The enum member named <paramref name="text"/> (case-insensitive), or null when absent or unknown.</summary>
    public static TEnum? Parse<TEnum>(string? text) where TEnum : struct, Enum
    {
        if (string.IsNullOrEmpty(text)) return null;
        return Cache<TEnum>.Parsed.GetOrAdd(text, static t =>
            Enum.TryParse<TEnum>(t, ignoreCase: true, out var v) && Enum.IsDefined(v) && !char.IsDigit(t[0]) ? v : null);
    }
}
