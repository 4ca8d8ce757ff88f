using PhraseTms.Client.Auth;

namespace PhraseTms.Client.Connection;

/// <summary>
/// A connection to Phrase TMS: where, as whom, and how. It owns its client and its authenticator (the secrets), and
/// never shows a token or password (no property carries one; <see cref="ToString"/> names only the user and the server).
/// <para>
/// Calls use the session through a <see cref="Lease"/> (<see cref="TryAcquire"/>): <see cref="Dispose"/> (a reconnect
/// or a disconnect) only stops new leases, and the client and the secrets are released when the last lease ends, so a
/// call that started on a session finishes on it even when another runspace replaces the session meanwhile.
/// </para>
/// </summary>
public sealed class PhraseTmsSession : IDisposable
{
    private readonly PhraseTmsClient _client;
    private readonly PhraseAuthenticator _auth;
    private readonly string? _userName;
    private int _uses = 1; // the holder's own use, until Dispose; then one per lease
    private int _disposed;

    private PhraseTmsSession(PhraseTmsClient client, PhraseAuthenticator auth, ConnectionSettings settings, Uri baseUri)
    {
        _client = client;
        _auth = auth;
        _userName = settings.UserName;
        OrganizationUid = settings.OrganizationUserUid;
        BaseUri = baseUri;
        DataCenter = baseUri == Endpoint.Eu ? Connection.DataCenter.EU : baseUri == Endpoint.Us ? Connection.DataCenter.US : null;
        ConnectedAt = DateTimeOffset.Now;
    }

    /// <summary>The API's base URI.</summary>
    public Uri BaseUri { get; }

    /// <summary>The data center, when the base URI is one of Phrase's.</summary>
    public DataCenter? DataCenter { get; }

    public AuthenticationMode AuthenticationMode => _auth.Mode;

    public string? UserName => _auth.User?.UserName ?? _userName;

    public string? UserUid => _auth.User?.Uid;

    /// <summary>The organization user UID chosen at login (v3), if any.</summary>
    public string? OrganizationUid { get; }

    /// <summary>The identity service a Phrase Platform token is exchanged at (null for other modes).</summary>
    public Uri? IdentityUri => (_auth as PlatformTokenAuthenticator)?.IdentityUri;

    /// <summary>When the current token expires (login and platform-token sessions renew it by themselves).</summary>
    public DateTimeOffset? TokenExpires => _auth.ExpiresAt;

    public DateTimeOffset ConnectedAt { get; }

    /// <summary>False once disposed (disconnected or replaced): no new call can start on it.</summary>
    public bool IsOpen => Volatile.Read(ref _disposed) == 0;

    /// <summary>The client, for code that holds the session itself (tests, tools). Cmdlets take a <see cref="Lease"/>.</summary>
    public PhraseTmsClient GetClient() => _client;

    /// <summary>A use of the session by one call; null once the session has been disposed.</summary>
    public Lease? TryAcquire()
    {
        while (true)
        {
            var uses = Volatile.Read(ref _uses);
            if (uses == 0 || !IsOpen) return null;
            if (Interlocked.CompareExchange(ref _uses, uses + 1, uses) == uses)
            {
                if (IsOpen) return new Lease(this);
                Release(); // disposed meanwhile: no new call
                return null;
            }
        }
    }

    private void Release()
    {
        if (Interlocked.Decrement(ref _uses) != 0) return;
        _client.Dispose();
        _auth.Dispose();
    }

    /// <summary>
    /// Connects: builds the client, then has the authenticator check the credentials (login) or the token (whoAmI).
    /// On any failure nothing is kept: the client is disposed and the exception propagates.
    /// </summary>
    /// <param name="settings">Where and how to authenticate.</param>
    /// <param name="options">The client's options for the base URI the settings resolve to (null: the defaults).</param>
    /// <param name="ct">Cancels the connect.</param>
    public static async Task<PhraseTmsSession> ConnectAsync(ConnectionSettings settings, Func<Uri, PhraseTmsClientOptions>? options, CancellationToken ct)
    {
        var baseUri = settings.ResolveBaseUri();
        var auth = settings.CreateAuthenticator(baseUri);
        var client = new PhraseTmsClient(options?.Invoke(baseUri) ?? new PhraseTmsClientOptions { BaseUri = baseUri }, auth);
        try
        {
            client.Log.Verbose($"Connecting to {baseUri} ({auth.Mode}, settings from {settings.Source}).");
            await auth.ConnectAsync(client.Pipeline, ct).ConfigureAwait(false);
            var session = new PhraseTmsSession(client, auth, settings, baseUri);
            client.Log.Verbose($"Connected to {baseUri} as '{session.UserName ?? "(unknown user)"}'.");
            return session;
        }
        catch
        {
            client.Dispose();
            auth.Dispose();
            throw;
        }
    }

    /// <summary>Ends the session for new calls; the client and the secrets go once the calls running on it have ended.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0) Release();
    }

    /// <inheritdoc />
    public override string ToString() => $"{UserName ?? "(unknown user)"} @ {BaseUri} ({AuthenticationMode})";

    /// <summary>One call's use of a session: the client stays usable until the lease is disposed.</summary>
    public sealed class Lease : IDisposable
    {
        private PhraseTmsSession? _session;

        internal Lease(PhraseTmsSession session) => _session = session;

        /// <summary>The session's client.</summary>
        public PhraseTmsClient Client => (_session ?? throw new ObjectDisposedException(nameof(Lease)))._client;

        public PhraseTmsSession Session => _session ?? throw new ObjectDisposedException(nameof(Lease));

        public void Dispose() => Interlocked.Exchange(ref _session, null)?.Release();
    }
}
