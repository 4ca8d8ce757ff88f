using System.Text.RegularExpressions;
using PhraseTms.Client.Errors;

namespace PhraseTms.Client.Http;

/// <summary>
/// Checks and escapes values that go into a URL path (project UID, TM UID, async request id …), so that a value such
/// as <c>../admin</c> or <c>a/b?x=1</c> can never reach another endpoint.
/// </summary>
public static class PathSegment
{
    private static readonly Regex UidShape = new("^[A-Za-z0-9_-]{1,100}$", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly Regex NumericIdShape = new("^[0-9]{1,19}$", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    /// <summary>Validates a Phrase UID (letters, digits, '_' and '-', at most 100) and returns it.</summary>
    public static string Uid(string parameterName, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new PhraseTmsValidationException("EmptyIdentifier", parameterName, value, $"-{parameterName} must not be empty.");
        if (!UidShape.IsMatch(value))
            throw new PhraseTmsValidationException("InvalidIdentifier", parameterName, value,
                $"-{parameterName} '{Printable(value)}' is not a Phrase TMS UID (letters, digits, '_' and '-' only, at most 100 characters).");
        return value;
    }

    /// <summary>Validates a numeric id (async request id, connector task id) and returns it.</summary>
    public static string NumericId(string parameterName, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new PhraseTmsValidationException("EmptyIdentifier", parameterName, value, $"-{parameterName} must not be empty.");
        if (!NumericIdShape.IsMatch(value))
            throw new PhraseTmsValidationException("InvalidIdentifier", parameterName, value,
                $"-{parameterName} '{Printable(value)}' is not a numeric Phrase TMS id.");
        return value;
    }

    /// <summary>Escapes any value as one path segment; '.' and '..' are refused.</summary>
    public static string Escape(string value)
    {
        if (value is "." or ".." || value.Length == 0)
            throw new PhraseTmsValidationException("InvalidPathSegment", "Path", value, $"'{value}' cannot be used as a path segment.");
        return Uri.EscapeDataString(value);
    }

    /// <summary>The value with control characters shown as '?' and cut at 120 characters, for messages.</summary>
    public static string Printable(string value)
    {
        var s = new string(value.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return s.Length > 120 ? s[..120] + "…" : s;
    }
}
