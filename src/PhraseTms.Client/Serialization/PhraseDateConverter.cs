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
        var s = text.Trim();
        // "+0000" / "-0530" at the end: insert the colon .NET expects.
        if (s.Length > 5 && (s[^5] == '+' || s[^5] == '-') && char.IsDigit(s[^4]) && char.IsDigit(s[^1]) && s.IndexOf('T') > 0)
            s = string.Concat(s.AsSpan(0, s.Length - 2), ":", s.AsSpan(s.Length - 2));
        return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out value);
    }
}
