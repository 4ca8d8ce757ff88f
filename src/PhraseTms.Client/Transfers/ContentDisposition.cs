using System.Text;

namespace PhraseTms.Client.Transfers;

/// <summary>
/// The <c>Content-Disposition</c> header of transfers: written as Phrase documents it for a file in the request body,
/// <c>filename*=UTF-8''&lt;percent-encoded&gt;</c> (RFC 5987, the only form the TM import accepts), and read from
/// answers in both forms (<c>filename*</c> preferred over <c>filename</c>).
/// <para>
/// No plain <c>filename="…"</c> fallback is added to an octet-stream body: Phrase's pattern accepts one form or the
/// other, the TM import only the <c>filename*</c> one, so a second parameter could only do harm. Multipart file parts
/// carry RestSharp's <c>form-data; name="…"; filename="…"; filename*=utf-8''…</c> (the plain one MIME-encoded by .NET
/// when the name is not ASCII): there the plain form is what multipart readers expect and is harmless.
/// </para>
/// </summary>
public static class ContentDisposition
{
    /// <summary><c>filename*=UTF-8''…</c> for <paramref name="fileName"/> (ASCII only, so it is a valid header value).</summary>
    public static string ForUpload(string fileName) => "filename*=UTF-8''" + Rfc5987Encode(fileName);

    /// <summary>Percent-encodes the UTF-8 bytes of <paramref name="value"/> except RFC 5987 attr-chars.</summary>
    public static string Rfc5987Encode(string value)
    {
        var sb = new StringBuilder(value.Length * 3);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9'
                || c is '!' or '#' or '$' or '&' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~')
                sb.Append(c);
            else
                sb.Append('%').Append(b.ToString("X2"));
        }
        return sb.ToString();
    }

    /// <summary>
    /// The file name of a <c>Content-Disposition</c> value: <c>filename*</c> (RFC 5987, UTF-8 or ISO-8859-1) when present
    /// and readable, otherwise <c>filename</c> (quoted or a token); null when neither is there.
    /// </summary>
    public static string? ParseFileName(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) return null;
        string? plain = null, star = null;
        foreach (var (name, value) in Parameters(header!))
        {
            if (name.Equals("filename*", StringComparison.OrdinalIgnoreCase)) star ??= DecodeExtended(value);
            else if (name.Equals("filename", StringComparison.OrdinalIgnoreCase)) plain ??= value;
        }
        return star ?? plain;
    }

    /// <summary>
    /// A name safe to create in a folder from what the server suggested: the last path segment, characters that are not
    /// allowed in file names replaced by '_'; null when nothing usable is left.
    /// </summary>
    public static string? SafeFileName(string? suggested)
    {
        if (string.IsNullOrWhiteSpace(suggested)) return null;
        var name = suggested!.Replace('\\', '/');
        name = name.Substring(name.LastIndexOf('/') + 1).Trim();
        var invalid = Path.GetInvalidFileNameChars();
        var sb = new StringBuilder(name.Length);
        foreach (var c in name) sb.Append(c < 32 || Array.IndexOf(invalid, c) >= 0 ? '_' : c);
        name = sb.ToString();
        return name is "" or "." or ".." ? null : name;
    }

    private static IEnumerable<(string Name, string Value)> Parameters(string header)
    {
        var i = 0;
        while (i < header.Length)
        {
            var semi = IndexOfUnquoted(header, ';', i);
            var part = header.Substring(i, (semi < 0 ? header.Length : semi) - i).Trim();
            i = semi < 0 ? header.Length : semi + 1;
            var eq = part.IndexOf('=');
            if (eq <= 0) continue; // the disposition type (attachment, inline, form-data)
            var name = part.Substring(0, eq).Trim();
            var value = part.Substring(eq + 1).Trim();
            if (value.Length >= 2 && value[0] == '"' && value[value.Length - 1] == '"')
                value = value.Substring(1, value.Length - 2).Replace("\\\"", "\"").Replace("\\\\", "\\");
            yield return (name, value);
        }
    }

    private static int IndexOfUnquoted(string s, char c, int from)
    {
        var quoted = false;
        for (var i = from; i < s.Length; i++)
        {
            if (s[i] == '\\' && quoted) { i++; continue; }
            if (s[i] == '"') quoted = !quoted;
            else if (s[i] == c && !quoted) return i;
        }
        return -1;
    }

    private static string? DecodeExtended(string value)
    {
        var first = value.IndexOf('\'');
        var second = first < 0 ? -1 : value.IndexOf('\'', first + 1);
        if (second < 0) return null;
        var charset = value.Substring(0, first);
        Encoding encoding;
        if (charset.Equals("UTF-8", StringComparison.OrdinalIgnoreCase)) encoding = new UTF8Encoding(false, throwOnInvalidBytes: true);
        else if (charset.Equals("ISO-8859-1", StringComparison.OrdinalIgnoreCase)) encoding = Encoding.GetEncoding("ISO-8859-1");
        else return null;
        var text = value.Substring(second + 1);
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length && IsHex(text[i + 1]) && IsHex(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else if (text[i] > 127) return null;
            else bytes.Add((byte)text[i]);
        }
        try { return encoding.GetString(bytes.ToArray()); }
        catch (DecoderFallbackException) { return null; }
    }

    private static bool IsHex(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F';
}
