using System.Text.RegularExpressions;

namespace PhraseTms.Generator.Import;

internal static class Text
{
    private static readonly Regex Spaces = new(@"\s+", RegexOptions.Compiled);

    // The first sentence of a summary or description, on one line, without its final period.
    public static string? FirstSentence(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var paragraph = text.Trim().Split("\n\n")[0];
        var line = Spaces.Replace(paragraph, " ").Trim();
        var end = line.IndexOf(". ", StringComparison.Ordinal);
        if (end >= 0) line = line[..end];
        line = line.TrimEnd('.', ' ');
        return line.Length == 0 ? null : line;
    }

    // How a body is sent, as a generator cares: json (any +json too), octet-stream, multipart; others as they are.
    public static string ContentKind(string mediaType)
    {
        var m = mediaType.Split(';')[0].Trim().ToLowerInvariant();
        if (m == "application/json" || m.EndsWith("+json", StringComparison.Ordinal)) return "json";
        if (m == "application/octet-stream") return "octet-stream";
        if (m == "multipart/form-data") return "multipart";
        return m;
    }

    // A binary answer: a file, not a JSON document.
    public static bool IsBinaryMediaType(string mediaType) => ContentKind(mediaType) == "octet-stream";

    public static string RefName(string reference) => reference[(reference.LastIndexOf('/') + 1)..];
}
