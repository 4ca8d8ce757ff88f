namespace PhraseTms.Client.Auth;

/// <summary>How the token in the Authorization header is sent.</summary>
public enum TokenType
{
    /// <summary><c>Authorization: ApiToken &lt;token&gt;</c>: tokens from /auth/login.</summary>
    ApiToken,
    /// <summary><c>Authorization: Bearer &lt;token&gt;</c>: OAuth and Phrase Platform tokens.</summary>
    Bearer,
}

/// <summary>How a session authenticates.</summary>
public enum AuthenticationMode
{
    /// <summary>User name and password: the module logs in and logs in again when the token expires.</summary>
    Login,
    /// <summary>A token given by the user, sent as ApiToken.</summary>
    ApiToken,
    /// <summary>A token given by the user, sent as Bearer.</summary>
    Bearer,
    /// <summary>A Phrase Platform API token, exchanged at the identity service for access tokens the module renews by itself.</summary>
    PlatformToken,
}

/// <summary>The Authorization header value for one request: scheme plus secret, revealed only when applied.</summary>
internal readonly record struct AuthHeader(string Scheme, Secret Token)
{
    public string Reveal() => $"{Scheme} {Token.Reveal()}";
    public override string ToString() => $"{Scheme} ********";
}
