using PhraseTms.Client.Errors;
using PhraseTms.Client.Http;

namespace PhraseTms.Client.Raw;

/// <summary>
/// Checks the path of a request to any endpoint: an API path under the session's base URI (<c>/api2/...</c>), never a
/// URL of another host, never '.' or '..', query only through -Query. Each segment is escaped (give it unescaped).
/// </summary>
public static class RawPath
{
    public const string Prefix = "/api2/";

    /// <summary>The path relative to the base URI with each segment escaped (e.g. <c>api2/v1/projects/a%20b</c>).</summary>
    public static string Normalize(string? path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw Invalid(path, "-Path must not be empty; give an API path such as /api2/v1/projects.");
        if (path.Contains("://", StringComparison.Ordinal) || path.StartsWith("//", StringComparison.Ordinal))
            throw Invalid(path, $"-Path '{PathSegment.Printable(path)}' names a server: give only the API path (e.g. /api2/v1/projects); the session decides the server.");
        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
            throw Invalid(path, $"-Path '{PathSegment.Printable(path)}' must start with {Prefix} (e.g. /api2/v1/projects).");
        if (path.IndexOfAny(['?', '#']) >= 0)
            throw Invalid(path, $"-Path '{PathSegment.Printable(path)}' holds a query or fragment: pass query parameters with -Query.");
        if (path.Any(c => char.IsControl(c) || c == '\\'))
            throw Invalid(path, $"-Path '{PathSegment.Printable(path)}' holds a backslash or control character.");

        var segments = path[1..].TrimEnd('/').Split('/');
        foreach (var segment in segments)
        {
            if (segment.Length == 0)
                throw Invalid(path, $"-Path '{PathSegment.Printable(path)}' has an empty segment ('//').");
            if (segment is "." or "..")
                throw Invalid(path, $"-Path '{PathSegment.Printable(path)}' holds a '{segment}' segment.");
        }
        return string.Join('/', segments.Select(Uri.EscapeDataString));
    }

    private static PhraseTmsValidationException Invalid(string? path, string message) => new("InvalidPath", "Path", path, message);
}
