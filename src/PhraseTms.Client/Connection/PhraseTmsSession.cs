using PhraseTms.Client.Auth;
using PhraseTms.Client.Errors;
using PhraseTms.Client.Http;

namespace PhraseTms.Client.Connection;

/// <summary>
/// A connection to Phrase TMS: where, as whom, and how. It holds the client; it never shows a token or password
/// (no property carries one, and <see cref="ToString"/> names only the user and the server).
/// </summary>
public sealed class PhraseTmsSession : IDisposable
{
    private PhraseTmsSession(PhraseTmsClient client, DataCenter? dataCenter)
    {
        Client = client;
        DataCenter = dataCenter;
        ConnectedAt = DateTimeOffset.Now;
    }

    /// <summary>The API's base URI.</summary>
    public Uri BaseUri => Client.Pipeline.BaseUri;

    /// <summary>The data center, when the base URI is one of Phrase's.</summary>
    public DataCenter? DataCenter { get; }

    public AuthenticationMode AuthenticationMode => Client.Pipeline.Authenticator.Mode;

    public string? UserName => Client.Pipeline.Authenticator.User?.UserName
        ?? (Client.Pipeline.Authenticator as LoginAuthenticator)?.UserName;

    public string? UserUid => Client.Pipeline.Authenticator.User?.Uid;

    /// <summary>The organization user UID chosen at login (v3), if any.</summary>
    public string? OrganizationUid => (Client.Pipeline.Authenticator as LoginAuthenticator)?.OrganizationUserUid;

    /// <summary>When the current login token expires (login sessions renew it by themselves).</summary>
    public DateTimeOffset? TokenExpires => Client.Pipeline.Authenticator.ExpiresAt;

    public DateTimeOffset ConnectedAt { get; }

    /// <summary>The client (not shown by formatting; used by the cmdlets).</summary>
    internal PhraseTmsClient Client { get; }

    /// <summary>Gives the module the client of this session.</summary>
    public PhraseTmsClient GetClient() => Client;

    /// <summary>
    /// Connects: builds the client, then logs in (credentials) or checks the token with whoAmI. On any failure
    /// nothing is kept: the client is disposed and the exception propagates.
    /// </summary>
    public static async Task<PhraseTmsSession> ConnectAsync(ConnectionSettings settings, IClientLog log, CancellationToken ct,
        Func<PhraseTmsClientOptions, PhraseTmsClientOptions>? configure = null)
    {
        var baseUri = settings.ResolveBaseUri();
        var auth = settings.CreateAuthenticator();
        var options = new PhraseTmsClientOptions { BaseUri = baseUri, Log = log };
        if (configure is not null) options = configure(options);
        var client = new PhraseTmsClient(options, auth);
        try
        {
            log.Verbose($"Connecting to {baseUri} ({auth.Mode}, settings from {settings.Source}).");
            switch (auth)
            {
                case LoginAuthenticator login:
                    await login.LoginAsync(client.Pipeline, ct).ConfigureAwait(false);
                    break;
                case TokenAuthenticator token:
                    var who = await client.Pipeline.SendAsync<WhoAmIResponse>(new ApiCall(HttpMethod.Get, "api2/v1/auth/whoAmI"), ct).ConfigureAwait(false);
                    token.SetUser(who.User);
                    break;
            }
            var dataCenter = baseUri == Endpoint.Eu ? Connection.DataCenter.EU : baseUri == Endpoint.Us ? Connection.DataCenter.US : (DataCenter?)null;
            var session = new PhraseTmsSession(client, dataCenter);
            log.Verbose($"Connected to {baseUri} as '{session.UserName ?? "(unknown user)"}'.");
            return session;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public void Dispose() => Client.Dispose();

    /// <inheritdoc />
    public override string ToString() => $"{UserName ?? "(unknown user)"} @ {BaseUri} ({AuthenticationMode})";
}
