using System.Security;
using PhraseTms.Client.Errors;
using PhraseTms.Client.Http;

namespace PhraseTms.Client.Auth;

/// <summary>
/// Logs in with user name and password (+ 2FA code, + organization userUid through /api2/v3/auth/login), caches the
/// token until shortly before it expires, and logs in again once when a call answers 401.
/// </summary>
public sealed class LoginAuthenticator : PhraseAuthenticator
{
    /// <summary>A token is renewed this long before its expiry (at most a tenth of its lifetime), so that no call races the deadline.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Secret _password;
    private readonly Secret? _twoFactorCode;
    private readonly TimeProvider _time;
    private AuthHeader? _current;
    private DateTimeOffset? _expires;
    private DateTimeOffset? _renewAt;

    public LoginAuthenticator(string userName, SecureString password, SecureString? twoFactorCode = null,
        string? organizationUserUid = null, TimeProvider? time = null)
    {
        if (string.IsNullOrWhiteSpace(userName))
            throw new PhraseTmsValidationException("EmptyUserName", "Credential", userName, "The user name must not be empty.");
        ArgumentNullException.ThrowIfNull(password);
        if (password.Length == 0)
            throw new PhraseTmsValidationException("EmptyPassword", "Credential", userName, $"The password of '{userName}' must not be empty.");
        if (organizationUserUid is not null) PathSegment.Uid("OrganizationUid", organizationUserUid);
        UserName = userName;
        OrganizationUserUid = organizationUserUid;
        _password = new Secret(password);
        _twoFactorCode = twoFactorCode is { Length: > 0 } ? new Secret(twoFactorCode) : null;
        _time = time ?? TimeProvider.System;
    }

    public string UserName { get; }

    /// <summary>The userUid of the organization account to log into (v3 login), if chosen.</summary>
    public string? OrganizationUserUid { get; }

    public override AuthenticationMode Mode => AuthenticationMode.Login;

    public override DateTimeOffset? ExpiresAt => _expires;

    /// <summary>How many times this authenticator has logged in (for tests and -Verbose).</summary>
    public int LoginCount { get; private set; }

    internal override bool CanRenew => true;

    internal override async ValueTask<AuthHeader> GetHeaderAsync(ApiPipeline pipeline, CancellationToken ct)
    {
        var current = _current;
        if (current is not null && !IsNearExpiry()) return current.Value;
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_current is null || IsNearExpiry())
            {
                if (_current is not null) pipeline.Log.Verbose($"The login token of '{UserName}' expires at {_expires:u}; logging in again.");
                await LoginAsync(pipeline, ct).ConfigureAwait(false);
            }
            return _current!.Value;
        }
        finally { _gate.Release(); }
    }

    internal override async Task RenewAsync(ApiPipeline pipeline, AuthHeader rejected, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            // Another call may have renewed it already: only log in if the rejected token is still the current one.
            if (_current is null || ReferenceEquals(_current.Value.Token, rejected.Token))
            {
                pipeline.Log.Verbose($"The server refused the token of '{UserName}' (401); logging in again once.");
                await LoginAsync(pipeline, ct).ConfigureAwait(false);
            }
        }
        finally { _gate.Release(); }
    }

    internal override Task ConnectAsync(ApiPipeline pipeline, CancellationToken ct) => LoginAsync(pipeline, ct);

    /// <summary>Logs in now.</summary>
    internal async Task LoginAsync(ApiPipeline pipeline, CancellationToken ct)
    {
        var v3 = OrganizationUserUid is not null;
        var call = new ApiCall(HttpMethod.Post, v3 ? "api2/v3/auth/login" : "api2/v1/auth/login") { Anonymous = true }
            .Body(BuildBody);
        var response = await pipeline.SendAsync<LoginResponse>(call, ct).ConfigureAwait(false);
        if (string.IsNullOrEmpty(response?.Token))
            throw new PhraseTmsException(PhraseErrorKind.InvalidResult, "InvalidLoginResponse",
                $"{call.Info} answered without a token.", call.Info);
        _current = new AuthHeader("ApiToken", Secret.FromPlainText(response.Token));
        var now = _time.GetUtcNow();
        _expires = response.Expires ?? now.AddHours(24);
        // Renew a little before expiry: 5 minutes, or a tenth of a short lifetime.
        var margin = TimeSpan.FromTicks(Math.Min(RenewBefore.Ticks, Math.Max(0, (_expires.Value - now).Ticks / 10)));
        _renewAt = _expires.Value - margin;
        User = response.User ?? User;
        LoginCount++;
        pipeline.Log.Verbose($"Logged in as '{UserName}'{(v3 ? $" (organization user {OrganizationUserUid})" : "")}; token valid until {_expires:u}.");
    }

    private object BuildBody()
    {
        var body = new Dictionary<string, object?>
        {
            ["userName"] = UserName,
            ["password"] = _password.Reveal(),
        };
        if (_twoFactorCode is not null) body["code"] = _twoFactorCode.Reveal();
        if (OrganizationUserUid is not null) body["userUid"] = OrganizationUserUid;
        return body;
    }

    private bool IsNearExpiry() => _renewAt is { } r && _time.GetUtcNow() >= r;

    public override void Dispose()
    {
        _password.Dispose();
        _twoFactorCode?.Dispose();
        _current?.Token.Dispose();
        _gate.Dispose();
    }
}
