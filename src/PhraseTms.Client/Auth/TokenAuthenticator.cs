using System.Security;
using PhraseTms.Client.Http;

namespace PhraseTms.Client.Auth;

/// <summary>A token the user already has (API token from /auth/login, or an OAuth / Platform bearer token).</summary>
public sealed class TokenAuthenticator : PhraseAuthenticator
{
    private readonly AuthHeader _header;

    public TokenAuthenticator(SecureString token, TokenType type)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Length == 0)
            throw new Errors.PhraseTmsValidationException("EmptyToken", "Token", null, "-Token must not be empty.");
        Type = type;
        _header = new AuthHeader(type == TokenType.Bearer ? "Bearer" : "ApiToken", new Secret(token));
    }

    public TokenType Type { get; }

    public override AuthenticationMode Mode => Type == TokenType.Bearer ? AuthenticationMode.Bearer : AuthenticationMode.ApiToken;

    internal override ValueTask<AuthHeader> GetHeaderAsync(ApiPipeline pipeline, CancellationToken ct) => ValueTask.FromResult(_header);

    internal override async Task ConnectAsync(ApiPipeline pipeline, CancellationToken ct) =>
        User = (await pipeline.SendAsync<WhoAmIResponse>(new ApiCall(HttpMethod.Get, "api2/v1/auth/whoAmI"), ct).ConfigureAwait(false)).User;

    public override void Dispose() => _header.Token.Dispose();
}
