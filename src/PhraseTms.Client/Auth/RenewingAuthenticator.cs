using PhraseTms.Client.Errors;
using PhraseTms.Client.Http;

namespace PhraseTms.Client.Auth;

/// <summary>A token just obtained by a <see cref="RenewingAuthenticator"/>, and when it stops working.</summary>
internal readonly record struct IssuedToken(AuthHeader Header, DateTimeOffset Expires);

/// <summary>
/// The one renewal rule of authenticators that obtain their own short-lived token (login, Phrase Platform token
/// exchange): the token is cached and obtained again shortly before it expires (<see cref="RenewBefore"/>, at most a
/// tenth of its lifetime), and once when a call answers 401 with it. Concurrent calls share one renewal: one gate, and
/// a call that was refused with a token another call has already replaced does not renew again.
/// </summary>
public abstract class RenewingAuthenticator : PhraseAuthenticator
{
    /// <summary>A token is renewed this long before its expiry (at most a tenth of its lifetime), so that no call races the deadline.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private AuthHeader? _current;
    private DateTimeOffset? _expires;
    private DateTimeOffset? _renewAt;

    private protected RenewingAuthenticator(TimeProvider? time) => Time = time ?? TimeProvider.System;

    /// <summary>The clock expiry is measured with (tests replace it).</summary>
    protected TimeProvider Time { get; }

    public override DateTimeOffset? ExpiresAt => _expires;

    /// <summary>How many tokens this authenticator has obtained (logins, exchanges).</summary>
    public int RenewalCount { get; private set; }

    internal override bool CanRenew => true;

    /// <summary>What is renewed, for the verbose log: "the login token of 'demo'", "the Phrase Platform access token".</summary>
    private protected abstract string RenewedThing { get; }

    /// <summary>How it is renewed, for the verbose log: "logging in again", "exchanging the Phrase Platform token again".</summary>
    private protected abstract string RenewingText { get; }

    /// <summary>Obtains a new token now (a login, a token exchange), through the pipeline.</summary>
    private protected abstract Task<IssuedToken> AcquireAsync(ApiPipeline pipeline, CancellationToken ct);

    internal override async ValueTask<AuthHeader> GetHeaderAsync(ApiPipeline pipeline, CancellationToken ct)
    {
        var current = _current;
        if (current is not null && !IsNearExpiry()) return current.Value;
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_current is null || IsNearExpiry())
            {
                if (_current is null)
                {
                    await RenewNowAsync(pipeline, ct).ConfigureAwait(false);
                }
                else
                {
                    pipeline.Log.Verbose($"{Capitalized(RenewedThing)} expires at {_expires:u}; {RenewingText}.");
                    try
                    {
                        await RenewNowAsync(pipeline, ct).ConfigureAwait(false);
                    }
                    catch (PhraseTmsException ex) when (IsTransient(ex) && Time.GetUtcNow() < _expires)
                    {
                        // Renewing early failed on the way (not a refusal): the token still works, so use it; the next
                        // call tries again, and a 401 renews once more.
                        pipeline.Log.Verbose($"Renewing {RenewedThing} failed ({ex.ErrorId}); it is still valid until {_expires:u}, so it is used meanwhile.");
                    }
                }
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
            // Another call may have renewed it already: only renew if the rejected token is still the current one.
            if (_current is null || ReferenceEquals(_current.Value.Token, rejected.Token))
            {
                pipeline.Log.Verbose($"The server refused {RenewedThing} (401); {RenewingText} once.");
                await RenewNowAsync(pipeline, ct).ConfigureAwait(false);
            }
        }
        finally { _gate.Release(); }
    }

    internal override Task ConnectAsync(ApiPipeline pipeline, CancellationToken ct) => RenewNowAsync(pipeline, ct);

    /// <summary>Obtains a token now and makes it current (callers hold the gate, or run before any call: connect).</summary>
    private protected async Task RenewNowAsync(ApiPipeline pipeline, CancellationToken ct)
    {
        var issued = await AcquireAsync(pipeline, ct).ConfigureAwait(false);
        var now = Time.GetUtcNow();
        // Renew a little before expiry: 5 minutes, or a tenth of a short lifetime.
        var margin = TimeSpan.FromTicks(Math.Min(RenewBefore.Ticks, Math.Max(0, (issued.Expires - now).Ticks / 10)));
        _current = issued.Header;
        _expires = issued.Expires;
        _renewAt = issued.Expires - margin;
        RenewalCount++;
    }

    private bool IsNearExpiry() => _renewAt is { } r && Time.GetUtcNow() >= r;

    private static bool IsTransient(PhraseTmsException ex) =>
        ex.Kind is PhraseErrorKind.Connection or PhraseErrorKind.Timeout or PhraseErrorKind.LimitsExceeded
        || ex is PhraseTmsApiException { StatusCode: >= 500 };

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

    public override void Dispose()
    {
        _current?.Token.Dispose();
        _gate.Dispose();
    }
}
