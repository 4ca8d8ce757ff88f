using System.Security;
using Newtonsoft.Json;
using PhraseTms.Client.Errors;
using PhraseTms.Client.Http;

namespace PhraseTms.Client.Auth;

/// <summary>
/// Signs in as Phrase Platform (single sign-on) accounts do: the Phrase Platform API token is exchanged at the data
/// center's identity service (OAuth 2.0 token exchange, RFC 8693) for a short-lived access token, which is sent to the
/// TMS as <c>Authorization: Bearer</c> and exchanged again shortly before it expires and once on a 401 (the renewal
/// rule of <see cref="RenewingAuthenticator"/>). The platform token itself only ever goes to the identity service, in
/// the form body of the exchange; it never appears in a URL, a log line or an error.
/// <para>
/// The exchange is a POST and follows the pipeline's rule for POSTs: retried after 429, never re-sent after it may
/// have reached the service. A renewal that fails that way while the current token still works is not fatal: the
/// current token is used, and the next call tries again.
/// </para>
/// </summary>
public sealed class PlatformTokenAuthenticator : RenewingAuthenticator
{
    public const string GrantType = "urn:ietf:params:oauth:grant-type:token-exchange";
    public const string SubjectTokenType = "urn:phrase:params:oauth:token-type:api_token";
    public const string RequestedTokenType = "urn:ietf:params:oauth:token-type:access_token";

    /// <summary>The lifetime assumed when the identity service answers without <c>expires_in</c> (a 401 renews anyway).</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(1);

    /// <summary>Refused exchange (400/401/403 from the identity service: invalid_grant, …).</summary>
    public const string RefusedErrorId = "PlatformTokenRefused";

    /// <summary>The identity service could not be reached, or the exchange broke off or timed out.</summary>
    public const string UnreachableErrorId = "IdentityServiceUnreachable";

    /// <summary>The identity service answered something that is not a token (5xx: ConnectionError; 404, a redirect, HTML,
    /// no access_token: InvalidResult).</summary>
    public const string InvalidResponseErrorId = "InvalidTokenExchangeResponse";

    private readonly Secret _platformToken;

    public PlatformTokenAuthenticator(SecureString platformToken, Uri identityUri, TimeProvider? time = null)
        : base(time)
    {
        ArgumentNullException.ThrowIfNull(platformToken);
        ArgumentNullException.ThrowIfNull(identityUri);
        if (platformToken.Length == 0)
            throw new PhraseTmsValidationException("EmptyPlatformToken", "PlatformToken", null, "-PlatformToken must not be empty.");
        if (!identityUri.IsAbsoluteUri)
            throw new PhraseTmsValidationException("InvalidIdentityUri", "IdentityUri", identityUri.OriginalString,
                $"-IdentityUri '{identityUri.OriginalString}' must be absolute.");
        _platformToken = new Secret(platformToken);
        IdentityUri = identityUri;
    }

    /// <summary>The identity service's token endpoint, e.g. https://eu.phrase.com/idm/oauth/token.</summary>
    public Uri IdentityUri { get; }

    public override AuthenticationMode Mode => AuthenticationMode.PlatformToken;

    /// <summary>How many token exchanges this authenticator has made.</summary>
    public int ExchangeCount => RenewalCount;

    private protected override string RenewedThing => "the Phrase Platform access token";

    private protected override string RenewingText => "exchanging the Phrase Platform token again";

    /// <summary>Exchanges the platform token, then asks whoAmI who it belongs to.</summary>
    internal override async Task ConnectAsync(ApiPipeline pipeline, CancellationToken ct)
    {
        await base.ConnectAsync(pipeline, ct).ConfigureAwait(false);
        User = (await pipeline.SendAsync<WhoAmIResponse>(new ApiCall(HttpMethod.Get, "api2/v1/auth/whoAmI"), ct).ConfigureAwait(false)).User;
    }

    private protected override async Task<IssuedToken> AcquireAsync(ApiPipeline pipeline, CancellationToken ct)
    {
        var call = new ApiCall(HttpMethod.Post, IdentityUri).Form(() =>
        [
            new("grant_type", GrantType),
            new("subject_token", _platformToken.Reveal()),
            new("subject_token_type", SubjectTokenType),
            new("requested_token_type", RequestedTokenType),
        ]);
        TokenExchangeResponse? response;
        try
        {
            response = await pipeline.SendAsync<TokenExchangeResponse>(call, ct).ConfigureAwait(false);
        }
        catch (PhraseTmsApiException ex) when (ex.Kind == PhraseErrorKind.InvalidResult && ex.StatusCode is >= 200 and < 300)
        {
            throw InvalidAnswer(call.Info, "a body that is not the JSON of a token", ex);
        }
        catch (PhraseTmsApiException ex)
        {
            throw Explain(ex, call.Info);
        }
        if (string.IsNullOrEmpty(response?.AccessToken))
            throw InvalidAnswer(call.Info, "a body without an access_token", null);
        if (response.TokenType is { } type && !type.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
            throw InvalidAnswer(call.Info, $"a token of type '{type}' (expected Bearer)", null);
        var now = Time.GetUtcNow();
        var expires = response.ExpiresIn is > 0 ? now.AddSeconds(response.ExpiresIn.Value) : now + DefaultLifetime;
        pipeline.Log.Verbose($"Exchanged the Phrase Platform token at {Service}; access token valid until {expires:u}.");
        return new IssuedToken(new AuthHeader("Bearer", Secret.FromPlainText(response.AccessToken)), expires);
    }

    private string Service => IdentityUri.GetLeftPart(UriPartial.Path);

    /// <summary>The exchange's failure as the user should read it: about the identity service, never the TMS.</summary>
    private PhraseTmsException Explain(PhraseTmsApiException ex, RequestInfo request)
    {
        if (ex.StatusCode is 400 or 401 or 403)
        {
            var code = ex.ErrorCode ?? $"Http{ex.StatusCode}";
            var description = Scrub(ex.ErrorDescription);
            return new PhraseTmsApiException(PhraseErrorKind.Authentication, RefusedErrorId,
                $"The identity service {Service} refused the Phrase Platform token ({code}{(description is null ? "" : ": " + description)}).",
                request, ex.StatusCode, code, description)
            {
                RecommendedAction = "Check that the Phrase Platform API token is valid and not revoked (Phrase Platform settings), "
                    + "and that -DataCenter (or -IdentityUri) is the one of its organization.",
            };
        }
        if (ex.Kind is PhraseErrorKind.Connection or PhraseErrorKind.Timeout && ex.StatusCode == 0)
        {
            return new PhraseTmsApiException(PhraseErrorKind.Connection, UnreachableErrorId,
                $"The identity service {Service} could not be reached to exchange the Phrase Platform token: {Inner(ex)} "
                + "Phrase TMS was not contacted.", request, 0, null, null, ex.InnerException)
            {
                RecommendedAction = $"Check the network path to {IdentityUri.Host} (proxy, firewall), or give the right -IdentityUri.",
            };
        }
        if (ex.Kind == PhraseErrorKind.LimitsExceeded)
            return new PhraseTmsApiException(ex.Kind, ex.ErrorId, $"The identity service {Service} throttled the token exchange: {Scrub(ex.Message)}",
                request, ex.StatusCode, ex.ErrorCode, Scrub(ex.ErrorDescription)) { RecommendedAction = ex.RecommendedAction };
        // 5xx: the service is there but not working (ConnectionError); anything else (404, a redirect) is not a token answer.
        return new PhraseTmsApiException(ex.StatusCode >= 500 ? PhraseErrorKind.Connection : PhraseErrorKind.InvalidResult, InvalidResponseErrorId,
            $"The identity service {Service} failed to exchange the Phrase Platform token (HTTP {ex.StatusCode}{(ex.ErrorCode is null ? "" : " " + ex.ErrorCode)}"
            + $"{(Scrub(ex.ErrorDescription) is { } d ? ": " + d : "")}). The exchange creates nothing, but it is not re-sent automatically; try again later.",
            request, ex.StatusCode, ex.ErrorCode, Scrub(ex.ErrorDescription));
    }

    private PhraseTmsException InvalidAnswer(RequestInfo request, string what, Exception? inner) =>
        new(PhraseErrorKind.InvalidResult, InvalidResponseErrorId,
            $"The identity service {Service} answered the token exchange with {what}.", request, inner);

    /// <summary>The pipeline's message minus the request (already named): what went wrong on the way.</summary>
    private static string Inner(PhraseTmsApiException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" may have reached ", StringComparison.Ordinal);
        if (cut > 0) message = message.Substring(0, message.LastIndexOf('.', cut) + 1);
        var prefix = ex.Request?.ToString();
        if (prefix is not null && message.StartsWith(prefix, StringComparison.Ordinal)) message = message.Substring(prefix.Length).TrimStart();
        return message;
    }

    /// <summary>A text from the identity service with the platform token blanked, should it ever echo it.</summary>
    private string? Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        var token = _platformToken.Reveal();
        return text!.Contains(token) ? text.Replace(token, "********") : text;
    }

    public override void Dispose()
    {
        _platformToken.Dispose();
        base.Dispose();
    }

    /// <summary>The identity service's answer (RFC 8693 2.2.1).</summary>
    private sealed class TokenExchangeResponse
    {
        [JsonProperty("access_token")] public string? AccessToken { get; set; }
        [JsonProperty("token_type")] public string? TokenType { get; set; }
        [JsonProperty("expires_in")] public long? ExpiresIn { get; set; }
        [JsonProperty("issued_token_type")] public string? IssuedTokenType { get; set; }
    }
}
