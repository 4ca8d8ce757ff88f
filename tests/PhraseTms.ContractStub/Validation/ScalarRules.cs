using System.Globalization;
using System.Text.RegularExpressions;
using PhraseTms.ContractStub.Description;

namespace PhraseTms.ContractStub.Validation;

/// <summary>Checks one textual value (a path segment, a query value, a form field) against its type and limits.</summary>
public static partial class ScalarRules
{
    // ISO 8601 in UTC only: Phrase reads other offsets differently across endpoints, so the module always sends UTC.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|\+0000|\+00:00)$")]
    private static partial Regex UtcDateTime();

    public static bool IsUtcDateTime(string value) => UtcDateTime().IsMatch(value);

    /// <summary>Null when <paramref name="value"/> fits <paramref name="type"/>, else why not.</summary>
    public static string? Check(ApiType type, string value)
    {
        switch (type.Type)
        {
            case "integer":
                if (type.Format == "int32" ? !int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
                                           : !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                    return $"'{value}' is not an {type.Format ?? "integer"}";
                return Range(type, double.Parse(value, CultureInfo.InvariantCulture), value);
            case "number":
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                    return $"'{value}' is not a number";
                return Range(type, d, value);
            case "boolean":
                return value is "true" or "false" ? null : $"'{value}' is not a boolean (true or false)";
            case "string":
            case null:
                return Text(type, value);
            default:
                return null;
        }
    }

    /// <summary>The string rules: enum, date-time, length, pattern.</summary>
    public static string? Text(ApiType type, string value)
    {
        if (type.Enum is { Count: > 0 } values && !values.Contains(value, StringComparer.Ordinal))
            return $"'{value}' is not one of {string.Join(", ", values)}";
        if (type.Format == "date-time" && !IsUtcDateTime(value))
            return $"'{value}' is not an ISO 8601 date-time in UTC (Z, +0000 or +00:00)"
                   + (IsUtcDateTime(value.Replace(' ', '+')) ? " — an unescaped '+' arrives as a space" : "");
        if (type.MinLength is { } min && value.Length < min) return $"'{value}' is shorter than {min}";
        if (type.MaxLength is { } max && value.Length > max) return $"'{value}' is longer than {max}";
        if (type.Pattern is { } pattern && !Matches(pattern, value)) return $"'{value}' does not match {pattern}";
        return null;
    }

    public static string? Range(ApiType type, double number, string shown)
    {
        if (type.Minimum is { } min && number < min) return $"{shown} is below the minimum {min.ToString(CultureInfo.InvariantCulture)}";
        if (type.Maximum is { } max && number > max) return $"{shown} is above the maximum {max.ToString(CultureInfo.InvariantCulture)}";
        return null;
    }

    private static bool Matches(string pattern, string value)
    {
        try { return Regex.IsMatch(value, "^(?:" + pattern + ")$", RegexOptions.None, TimeSpan.FromSeconds(1)); }
        catch (ArgumentException) { return true; } // a pattern .NET cannot read is not the client's fault
    }
}
