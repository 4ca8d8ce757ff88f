using System.Security;
using PhraseTms.Client.Errors;
using PhraseTms.Client.Http;

namespace PhraseTms.Client.Auth;

/// <summary>
/// Logs in with user name and password (+ 2FA code, + organization userUid through /api2/v3/auth/login), caches the
/// token until shortly before it expires, and logs in again once when a call answers 401 (the renewal rule of
/// <see cref="RenewingAuthenticator"/>).
/// </summary>
public sealed class LoginAuthenticator : RenewingAuthenticator
{
    private readonly Secret _password;
    private readonly Secret? _twoFactorCode;

    public LoginAuthenticator(string userName, SecureString password, SecureString? twoFactorCode = null,
        string? organizationUserUid = null, TimeProvider? time = null)
        : base(time)
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
    }

    public string UserName { get; }

    /// <summary>The userUid of the organization account to log into (v3 login), if chosen.</summary>
    public string? OrganizationUserUid { get; }

    public override AuthenticationMode Mode => AuthenticationMode.Login;

    /// <summary>How many times this authenticator has logged in (for tests and -Verbose).</summary>
    public int LoginCount => RenewalCount;

    private protected override string RenewedThing => $"the login token of '{UserName}'";

    private protected override string RenewingText => "logging in again";

    private protected override async Task<IssuedToken> AcquireAsync(ApiPipeline pipeline, CancellationToken ct)
    {
        var v3 = OrganizationUserUid is not null;
        var call = new ApiCall(HttpMethod.Post, v3 ? "api2/v3/auth/login" : "api2/v1/auth/login") { Anonymous = true }
            .Body(BuildBody);
        var response = await pipeline.SendAsync<LoginResponse>(call, ct).ConfigureAwait(false);
        if (string.IsNullOrEmpty(response?.Token))
            throw new PhraseTmsException(PhraseErrorKind.InvalidResult, "InvalidLoginResponse",
                $"{call.Info} answered without a token.", call.Info);
        var expires = response.Expires ?? Time.GetUtcNow().AddHours(24);
        User = response.User ?? User;
        pipeline.Log.Verbose($"Logged in as '{UserName}'{(v3 ? $" (organization user {OrganizationUserUid})" : "")}; token valid until {expires:u}.");
        return new IssuedToken(new AuthHeader("ApiToken", Secret.FromPlainText(response.Token)), expires);
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

    public override void Dispose()
    {
        _password.Dispose();
        _twoFactorCode?.Dispose();
        base.Dispose();
    }
}
