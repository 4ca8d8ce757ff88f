using System.Globalization;
using System.Text.RegularExpressions;

namespace PhraseTms.Emulator;

/// <summary>Date formats of the API. connectorAsyncTasks writes "2026-11-20T10:00:00+0000"; the other endpoints write
/// "2026-11-20T10:00:00Z" (the real API emits both). Always UTC, whole seconds.</summary>
internal static partial class ApiDates
{
    private const string Pattern = "yyyy'-'MM'-'dd'T'HH':'mm':'ss";

    public static string Z(DateTimeOffset value) =>
        value.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture) + "Z";

    public static string? Z(DateTimeOffset? value) => value is { } v ? Z(v) : null;

    public static string Plus0000(DateTimeOffset value) =>
        value.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture) + "+0000";

    /// <summary>Writes "\"yyyy-MM-ddTHH:mm:ss+0000\"" for UTC ticks.</summary>
    public static void WriteQuotedPlus0000(long utcTicks, ref Utf8Buffer buffer)
    {
        var span = buffer.GetSpan(26);
        span[0] = (byte)'"';
        new DateTime(utcTicks, DateTimeKind.Utc).TryFormat(span[1..], out var written, Pattern, CultureInfo.InvariantCulture);
        "+0000\""u8.CopyTo(span[(1 + written)..]);
        buffer.Advance(1 + written + 6);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDateTime();

    /// <summary>Parses an ISO 8601 date-time with offset Z, +00:00 or +0000 (no offset = UTC). A '+' decoded from a query
    /// string as a space is malformed, as on the real API.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (text is null || !IsoDateTime().IsMatch(text)) return false;
        var normalized = text;
        var n = text.Length;
        if (n > 5 && (text[n - 5] == '+' || text[n - 5] == '-') && char.IsAsciiDigit(text[n - 4]) && text[n - 3] != ':'
            && text.IndexOf('T') < n - 5)
            normalized = text[..(n - 2)] + ":" + text[(n - 2)..]; // +0000 -> +00:00
        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }
}
