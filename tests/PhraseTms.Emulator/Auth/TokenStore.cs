using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace PhraseTms.Emulator;

/// <summary>Login tokens (random, expire after the token lifetime on the emulator clock, can be revoked), access tokens
/// of the Phrase Platform token exchange (JWT-shaped, opaque, expire after the access token lifetime, can be revoked),
/// and the pre-issued demo API token (never expires, never revoked).</summary>
internal sealed class TokenStore(EmulatorClock clock, TimeSpan lifetime, TimeSpan accessLifetime)
{
    private readonly ConcurrentDictionary<string, (UserAccount Account, DateTimeOffset Expires)> _loginTokens = new(StringComparer.Ordinal);

    public (string Token, DateTimeOffset Expires) Issue(UserAccount account)
    {
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        var expires = clock.UtcNow + lifetime;
        _loginTokens[token] = (account, expires);
        return (token, expires);
    }

    /// <summary>An access token for <paramref name="account"/>: three base64url parts like a JWT (header, claims
    /// {sub, iat, exp, jti}, random signature), valid as Bearer until it expires.</summary>
    public (string Token, DateTimeOffset Expires) IssueAccessToken(UserAccount account)
    {
        var now = clock.UtcNow;
        var expires = now + accessLifetime;
        var header = Base64Url("""{"alg":"RS256","typ":"JWT"}""");
        var claims = Base64Url($$"""{"sub":"{{account.Uid}}","iat":{{now.ToUnixTimeSeconds()}},"exp":{{expires.ToUnixTimeSeconds()}},"jti":"{{Convert.ToHexString(RandomNumberGenerator.GetBytes(8))}}"}""");
        var token = $"{header}.{claims}.{Base64Url(RandomNumberGenerator.GetBytes(32))}";
        _loginTokens[token] = (account, expires);
        return (token, expires);
    }

    private static string Base64Url(string text) => Base64Url(System.Text.Encoding.UTF8.GetBytes(text));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The user a token belongs to, or null when it is unknown, expired or revoked.</summary>
    public UserAccount? Validate(string token)
    {
        if (token == PhraseTmsEmulator.DemoApiToken) return SeedData.DemoAccount;
        if (!_loginTokens.TryGetValue(token, out var entry)) return null;
        if (clock.UtcNow < entry.Expires) return entry.Account;
        _loginTokens.TryRemove(token, out _);
        return null;
    }

    /// <summary>Invalidates one login token (API tokens stay valid).</summary>
    public void Revoke(string token) => _loginTokens.TryRemove(token, out _);

    /// <summary>Invalidates every login and access token issued so far (API tokens stay valid).</summary>
    public void ExpireAll() => _loginTokens.Clear();
}
