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
