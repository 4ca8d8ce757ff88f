using PhraseTms.Client.AsyncRequests;
using PhraseTms.Client.Http;

namespace PhraseTms.Client.Auth;

/// <summary>Supplies the Authorization header of every call, and renews it when the server says 401.</summary>
public abstract class PhraseAuthenticator : IDisposable
{
    public abstract AuthenticationMode Mode { get; }

    /// <summary>When the token stops working, when known.</summary>
    public virtual DateTimeOffset? ExpiresAt => null;

    /// <summary>The user the token belongs to, once known.</summary>
    public UserReference? User { get; protected set; }

    /// <summary>Checks the credentials when a session connects: logs in, or asks whoAmI who the token belongs to.</summary>
    internal abstract Task ConnectAsync(ApiPipeline pipeline, CancellationToken ct);

    internal abstract ValueTask<AuthHeader> GetHeaderAsync(ApiPipeline pipeline, CancellationToken ct);

    /// <summary>True when a 401 can be answered by logging in again (credentials are held).</summary>
    internal virtual bool CanRenew => false;

    /// <summary>Gets a new token after <paramref name="rejected"/> drew a 401 (once per rejected token).</summary>
    internal virtual Task RenewAsync(ApiPipeline pipeline, AuthHeader rejected, CancellationToken ct) =>
        throw new NotSupportedException();

    public virtual void Dispose() { }
}
