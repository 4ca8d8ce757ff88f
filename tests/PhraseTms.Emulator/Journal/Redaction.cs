using System.Text.RegularExpressions;

namespace PhraseTms.Emulator;

/// <summary>Removes secrets from anything the emulator shows (admin journal, console log): the Authorization value, the
/// deprecated ?token= query parameter, password / code / token fields of JSON bodies, and the token fields of form bodies
/// (subject_token of the Phrase Platform token exchange).</summary>
internal static partial class Redaction
{
    public const string Redacted = "<redacted>";

    /// <summary>"ApiToken abc" -> "ApiToken &lt;redacted&gt;"; a value without a scheme becomes "&lt;redacted&gt;".</summary>
    public static string? Authorization(string? value)
    {
        if (value is null) return null;
        var space = value.IndexOf(' ');
        return space > 0 ? value[..space] + " " + Redacted : Redacted;
    }

    [GeneratedRegex(@"(^|&)((?:api|subject_|actor_|access_|refresh_)?token|password|code)=[^&]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretQueryParameter();

    public static string Query(string query) => SecretQueryParameter().Replace(query, m => $"{m.Groups[1].Value}{m.Groups[2].Value}={Redacted}");

    [GeneratedRegex(@"(""(?:password|code|token)""\s*:\s*)""(?:[^""\\]|\\.)*""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretJsonField();

    public static string Body(string body) => SecretJsonField().Replace(body, m => $"{m.Groups[1].Value}\"{Redacted}\"");

    /// <summary>A form-encoded body (name=value&amp;…) with its secret fields redacted.</summary>
    public static string Form(string body) => Query(body);

    /// <summary>True for an application/x-www-form-urlencoded content type.</summary>
    public static bool IsForm(string? contentType) =>
        contentType is not null && contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
}
