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
    public static Uri Validate(Uri uri) => Normalize(Check(uri, "BaseUri", "InvalidBaseUri", "InsecureBaseUri", "the token"));

    /// <summary>https, or http to a loopback host only; no user info, query or fragment (one rule for every URI a secret goes to).</summary>
    private static Uri Check(Uri uri, string parameter, string invalidId, string insecureId, string secret)
    {
        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw new PhraseTmsValidationException(invalidId, parameter, uri.OriginalString,
                $"-{parameter} '{uri.OriginalString}' must be an https:// URI.");
        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
            throw new PhraseTmsValidationException(insecureId, parameter, uri.OriginalString,
                $"-{parameter} '{uri.OriginalString}' uses plain http://, which would send {secret} unencrypted; use https:// (http:// is allowed only for a loopback host such as 127.0.0.1).");
        if (!string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
            throw new PhraseTmsValidationException(invalidId, parameter, Redact(uri),
                $"-{parameter} '{Redact(uri)}' must not contain user info, a query or a fragment.");
        return uri;
    }

    /// <summary>The Phrase Platform identity service (token exchange) of the EU data center.</summary>
    public static readonly Uri EuIdentity = new("https://eu.phrase.com/idm/oauth/token");

    /// <summary>The Phrase Platform identity service (token exchange) of the US data center.</summary>
    public static readonly Uri UsIdentity = new("https://us.phrase.com/idm/oauth/token");

    /// <summary>The token endpoint's path on an identity service given only by its root (and on a loopback host).</summary>
    public const string IdentityTokenPath = "idm/oauth/token";

    /// <summary>The identity service of a data center.</summary>
    public static Uri IdentityFor(DataCenter dataCenter) => dataCenter switch
    {
        DataCenter.EU => EuIdentity,
        DataCenter.US => UsIdentity,
        _ => throw new PhraseTmsValidationException("InvalidDataCenter", "DataCenter", dataCenter, $"Unknown data center '{dataCenter}'."),
    };

    /// <summary>
    /// The identity service a Phrase Platform token is exchanged at: <paramref name="identityUri"/> when given (https,
    /// or http to a loopback host; a URI without a path gets /idm/oauth/token); else the one of the TMS data center
    /// <paramref name="baseUri"/> belongs to; else, for a loopback base URI (the emulator), the same host's
    /// /idm/oauth/token. Any other base URI needs <paramref name="identityUri"/>: refused before any request.
    /// </summary>
    public static Uri ResolveIdentity(Uri baseUri, string? identityUri)
    {
        if (identityUri is not null)
        {
            if (string.IsNullOrWhiteSpace(identityUri) || !Uri.TryCreate(identityUri.Trim(), UriKind.Absolute, out var given))
                throw new PhraseTmsValidationException("InvalidIdentityUri", "IdentityUri", identityUri,
                    $"-IdentityUri '{identityUri}' is not an absolute URI such as https://eu.phrase.com/idm/oauth/token.");
            var checkedUri = Check(given, "IdentityUri", "InvalidIdentityUri", "InsecureIdentityUri", "the Phrase Platform token");
            return checkedUri.AbsolutePath is "" or "/" ? new Uri(checkedUri, IdentityTokenPath) : new Uri(checkedUri.AbsoluteUri.TrimEnd('/'));
        }
        var normalized = Normalize(baseUri);
        if (normalized == Eu) return EuIdentity;
        if (normalized == Us) return UsIdentity;
        if (IsLoopback(normalized)) return new Uri(new Uri(normalized.GetLeftPart(UriPartial.Authority) + "/"), IdentityTokenPath);
        throw new PhraseTmsValidationException("IdentityUriRequired", "IdentityUri", normalized.AbsoluteUri,
            $"-BaseUri '{normalized.AbsoluteUri}' is neither a Phrase data center nor a loopback host, so the identity service " +
            "the Phrase Platform token is exchanged at is not known: give -IdentityUri (or PHRASETMS_IDENTITY_URI), e.g. " +
            $"{EuIdentity} or {UsIdentity}.");
    }

    /// <summary>The URI with a trailing '/', so relative API paths append to it.</summary>
    public static Uri Normalize(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");

    /// <summary>True for localhost, 127.0.0.0/8 and ::1.</summary>
    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var ip) && IPAddress.IsLoopback(ip));

    private static string Redact(Uri uri) => new UriBuilder(uri) { UserName = "", Password = "", Query = "", Fragment = "" }.Uri.AbsoluteUri;
}
