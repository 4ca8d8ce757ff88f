using System.Management.Automation;
using System.Security;
using PhraseTms.Client.Auth;
using PhraseTms.Client.Connection;
using PhraseTms.Client.Errors;
using PhraseTms.Infrastructure;

namespace PhraseTms.Cmdlets.Session;

/// <summary>
/// Connects to Phrase TMS with a credential (login), a token, a Phrase Platform token (exchanged and renewed), or
/// PHRASETMS_* environment variables, and makes the session current. A failed connect leaves the previous session as it was.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "PhraseTms", DefaultParameterSetName = EnvironmentSet)]
[OutputType(typeof(PhraseTmsSession))]
public sealed class ConnectPhraseTmsCommand : PhraseTmsCmdlet
{
    private const string CredentialSet = "Credential";
    private const string TokenSet = "Token";
    private const string EnvironmentSet = "Environment";
    private const string PlatformTokenSet = "PlatformToken";

    /// <summary>User name and password of a Phrase TMS user.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = CredentialSet)]
    [Credential]
    public PSCredential Credential { get; set; } = null!;

    /// <summary>The 2FA code, for users with two-factor authentication.</summary>
    [Parameter(ParameterSetName = CredentialSet)]
    [ValidatePattern("^[0-9]{4,10}$")]
    public string? TwoFactorCode { get; set; }

    /// <summary>The userUid of the organization account to log into, for users in several organizations.</summary>
    [Parameter(ParameterSetName = CredentialSet)]
    [Alias("UserUid")]
    public string? OrganizationUid { get; set; }

    /// <summary>An API token (from /auth/login) or an OAuth / Phrase Platform bearer token.</summary>
    [Parameter(Mandatory = true, ParameterSetName = TokenSet)]
    public SecureString Token { get; set; } = null!;

    /// <summary>How the token is sent: ApiToken (default) or Bearer.</summary>
    [Parameter(ParameterSetName = TokenSet)]
    public TokenType TokenType { get; set; } = TokenType.ApiToken;

    /// <summary>A Phrase Platform API token: exchanged at the identity service for access tokens, renewed by itself.</summary>
    [Parameter(Mandatory = true, ParameterSetName = PlatformTokenSet)]
    public SecureString PlatformToken { get; set; } = null!;

    /// <summary>The identity service's token endpoint, with -BaseUri (a proxy, the emulator); default: the data center's.</summary>
    [Parameter(ParameterSetName = PlatformTokenSet)]
    [ValidateNotNullOrEmpty]
    public string? IdentityUri { get; set; }

    /// <summary>The data center: EU (default) or US.</summary>
    [Parameter]
    public DataCenter DataCenter { get; set; } = DataCenter.EU;

    /// <summary>Any base URI instead of a data center (a proxy, a local emulator). https only, except to a loopback host.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? BaseUri { get; set; }

    /// <summary>Retries of a throttled or failed request (default 5; 0 = none).</summary>
    [Parameter]
    [ValidateRange(0, 20)]
    public int MaxRetries { get; set; } = 5;

    /// <summary>The most seconds spent waiting between retries of one request (default 120).</summary>
    [Parameter]
    [ValidateRange(0, 3600)]
    public int MaxRetryWaitSec { get; set; } = 120;

    /// <summary>Seconds one HTTP request may take (default 100).</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int RequestTimeoutSec { get; set; } = 100;

    /// <summary>Pages a list reads ahead (default 6; 1 = strictly sequential, for users near Phrase's concurrency cap).</summary>
    [Parameter]
    [ValidateRange(1, 16)]
    public int PrefetchPages { get; set; } = 6;

    /// <summary>Returns the session object.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>
    /// Connects, then makes the session current. The session it replaces is disposed: calls still running on it (in
    /// other runspaces) finish on it, and it is released when the last one ends.
    /// </summary>
    protected override void EndProcessing()
    {
        var target = BaseUri ?? DataCenter.ToString();
        ForInput(target, () =>
        {
            try
            {
                var settings = BuildSettings();
                var session = Await(ct => PhraseTmsSession.ConnectAsync(settings, baseUri => new()
                {
                    BaseUri = baseUri,
                    // The session outlives this cmdlet: its lines go to whichever cmdlet makes the call.
                    Log = CmdletLog.Instance,
                    MaxRetries = MaxRetries,
                    MaxRetryWait = TimeSpan.FromSeconds(MaxRetryWaitSec),
                    RequestTimeout = TimeSpan.FromSeconds(RequestTimeoutSec),
                    PrefetchPages = PrefetchPages,
                }, ct));
                SessionStore.Replace(session);
                if (PassThru) WriteObject(session);
            }
            catch (PhraseTmsException ex)
            {
                // A connect that fails stops the cmdlet (and leaves the previous session as it was).
                ThrowClientError(ex, target);
            }
        });
    }

    private ConnectionSettings BuildSettings()
    {
        var dataCenterGiven = MyInvocation.BoundParameters.ContainsKey(nameof(DataCenter));
        switch (ParameterSetName)
        {
            case CredentialSet:
                return new ConnectionSettings
                {
                    UserName = Credential.UserName,
                    Password = Credential.Password,
                    TwoFactorCode = TwoFactorCode is null ? null : Secret.ToSecureString(TwoFactorCode),
                    OrganizationUserUid = OrganizationUid,
                    DataCenter = DataCenter,
                    BaseUri = BaseUri,
                    Source = "-Credential",
                };
            case TokenSet:
                return new ConnectionSettings { Token = Token, TokenType = TokenType, DataCenter = DataCenter, BaseUri = BaseUri, Source = "-Token" };
            case PlatformTokenSet:
                return new ConnectionSettings
                {
                    PlatformToken = PlatformToken,
                    IdentityUri = IdentityUri,
                    DataCenter = DataCenter,
                    BaseUri = BaseUri,
                    Source = "-PlatformToken",
                };
            default:
                return ConnectionSettings.FromEnvironment(Environment.GetEnvironmentVariable, dataCenterGiven ? DataCenter : null, BaseUri)
                    ?? throw ConnectionSettings.NoCredentials();
        }
    }
}
