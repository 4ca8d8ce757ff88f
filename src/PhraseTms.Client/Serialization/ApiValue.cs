using System.Globalization;

namespace PhraseTms.Client.Serialization;

/// <summary>
/// The one way a value is written as text for the API (query parameters; dates and enums in JSON bodies): dates as
/// UTC ISO 8601, enums by member name, booleans <c>true</c>/<c>false</c>, numbers in the invariant culture.
/// </summary>
public static class ApiValue
{
    /// <summary>The text of <paramref name="value"/>; null for null.</summary>
    public static string? Format(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        DateTimeOffset d => PhraseDateConverter.Format(d),
        DateTime d => PhraseDateConverter.Format(new DateTimeOffset(d)),
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
