using PhraseTms.Client.Auth;
using PhraseTms.Client.Connection;
using PhraseTms.Client.Errors;

namespace PhraseTms.Tests.Client;

public sealed class ConnectionTests
{
    [Theory]
    [InlineData("https://cloud.memsource.com/web", "https://cloud.memsource.com/web/")]
    [InlineData("https://proxy.example.com/phrase/web/", "https://proxy.example.com/phrase/web/")]
    [InlineData("http://127.0.0.1:5000/web", "http://127.0.0.1:5000/web/")]
    [InlineData("http://localhost:8080/web", "http://localhost:8080/web/")]
    [InlineData("http://[::1]:8080/web", "http://[::1]:8080/web/")]
    public void Https_and_loopback_http_base_uris_are_accepted(string given, string expected) =>
        Assert.Equal(expected, Endpoint.Validate(given).AbsoluteUri);

    [Theory]
    [InlineData("http://cloud.memsource.com/web", "InsecureBaseUri")]
    [InlineData("http://10.0.0.5/web", "InsecureBaseUri")]
    [InlineData("ftp://cloud.memsource.com/web", "InvalidBaseUri")]
    [InlineData("cloud.memsource.com/web", "InvalidBaseUri")]
    [InlineData("https://user:secret@cloud.memsource.com/web", "InvalidBaseUri")]
    [InlineData("https://cloud.memsource.com/web?token=abc", "InvalidBaseUri")]
    public void Other_base_uris_are_refused_with_a_stable_id(string given, string errorId)
    {
        var ex = Assert.Throws<PhraseTmsValidationException>(() => Endpoint.Validate(given));
        Assert.Equal(errorId, ex.ErrorId);
        Assert.Equal("BaseUri", ex.ParameterName);
        Assert.DoesNotContain("secret", ex.Message);
        Assert.DoesNotContain("token=abc", ex.Message);
    }

    [Fact]
    public void Data_centers_have_their_documented_base_uris()
    {
        Assert.Equal("https://cloud.memsource.com/web/", Endpoint.For(DataCenter.EU).AbsoluteUri);
        Assert.Equal("https://us.cloud.memsource.com/web/", Endpoint.For(DataCenter.US).AbsoluteUri);
        Assert.Equal(Endpoint.Us, new ConnectionSettings { DataCenter = DataCenter.US }.ResolveBaseUri());
    }

    private static Func<string, string?> Env(params (string Name, string Value)[] vars) =>
        name => vars.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void The_environment_gives_a_token_first()
    {
        var s = ConnectionSettings.FromEnvironment(Env(("PHRASETMS_TOKEN", "t0k"), ("PHRASETMS_TOKEN_TYPE", "bearer"),
            ("PHRASETMS_USERNAME", "u"), ("PHRASETMS_PASSWORD", "p"), ("PHRASETMS_DATACENTER", "us")))!;
        Assert.NotNull(s.Token);
        Assert.Equal(3, s.Token!.Length);
        Assert.Equal(TokenType.Bearer, s.TokenType);
        Assert.Equal(DataCenter.US, s.DataCenter);
        Assert.Null(s.UserName);
        Assert.IsType<TokenAuthenticator>(s.CreateAuthenticator());
    }

    [Fact]
    public void The_environment_ranks_token_then_platform_token_then_user_and_password()
    {
        var all = Env(("PHRASETMS_TOKEN", "t0k"), ("PHRASETMS_PLATFORM_TOKEN", "platform-1"), ("PHRASETMS_USERNAME", "u"), ("PHRASETMS_PASSWORD", "p"));
        var first = ConnectionSettings.FromEnvironment(all)!;
        Assert.NotNull(first.Token);
        Assert.Null(first.PlatformToken);
        Assert.Equal("Environment (PHRASETMS_TOKEN)", first.Source);

        var second = ConnectionSettings.FromEnvironment(Env(("PHRASETMS_PLATFORM_TOKEN", "platform-1"), ("PHRASETMS_USERNAME", "u"),
            ("PHRASETMS_PASSWORD", "p"), ("PHRASETMS_DATACENTER", "US")))!;
        Assert.Null(second.Token);
        Assert.Equal(10, second.PlatformToken!.Length);
        Assert.Null(second.UserName);
        Assert.Equal("Environment (PHRASETMS_PLATFORM_TOKEN)", second.Source);
        var auth = Assert.IsType<PlatformTokenAuthenticator>(second.CreateAuthenticator());
        Assert.Equal(Endpoint.UsIdentity, auth.IdentityUri);
        Assert.Equal(AuthenticationMode.PlatformToken, auth.Mode);

        var third = ConnectionSettings.FromEnvironment(Env(("PHRASETMS_PLATFORM_TOKEN", ""), ("PHRASETMS_USERNAME", "u"), ("PHRASETMS_PASSWORD", "p")))!;
        Assert.Null(third.PlatformToken);
        Assert.Equal("u", third.UserName);
    }

    [Fact]
    public void The_environment_gives_the_identity_uri_with_a_platform_token_only()
    {
        var s = ConnectionSettings.FromEnvironment(Env(("PHRASETMS_PLATFORM_TOKEN", "p"), ("PHRASETMS_IDENTITY_URI", "https://idp.example.test/idm/oauth/token"),
            ("PHRASETMS_BASE_URI", "https://tms.example.test/web")))!;
        Assert.Equal("https://idp.example.test/idm/oauth/token", Assert.IsType<PlatformTokenAuthenticator>(s.CreateAuthenticator()).IdentityUri.AbsoluteUri);
        Assert.Null(ConnectionSettings.FromEnvironment(Env(("PHRASETMS_TOKEN", "t"), ("PHRASETMS_IDENTITY_URI", "https://idp.example.test")))!.IdentityUri);
    }

    [Theory]
    [InlineData(null, null, "https://eu.phrase.com/idm/oauth/token")]
    [InlineData("https://cloud.memsource.com/web", null, "https://eu.phrase.com/idm/oauth/token")]
    [InlineData("https://us.cloud.memsource.com/web/", null, "https://us.phrase.com/idm/oauth/token")]
    [InlineData("http://127.0.0.1:5123/web", null, "http://127.0.0.1:5123/idm/oauth/token")]
    [InlineData("http://localhost:5123/web", null, "http://localhost:5123/idm/oauth/token")]
    [InlineData("https://proxy.example.test/tms/web", "https://proxy.example.test/idp/token", "https://proxy.example.test/idp/token")]
    [InlineData("https://proxy.example.test/tms/web", "https://proxy.example.test", "https://proxy.example.test/idm/oauth/token")]
    [InlineData(null, "http://127.0.0.1:9/idm/oauth/token/", "http://127.0.0.1:9/idm/oauth/token")]
    public void The_identity_service_is_the_data_centers_or_given(string? baseUri, string? identityUri, string expected)
    {
        var s = new ConnectionSettings { PlatformToken = Secret.ToSecureString("p"), BaseUri = baseUri, IdentityUri = identityUri };
        var auth = Assert.IsType<PlatformTokenAuthenticator>(s.CreateAuthenticator(s.ResolveBaseUri()));
        Assert.Equal(expected, auth.IdentityUri.AbsoluteUri);
    }

    [Fact]
    public void The_us_data_center_exchanges_at_the_us_identity_service()
    {
        var s = new ConnectionSettings { PlatformToken = Secret.ToSecureString("p"), DataCenter = DataCenter.US };
        Assert.Equal(Endpoint.UsIdentity, Assert.IsType<PlatformTokenAuthenticator>(s.CreateAuthenticator()).IdentityUri);
    }

    [Theory]
    [InlineData("https://proxy.example.test/web", null, "IdentityUriRequired")]
    [InlineData(null, "http://idp.example.test/idm/oauth/token", "InsecureIdentityUri")]
    [InlineData(null, "not a uri", "InvalidIdentityUri")]
    [InlineData(null, "ftp://idp.example.test/token", "InvalidIdentityUri")]
    [InlineData(null, "https://idp.example.test/token?x=1", "InvalidIdentityUri")]
    public void A_platform_token_without_a_known_safe_identity_service_is_refused(string? baseUri, string? identityUri, string errorId)
    {
        var s = new ConnectionSettings { PlatformToken = Secret.ToSecureString("p"), BaseUri = baseUri, IdentityUri = identityUri };
        var ex = Assert.Throws<PhraseTmsValidationException>(() => s.CreateAuthenticator());
        Assert.Equal(errorId, ex.ErrorId);
        Assert.Equal("IdentityUri", ex.ParameterName);
        Assert.Contains("-IdentityUri", ex.Message);
    }

    [Fact]
    public void The_environment_gives_user_and_password_and_a_base_uri()
    {
        var s = ConnectionSettings.FromEnvironment(Env(("PHRASETMS_USERNAME", "u"), ("PHRASETMS_PASSWORD", "p"),
            ("PHRASETMS_BASE_URI", "http://127.0.0.1:1234/web")))!;
        Assert.Equal("u", s.UserName);
        Assert.Equal("http://127.0.0.1:1234/web/", s.ResolveBaseUri().AbsoluteUri);
        Assert.IsType<LoginAuthenticator>(s.CreateAuthenticator());
    }

    [Fact]
    public void Parameters_win_over_the_environment_for_where_to_connect()
    {
        var s = ConnectionSettings.FromEnvironment(Env(("PHRASETMS_TOKEN", "t"), ("PHRASETMS_DATACENTER", "US")), DataCenter.EU)!;
        Assert.Equal(DataCenter.EU, s.DataCenter);
    }

    [Fact]
    public void An_empty_environment_gives_nothing_and_half_a_login_is_an_error()
    {
        Assert.Null(ConnectionSettings.FromEnvironment(Env()));
        var ex = Assert.Throws<PhraseTmsValidationException>(() => ConnectionSettings.FromEnvironment(Env(("PHRASETMS_USERNAME", "u"))));
        Assert.Equal("MissingPassword", ex.ErrorId);
        var bad = Assert.Throws<PhraseTmsValidationException>(() => ConnectionSettings.FromEnvironment(Env(("PHRASETMS_TOKEN", "t"), ("PHRASETMS_TOKEN_TYPE", "Basic"))));
        Assert.Equal("InvalidTokenType", bad.ErrorId);
    }

    [Fact]
    public void Secrets_never_show_in_text()
    {
        using var secret = Secret.FromPlainText("super-secret-value");
        Assert.Equal("********", secret.ToString());
        Assert.Equal("super-secret-value", secret.Reveal());
        var header = new AuthHeader("ApiToken", secret);
        Assert.DoesNotContain("super-secret", header.ToString());
    }
}
