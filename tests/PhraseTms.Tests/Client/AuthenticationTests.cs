using PhraseTms.Client.Auth;
using PhraseTms.Client.Connection;
using PhraseTms.Client.Connectors;
using PhraseTms.Client.Errors;
using PhraseTms.Client.Paging;
using PhraseTms.Emulator;
using PhraseTms.Tests.Support;

namespace PhraseTms.Tests.Client;

/// <summary>Each test starts its own emulator: they count logins and expire tokens.</summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private PhraseTmsEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await PhraseTmsEmulator.StartAsync(new EmulatorOptions());

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private static Task<List<ConnectorAsyncTask>> ListAsync(PhraseTms.Client.PhraseTmsClient client, int first = 10) =>
        client.Connectors.GetConnectorAsyncTasks(new ConnectorAsyncTaskQuery { ProjectUid = SeedIds.DemoProject },
            new PagingOptions { PageSize = 1000, First = first }).ToListAsync();

    private IReadOnlyList<RecordedRequest> Logins => _emulator.Requests.All.Where(r => r.Path.EndsWith("/auth/login")).ToList();

    [Theory]
    [InlineData(TokenType.ApiToken, "ApiToken ")]
    [InlineData(TokenType.Bearer, "Bearer ")]
    public async Task A_given_token_is_sent_with_its_scheme(TokenType type, string prefix)
    {
        using var client = Clients.WithToken(_emulator, type: type);
        Assert.Equal(10, (await ListAsync(client)).Count);
        var request = _emulator.Requests.All.Last();
        Assert.Equal(prefix + PhraseTmsEmulator.DemoApiToken, request.AuthorizationHeader);
        Assert.DoesNotContain("token", request.Query, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_login_token_is_reused_for_every_call_until_it_expires()
    {
        using var client = Clients.WithLogin(_emulator);
        for (var i = 0; i < 5; i++) await ListAsync(client);
        var login = Assert.Single(Logins);
        Assert.Equal("/api2/v1/auth/login", login.Path);
        Assert.Contains("\"userName\":\"demo\"", login.Body);
        var api = _emulator.Requests.All.Where(r => r.Path.EndsWith("/connectorAsyncTasks")).ToList();
        Assert.Equal(5, api.Count);
        Assert.All(api, r => Assert.StartsWith("ApiToken ", r.AuthorizationHeader));
        Assert.Single(api.Select(r => r.AuthorizationHeader).Distinct());
    }

    [Fact]
    public async Task A_401_with_credentials_held_logs_in_again_once_and_repeats_the_call()
    {
        var log = new RecordingLog();
        using var client = Clients.WithLogin(_emulator, log);
        await ListAsync(client);
        _emulator.ExpireAllTokens();
        Assert.Equal(10, (await ListAsync(client)).Count);
        Assert.Equal(2, Logins.Count);
        var statuses = _emulator.Requests.All.Where(r => r.Path.EndsWith("/connectorAsyncTasks")).Select(r => r.StatusCode);
        Assert.Equal([200, 401, 200], statuses);
        Assert.Contains(log.Lines, l => l.Contains("logging in again"));
    }

    [Fact]
    public async Task A_token_near_its_expiry_is_renewed_before_the_call()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var auth = new LoginAuthenticator(PhraseTmsEmulator.DemoUserName, Clients.Secure(PhraseTmsEmulator.DemoPassword), time: clock);
        using var client = new PhraseTms.Client.PhraseTmsClient(new() { BaseUri = _emulator.BaseUri }, auth);
        await ListAsync(client);
        Assert.NotNull(auth.ExpiresAt);
        clock.Now = auth.ExpiresAt!.Value.AddMinutes(-1);
        await ListAsync(client);
        Assert.Equal(2, auth.LoginCount);
        Assert.DoesNotContain(_emulator.Requests.All, r => r.StatusCode == 401);
    }

    [Fact]
    public async Task Login_v3_chooses_the_organization_account()
    {
        using var session = await PhraseTmsSession.ConnectAsync(new ConnectionSettings
        {
            UserName = "multiorg",
            Password = Clients.Secure("multiorg-password"),
            OrganizationUserUid = "orgUserB2",
            BaseUri = _emulator.BaseUri.ToString(),
        }, null, default);
        await ListAsync(session.GetClient());
        var login = Assert.Single(Logins);
        Assert.Equal("/api2/v3/auth/login", login.Path);
        Assert.Contains("\"userUid\":\"orgUserB2\"", login.Body);
        Assert.Equal("orgUserB2", session.UserUid);
        Assert.Equal("orgUserB2", session.OrganizationUid);
    }

    [Fact]
    public async Task Two_factor_login_sends_the_code_and_fails_clearly_without_it()
    {
        using (var client = Clients.WithLogin(_emulator, user: "mfa", password: "mfa-password", code: "123456"))
            Assert.Equal(10, (await ListAsync(client)).Count);

        using var without = Clients.WithLogin(_emulator, user: "mfa", password: "mfa-password");
        var ex = await Assert.ThrowsAsync<PhraseTmsApiException>(() => ListAsync(without));
        Assert.Equal(PhraseErrorKind.Authentication, ex.Kind);
        Assert.Equal("AuthInvalidCredentials", ex.ErrorId);
    }

    [Fact]
    public async Task A_wrong_password_is_an_authentication_error_that_never_shows_the_password()
    {
        const string password = "not-the-password-42";
        var log = new RecordingLog();
        using var client = Clients.WithLogin(_emulator, log, password: password);
        var ex = await Assert.ThrowsAsync<PhraseTmsApiException>(() => ListAsync(client));
        Assert.Equal(PhraseErrorKind.Authentication, ex.Kind);
        Assert.Equal("AuthInvalidCredentials", ex.ErrorId);
        Assert.Equal(401, ex.StatusCode);
        Assert.DoesNotContain(password, ex.ToString());
        Assert.DoesNotContain(password, log.All);
        Assert.Single(Logins);
    }

    [Fact]
    public async Task A_bad_token_is_refused_once_without_a_retry_loop()
    {
        using var client = Clients.WithToken(_emulator, token: "wrong-token");
        var ex = await Assert.ThrowsAsync<PhraseTmsApiException>(() => ListAsync(client));
        Assert.Equal(PhraseErrorKind.Authentication, ex.Kind);
        Assert.Equal("AuthUnauthorized", ex.ErrorId);
        Assert.Single(_emulator.Requests.All);
        Assert.DoesNotContain("wrong-token", ex.ToString());
    }

    [Fact]
    public async Task Connect_with_a_token_checks_it_and_a_failed_connect_keeps_nothing()
    {
        var log = new RecordingLog();
        using var session = await PhraseTmsSession.ConnectAsync(new ConnectionSettings
        {
            Token = Clients.Secure(PhraseTmsEmulator.DemoApiToken),
            BaseUri = _emulator.BaseUri.ToString(),
        }, Clients.Options(log), default);
        Assert.Equal(PhraseTmsEmulator.DemoUserName, session.UserName);
        Assert.Equal(AuthenticationMode.ApiToken, session.AuthenticationMode);
        Assert.DoesNotContain(PhraseTmsEmulator.DemoApiToken, session.ToString());
        Assert.DoesNotContain(PhraseTmsEmulator.DemoApiToken, log.All);

        await Assert.ThrowsAsync<PhraseTmsApiException>(() => PhraseTmsSession.ConnectAsync(new ConnectionSettings
        {
            Token = Clients.Secure("bad"),
            BaseUri = _emulator.BaseUri.ToString(),
        }, Clients.Options(log), default));
    }

    [Fact]
    public async Task Connect_with_credentials_logs_in_and_reports_the_expiry()
    {
        using var session = await PhraseTmsSession.ConnectAsync(new ConnectionSettings
        {
            UserName = PhraseTmsEmulator.DemoUserName,
            Password = Clients.Secure(PhraseTmsEmulator.DemoPassword),
            BaseUri = _emulator.BaseUri.ToString(),
        }, Clients.Options(new RecordingLog()), default);
        Assert.Equal(AuthenticationMode.Login, session.AuthenticationMode);
        Assert.NotNull(session.TokenExpires);
        Assert.True(session.TokenExpires > DateTimeOffset.UtcNow.AddHours(23));
        Assert.Single(Logins);
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
