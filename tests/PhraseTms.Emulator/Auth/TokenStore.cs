using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace PhraseTms.Emulator;

/// <summary>Login tokens (random, expire after the token lifetime on the emulator clock, can be revoked) and the
/// pre-issued demo API token (never expires, never revoked).</summary>
internal sealed class TokenStore(EmulatorClock clock, TimeSpan lifetime)
{
    private readonly ConcurrentDictionary<string, (UserAccount Account, DateTimeOffset Expires)> _loginTokens = new(StringComparer.Ordinal);

    public (string Token, DateTimeOffset Expires) Issue(UserAccount account)
    {
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        var expires = clock.UtcNow + lifetime;
        _loginTokens[token] = (account, expires);
        return (token, expires);
    }

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

    /// <summary>Invalidates every login token issued so far (API tokens stay valid).</summary>
    public void ExpireAll() => _loginTokens.Clear();
}
