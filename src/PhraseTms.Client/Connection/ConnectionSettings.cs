using System.Security;
using PhraseTms.Client.Auth;
using PhraseTms.Client.Errors;

namespace PhraseTms.Client.Connection;

/// <summary>Everything Connect-PhraseTms needs: where, and how to authenticate (credentials or a token).</summary>
public sealed class ConnectionSettings
{
    /// <summary>Environment variable names read when no credential or token is given (scheduled tasks).</summary>
    public static class EnvironmentVariables
    {
        public const string Token = "PHRASETMS_TOKEN";
        public const string TokenType = "PHRASETMS_TOKEN_TYPE";
        public const string PlatformToken = "PHRASETMS_PLATFORM_TOKEN";
        public const string IdentityUri = "PHRASETMS_IDENTITY_URI";
        public const string UserName = "PHRASETMS_USERNAME";
        public const string Password = "PHRASETMS_PASSWORD";
        public const string BaseUri = "PHRASETMS_BASE_URI";
        public const string DataCenter = "PHRASETMS_DATACENTER";
    }

    public DataCenter DataCenter { get; init; } = DataCenter.EU;
    public string? BaseUri { get; init; }
    public string? UserName { get; init; }
    public SecureString? Password { get; init; }
    public SecureString? TwoFactorCode { get; init; }
    public string? OrganizationUserUid { get; init; }
    public SecureString? Token { get; init; }
    public TokenType TokenType { get; init; } = TokenType.ApiToken;

    /// <summary>A Phrase Platform API token, exchanged at the identity service for short-lived access tokens.</summary>
    public SecureString? PlatformToken { get; init; }

    /// <summary>The identity service's token endpoint (with a platform token); null: derived from the base URI.</summary>
    public string? IdentityUri { get; init; }

    /// <summary>Where the settings came from ("Credential", "Token", "Environment"), for -Verbose.</summary>
    public string Source { get; init; } = "Parameters";

    /// <summary>The base URI to use: -BaseUri if given, else the data center's.</summary>
    public Uri ResolveBaseUri() => BaseUri is null ? Endpoint.For(DataCenter) : Endpoint.Validate(BaseUri);

    /// <summary>Builds the authenticator these settings describe (for the base URI they resolve to).</summary>
    public PhraseAuthenticator CreateAuthenticator() => CreateAuthenticator(ResolveBaseUri());

    /// <summary>
    /// Builds the authenticator these settings describe. Every value is checked here, before any request: a platform
    /// token's identity service is resolved against <paramref name="baseUri"/> (<see cref="Endpoint.ResolveIdentity"/>).
    /// </summary>
    public PhraseAuthenticator CreateAuthenticator(Uri baseUri)
    {
        if (Token is not null) return new TokenAuthenticator(Token, TokenType);
        if (PlatformToken is not null)
            return new PlatformTokenAuthenticator(PlatformToken, Endpoint.ResolveIdentity(baseUri, IdentityUri));
        if (UserName is not null && Password is not null)
            return new LoginAuthenticator(UserName, Password, TwoFactorCode, OrganizationUserUid);
        throw NoCredentials();
    }

    /// <summary>The error of a connect without any credentials (no parameter, no environment variable).</summary>
    public static PhraseTmsException NoCredentials() => new(PhraseErrorKind.Authentication, "NoCredentials",
        $"No credentials: give -Credential, -Token or -PlatformToken, or set {EnvironmentVariables.Token}, {EnvironmentVariables.PlatformToken}, " +
        $"or {EnvironmentVariables.UserName} and {EnvironmentVariables.Password}.")
    {
        RecommendedAction = "Connect-PhraseTms -Credential (Get-Credential), or -PlatformToken (Get-Secret PhrasePlatform).",
    };

    /// <summary>
    /// Reads settings from environment variables, first match wins: <c>PHRASETMS_TOKEN</c> (+ <c>PHRASETMS_TOKEN_TYPE</c>),
    /// else <c>PHRASETMS_PLATFORM_TOKEN</c> (+ <c>PHRASETMS_IDENTITY_URI</c>), else <c>PHRASETMS_USERNAME</c> +
    /// <c>PHRASETMS_PASSWORD</c>; plus <c>PHRASETMS_BASE_URI</c> / <c>PHRASETMS_DATACENTER</c> when the caller gave
    /// none. Variables of a lower rank are ignored when a higher one is set. Returns null when none is set.
    /// </summary>
    public static ConnectionSettings? FromEnvironment(Func<string, string?> getVariable, DataCenter? dataCenter = null, string? baseUri = null)
    {
        var token = getVariable(EnvironmentVariables.Token);
        var user = getVariable(EnvironmentVariables.UserName);
        var password = getVariable(EnvironmentVariables.Password);
        var dc = dataCenter ?? ParseDataCenter(getVariable(EnvironmentVariables.DataCenter));
        var uri = baseUri ?? NullIfEmpty(getVariable(EnvironmentVariables.BaseUri));

        if (!string.IsNullOrEmpty(token))
        {
            var typeText = getVariable(EnvironmentVariables.TokenType);
            var type = TokenType.ApiToken;
            if (!string.IsNullOrEmpty(typeText) && !Enum.TryParse(typeText, true, out type))
                throw new PhraseTmsValidationException("InvalidTokenType", EnvironmentVariables.TokenType, typeText,
                    $"{EnvironmentVariables.TokenType} '{typeText}' must be ApiToken or Bearer.");
            return new ConnectionSettings { Token = Secret.ToSecureString(token), TokenType = type, DataCenter = dc, BaseUri = uri, Source = $"Environment ({EnvironmentVariables.Token})" };
        }
        var platformToken = getVariable(EnvironmentVariables.PlatformToken);
        if (!string.IsNullOrEmpty(platformToken))
        {
            return new ConnectionSettings
            {
                PlatformToken = Secret.ToSecureString(platformToken),
                IdentityUri = NullIfEmpty(getVariable(EnvironmentVariables.IdentityUri)),
                DataCenter = dc,
                BaseUri = uri,
                Source = $"Environment ({EnvironmentVariables.PlatformToken})",
            };
        }
        if (!string.IsNullOrEmpty(user))
        {
            if (string.IsNullOrEmpty(password))
                throw new PhraseTmsValidationException("MissingPassword", EnvironmentVariables.Password, null,
                    $"{EnvironmentVariables.UserName} is set but {EnvironmentVariables.Password} is not.");
            return new ConnectionSettings { UserName = user, Password = Secret.ToSecureString(password), DataCenter = dc, BaseUri = uri, Source = $"Environment ({EnvironmentVariables.UserName})" };
        }
        return null;
    }

    private static DataCenter ParseDataCenter(string? text)
    {
        if (string.IsNullOrEmpty(text)) return DataCenter.EU;
        return Enum.TryParse<DataCenter>(text, true, out var dc) && Enum.IsDefined(dc)
            ? dc
            : throw new PhraseTmsValidationException("InvalidDataCenter", EnvironmentVariables.DataCenter, text,
                $"{EnvironmentVariables.DataCenter} '{text}' must be EU or US.");
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
