using System.Globalization;
using Newtonsoft.Json;

namespace PhraseTms.Client.Serialization;

/// <summary>
/// Reads and writes <see cref="DateTimeOffset"/> the way Phrase TMS does. The API writes offsets both as
/// <c>Z</c> / <c>+00:00</c> and as <c>+0000</c> (no colon); both parse. Written dates are UTC ISO 8601 with <c>Z</c>.
/// </summary>
public sealed class PhraseDateConverter : JsonConverter
{
    /// <inheritdoc />
    public override bool CanConvert(Type objectType) =>
        objectType == typeof(DateTimeOffset) || objectType == typeof(DateTimeOffset?);

    /// <inheritdoc />
    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        switch (reader.TokenType)
        {
            case JsonToken.Null:
                if (objectType == typeof(DateTimeOffset)) throw new JsonSerializationException($"Null is not a valid date at '{reader.Path}'.");
                return null;
            case JsonToken.String:
                var text = (string)reader.Value!;
                if (text.Length == 0 && objectType == typeof(DateTimeOffset?)) return null;
                if (TryParse(text, out var value)) return value;
                throw new JsonSerializationException($"'{text}' is not an ISO 8601 date at '{reader.Path}'.");
            case JsonToken.Date:
                return reader.Value is DateTimeOffset dto ? dto : new DateTimeOffset((DateTime)reader.Value!);
            case JsonToken.Integer:
                // Some endpoints answer epoch milliseconds.
                return DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.Value, CultureInfo.InvariantCulture));
            default:
                throw new JsonSerializationException($"Unexpected token {reader.TokenType} for a date at '{reader.Path}'.");
        }
    }

    /// <inheritdoc />
    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is null) { writer.WriteNull(); return; }
        writer.WriteValue(Format((DateTimeOffset)value));
    }

    /// <summary>Formats a date as the API expects it in bodies and queries: UTC, ISO 8601, <c>Z</c>.</summary>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Parses ISO 8601 with <c>Z</c>, <c>+hh:mm</c> or <c>+hhmm</c> offsets (or none, taken as UTC).</summary>
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        if (TryParseExactIso(text, out value)) return true;
        var s = text.Trim();
        // "+0000" / "-0530" at the end: insert the colon .NET expects.
        if (s.Length > 5 && (s[^5] == '+' || s[^5] == '-') && char.IsDigit(s[^4]) && char.IsDigit(s[^1]) && s.IndexOf('T') > 0)
            s = string.Concat(s.AsSpan(0, s.Length - 2), ":", s.AsSpan(s.Length - 2));
        return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out value);
    }

    /// <summary>
    /// The fast path for what the API writes on every item (<c>yyyy-MM-ddTHH:mm:ss[.f…]</c> then <c>Z</c>, <c>±hh:mm</c>
    /// or <c>±hhmm</c>): a tenth of the general parser's cost. Anything else is left to the general parser.
    /// </summary>
    internal static bool TryParseExactIso(ReadOnlySpan<char> s, out DateTimeOffset value)
    {
        value = default;
        if (s.Length < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':') return false;
        if (!Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day)
            || !Digits(s, 11, 2, out var hour) || !Digits(s, 14, 2, out var minute) || !Digits(s, 17, 2, out var second))
            return false;
        var i = 19;
        long fractionTicks = 0;
        if (s[i] == '.')
        {
            var start = ++i;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            var count = i - start;
            if (count is 0 or > 7 || !Digits(s, start, count, out var fraction)) return false;
            fractionTicks = fraction;
            for (var k = count; k < 7; k++) fractionTicks *= 10;
        }
        if (!TryParseOffset(s[i..], out var offset)) return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
            return false;
        var local = new DateTime(year, month, day, hour, minute, second).Ticks + fractionTicks;
        var utc = local - offset.Ticks;
        if (utc < DateTime.MinValue.Ticks || utc > DateTime.MaxValue.Ticks) return false;
        value = new DateTimeOffset(local, offset);
        return true;
    }

    private static bool TryParseOffset(ReadOnlySpan<char> s, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (s is "Z" or "z") return true;
        if (s.Length is not (5 or 6) || (s[0] != '+' && s[0] != '-')) return false;
        if (s.Length == 6 && s[3] != ':') return false;
        if (!Digits(s, 1, 2, out var hours) || !Digits(s, s.Length - 2, 2, out var minutes) || hours > 14 || minutes > 59) return false;
        offset = new TimeSpan(hours, minutes, 0);
        if (offset > TimeSpan.FromHours(14)) return false;
        if (s[0] == '-') offset = -offset;
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        for (var k = start; k < start + count; k++)
        {
            var d = s[k] - '0';
            if ((uint)d > 9) return false;
            value = value * 10 + d;
        }
        return true;
    }
}
