using System.Text.RegularExpressions;

namespace PhraseTms.Emulator;

/// <summary>Removes secrets from anything the emulator shows (admin journal, console log): the Authorization value, the
/// deprecated ?token= query parameter, and password / code / token fields of JSON bodies.</summary>
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

    [GeneratedRegex(@"(^|&)((?:api)?token|password|code)=[^&]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretQueryParameter();

    public static string Query(string query) => SecretQueryParameter().Replace(query, m => $"{m.Groups[1].Value}{m.Groups[2].Value}={Redacted}");

    [GeneratedRegex(@"(""(?:password|code|token)""\s*:\s*)""(?:[^""\\]|\\.)*""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretJsonField();

    public static string Body(string body) => SecretJsonField().Replace(body, m => $"{m.Groups[1].Value}\"{Redacted}\"");
}
