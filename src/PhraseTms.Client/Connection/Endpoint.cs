using System.Net;
using PhraseTms.Client.Errors;

namespace PhraseTms.Client.Connection;

/// <summary>Resolves and checks the API's base URI: a data center, or any https URI (http only to a loopback host).</summary>
public static class Endpoint
{
    public static readonly Uri Eu = new("https://cloud.memsource.com/web/");
    public static readonly Uri Us = new("https://us.cloud.memsource.com/web/");

    /// <summary>The base URI of a data center.</summary>
    public static Uri For(DataCenter dataCenter) => dataCenter switch
    {
        DataCenter.EU => Eu,
        DataCenter.US => Us,
        _ => throw new PhraseTmsValidationException("InvalidDataCenter", "DataCenter", dataCenter, $"Unknown data center '{dataCenter}'."),
    };

    /// <summary>Checks a user-given base URI and returns it normalised (ending in '/').</summary>
    public static Uri Validate(string? baseUri)
    {
        if (string.IsNullOrWhiteSpace(baseUri) || !Uri.TryCreate(baseUri.Trim(), UriKind.Absolute, out var uri))
            throw new PhraseTmsValidationException("InvalidBaseUri", "BaseUri", baseUri,
                $"-BaseUri '{baseUri}' is not an absolute URI such as https://cloud.memsource.com/web.");
        return Validate(uri);
    }

    /// <summary>Checks a base URI: https, or http to a loopback host only; no user info, query or fragment.</summary>
    public static Uri Validate(Uri uri)
    {
        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw new PhraseTmsValidationException("InvalidBaseUri", "BaseUri", uri.OriginalString,
                $"-BaseUri '{uri.OriginalString}' must be an https:// URI.");
        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
            throw new PhraseTmsValidationException("InsecureBaseUri", "BaseUri", uri.OriginalString,
                $"-BaseUri '{uri.OriginalString}' uses plain http://, which would send the token unencrypted; use https:// (http:// is allowed only for a loopback host such as 127.0.0.1).");
        if (!string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
            throw new PhraseTmsValidationException("InvalidBaseUri", "BaseUri", Redact(uri),
                $"-BaseUri '{Redact(uri)}' must not contain user info, a query or a fragment.");
        return Normalize(uri);
    }

    /// <summary>The URI with a trailing '/', so relative API paths append to it.</summary>
    public static Uri Normalize(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");

    /// <summary>True for localhost, 127.0.0.0/8 and ::1.</summary>
    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var ip) && IPAddress.IsLoopback(ip));

    private static string Redact(Uri uri) => new UriBuilder(uri) { UserName = "", Password = "", Query = "", Fragment = "" }.Uri.AbsoluteUri;
}
