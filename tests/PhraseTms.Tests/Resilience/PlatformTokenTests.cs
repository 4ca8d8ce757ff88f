using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using PhraseTms.Client;
using PhraseTms.Client.Auth;
using PhraseTms.Client.Connection;
using PhraseTms.Client.Connectors;
using PhraseTms.Client.Errors;
using PhraseTms.Client.Paging;
using PhraseTms.Emulator;
using PhraseTms.Tests.Support;

namespace PhraseTms.Tests.Resilience;

/// <summary>
/// Phrase Platform sign-in: the platform token exchanged at the identity service (the emulator's /idm/oauth/token),
/// the access token renewed before it expires and once on a 401 (one exchange per renewal, even with four readers),
/// refusal, an unreachable service, and the POST rule for the exchange.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class PlatformTokenTests(ReliabilityLedger ledger)
{
    private const string TasksPath = "/connectorAsyncTasks";

    private static IReadOnlyList<RecordedRequest> Exchanges(PhraseTmsEmulator e) => e.Requests.Matching("POST", "/idm/oauth/token");

    private static ConnectionSettings Settings(PhraseTmsEmulator e, string token = PhraseTmsEmulator.DemoPlatformToken, string? identityUri = null) =>
        new() { PlatformToken = Clients.Secure(token), BaseUri = e.BaseUri.ToString(), IdentityUri = identityUri };

    private static Task<PhraseTmsSession> ConnectAsync(PhraseTmsEmulator e, RecordingLog log, string token = PhraseTmsEmulator.DemoPlatformToken,
        string? identityUri = null, Func<PhraseTmsClientOptions, PhraseTmsClientOptions>? configure = null) =>
        PhraseTmsSession.ConnectAsync(Settings(e, token, identityUri), baseUri =>
        {
            var options = new PhraseTmsClientOptions { BaseUri = baseUri, Log = log };
            return configure is null ? options : configure(options);
        }, default);

    private static async Task<List<string>> ReadAsync(PhraseTmsClient client, string project, int pageSize, int prefetch = 1) =>
        (await client.Connectors.GetConnectorAsyncTasks(new ConnectorAsyncTaskQuery { ProjectUid = project },
            new PagingOptions { PageSize = pageSize, Prefetch = prefetch }).ToListAsync()).Select(t => t.Id!).ToList();

    private static List<string> Served(PhraseTmsEmulator e, string project)
    {
        var now = e.Data.Now;
        return e.Data.ConnectorTasks[project].Where(t => t.DateCreated >= now.AddHours(-24) && t.DateCreated < now.AddHours(1)).Select(t => t.Id).ToList();
    }

    [Fact]
    public async Task Connect_exchanges_the_platform_token_form_encoded_and_sends_the_access_token_as_bearer()
    {
        await using var e = await PhraseTmsEmulator.StartAsync();
        var log = new RecordingLog();
        using var session = await ConnectAsync(e, log);
        Assert.Equal(10, (await session.GetClient().Connectors.GetConnectorAsyncTasks(new() { ProjectUid = SeedIds.DemoProject },
            new PagingOptions { First = 10 }).ToListAsync()).Count);

        var exchange = Assert.Single(Exchanges(e));
        Assert.Equal(200, exchange.StatusCode);
        Assert.Equal("/idm/oauth/token", exchange.Path);
        Assert.Equal("", exchange.Query);
        Assert.Null(exchange.AuthorizationHeader);
        Assert.StartsWith("application/x-www-form-urlencoded", exchange.ContentType);
        Assert.Contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange", exchange.Body);
        Assert.Contains("subject_token_type=urn%3Aphrase%3Aparams%3Aoauth%3Atoken-type%3Aapi_token", exchange.Body);
        Assert.Contains("requested_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Aaccess_token", exchange.Body);
        Assert.Contains("subject_token=<redacted>", exchange.Body);   // journaled redacted: never in clear
        Assert.DoesNotContain(PhraseTmsEmulator.DemoPlatformToken, exchange.Body);

        var api = e.Requests.All.Where(r => r.Path.StartsWith("/api2/")).ToList();
        Assert.Equal(["/api2/v1/auth/whoAmI", "/api2/v1/connectorAsyncTasks"], api.Select(r => r.Path));
        Assert.All(api, r => Assert.StartsWith("Bearer ", r.AuthorizationHeader));
        var accessToken = api[0].AuthorizationHeader!["Bearer ".Length..];
        Assert.Equal(3, accessToken.Split('.').Length);              // JWT-shaped
        Assert.NotEqual(PhraseTmsEmulator.DemoPlatformToken, accessToken);
        Assert.Single(api.Select(r => r.AuthorizationHeader).Distinct());

        Assert.Equal(AuthenticationMode.PlatformToken, session.AuthenticationMode);
        Assert.Equal(PhraseTmsEmulator.DemoUserName, session.UserName);
        Assert.Equal(e.IdentityUri, session.IdentityUri);
        Assert.InRange(session.TokenExpires!.Value, DateTimeOffset.UtcNow.AddHours(3.9), DateTimeOffset.UtcNow.AddHours(4.1));
        Assert.DoesNotContain(PhraseTmsEmulator.DemoPlatformToken, session.ToString());
        Assert.Contains(log.Lines, l => l.Contains("Exchanged the Phrase Platform token at http://127.0.0.1:") && l.Contains("valid until"));
        Assert.Contains(log.Lines, l => l.Contains("POST http://127.0.0.1:") && l.Contains("/idm/oauth/token → 200"));
        ledger.Scenario("platform token exchanged at connect");
    }

    [Fact]
    public async Task A_long_paged_read_by_four_readers_renews_before_expiry_with_one_exchange_per_renewal()
    {
        var lifetime = TimeSpan.FromSeconds(2);
        await using var e = await PhraseTmsEmulator.StartAsync(new EmulatorOptions { AccessTokenLifetime = lifetime, PageLatency = TimeSpan.FromMilliseconds(100) });
        var log = new RecordingLog();
        using var session = await ConnectAsync(e, log);
        var client = session.GetClient();
        var watch = Stopwatch.StartNew();
        var readers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => ReadAsync(client, SeedIds.PartialProject, 100))));
        watch.Stop();

        var served = Served(e, SeedIds.PartialProject);
        foreach (var ids in readers) Assert.Equal(served, ids);        // nothing lost, nothing doubled, in order
        Assert.True(watch.Elapsed > lifetime * 1.2, $"the read ({watch.Elapsed}) outlived an access token ({lifetime})");

        Assert.DoesNotContain(e.Requests.All, r => r.StatusCode == 401);  // renewed before the expiry, never after
        var exchanges = Exchanges(e);
        Assert.True(exchanges.Count >= 2, $"{exchanges.Count} exchanges");
        Assert.All(exchanges, x => Assert.Equal(200, x.StatusCode));
        // One exchange per renewal: each access token issued was used, and the exchanges are a lifetime apart, not
        // one per reader.
        var tokens = e.Requests.All.Where(r => r.Path.StartsWith("/api2/")).Select(r => r.AuthorizationHeader).Distinct().Count();
        Assert.Equal(exchanges.Count, tokens);
        for (var i = 1; i < exchanges.Count; i++)
        {
            var gap = exchanges[i].Timestamp - exchanges[i - 1].Timestamp;
            Assert.True(gap > lifetime * 0.6, $"exchanges {i - 1} and {i} were {gap.TotalMilliseconds:0} ms apart");
        }
        Assert.True(exchanges.Count <= 2 + (int)(watch.Elapsed / (lifetime * 0.85)), $"{exchanges.Count} exchanges in {watch.Elapsed}");
        Assert.Equal(exchanges.Count, ((PlatformTokenAuthenticator)typeof(PhraseTmsSession)
            .GetField("_auth", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(session)!).ExchangeCount);
        Assert.Contains(log.Lines, l => l.Contains("exchanging the Phrase Platform token again"));
        ledger.Scenario("platform token renewed before expiry during four parallel paged reads");
        ledger.ItemsCompared(readers.Sum(r => r.Count));
    }

    [Fact]
    public async Task A_401_renews_once_and_repeats_the_call_and_concurrent_401s_share_the_renewal()
    {
        await using var e = await PhraseTmsEmulator.StartAsync();
        var log = new RecordingLog();
        using var session = await ConnectAsync(e, log);
        var client = session.GetClient();
        Assert.Equal(2345, (await ReadAsync(client, SeedIds.PartialProject, 1000)).Count);

        e.ExpireAllTokens();
        Assert.Equal(2345, (await ReadAsync(client, SeedIds.PartialProject, 1000)).Count);
        Assert.Equal(2, Exchanges(e).Count);
        var statuses = e.Requests.All.Where(r => r.Path.EndsWith(TasksPath)).Select(r => r.StatusCode).ToList();
        Assert.Equal([200, 200, 200, 401, 200, 200, 200], statuses);
        Assert.Contains(log.Lines, l => l.Contains("refused the Phrase Platform access token (401); exchanging the Phrase Platform token again once"));

        e.ExpireAllTokens();
        var readers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => ReadAsync(client, SeedIds.OnePageProject, 1000))));
        Assert.All(readers, r => Assert.Equal(1000, r.Count));
        Assert.Equal(3, Exchanges(e).Count);                           // four 401s, one renewal
        ledger.Scenario("platform access token refused (401): one renewal, call repeated");
        ledger.ItemsCompared(readers.Sum(r => r.Count));
    }

    [Fact]
    public async Task A_refused_platform_token_is_an_authentication_error_with_the_services_error_and_no_token()
    {
        await using var e = await PhraseTmsEmulator.StartAsync();
        const string wrong = "wrong-platform-token-3141";
        var log = new RecordingLog();
        var ex = await Assert.ThrowsAsync<PhraseTmsApiException>(() => ConnectAsync(e, log, wrong));
        Assert.Equal(PhraseErrorKind.Authentication, ex.Kind);
        Assert.Equal(PlatformTokenAuthenticator.RefusedErrorId, ex.ErrorId);
        Assert.Equal("invalid_grant", ex.ErrorCode);
        Assert.Equal(400, ex.StatusCode);
        Assert.Contains("invalid_grant", ex.Message);
        Assert.Contains("The subject token is invalid, expired or revoked", ex.Message);
        Assert.Contains($"identity service {e.IdentityUri}", ex.Message);
        Assert.NotNull(ex.RecommendedAction);
        Assert.DoesNotContain(wrong, ex.ToString() + log.All);
        var request = Assert.Single(e.Requests.All);                 // the exchange only: the TMS was never called
        Assert.Equal("/idm/oauth/token", request.Path);
        Assert.DoesNotContain(wrong, request.Body);
        ledger.Scenario("platform token refused by the identity service (invalid_grant)");
    }

    [Fact]
    public async Task An_unreachable_identity_service_is_a_connection_error_naming_the_service()
    {
        await using var e = await PhraseTmsEmulator.StartAsync();
        var port = FreePort();
        var identity = $"http://127.0.0.1:{port}/idm/oauth/token";
        var ex = await Assert.ThrowsAsync<PhraseTmsApiException>(() => ConnectAsync(e, new RecordingLog(), identityUri: identity));
        Assert.Equal(PhraseErrorKind.Connection, ex.Kind);
        Assert.Equal(PlatformTokenAuthenticator.UnreachableErrorId, ex.ErrorId);
        Assert.Contains($"identity service {identity} could not be reached", ex.Message);
        Assert.Contains("Phrase TMS was not contacted", ex.Message);
        Assert.DoesNotContain("may have reached", ex.Message);
        Assert.Equal(0, e.Requests.Count);
        ledger.Scenario("identity service unreachable");
    }

    [Fact]
    public async Task The_exchange_is_a_post_retried_after_429_but_never_re_sent_after_a_5xx()
    {
        await using var e = await PhraseTmsEmulator.StartAsync();
        e.Faults.Add("POST", "/idm/oauth/token", new Fault(FaultKind.TooManyRequests) { StatusCode = 429, RetryAfter = "0" });
        using (var session = await ConnectAsync(e, new RecordingLog(), configure: Quick))
            Assert.Equal(AuthenticationMode.PlatformToken, session.AuthenticationMode);
        Assert.Equal([429, 200], Exchanges(e).Select(x => x.StatusCode));

        e.Requests.Clear();
        e.Faults.Add("POST", "/idm/oauth/token", new Fault(FaultKind.ServerError) { StatusCode = 503 });
        var ex = await Assert.ThrowsAsync<PhraseTmsApiException>(() => ConnectAsync(e, new RecordingLog(), configure: Quick));
        Assert.Equal(PhraseErrorKind.Connection, ex.Kind);
        Assert.Equal(PlatformTokenAuthenticator.InvalidResponseErrorId, ex.ErrorId);
        Assert.Equal(503, ex.StatusCode);
        Assert.Contains($"identity service {e.IdentityUri}", ex.Message);
        Assert.Single(Exchanges(e));
        ledger.Scenario("token exchange throttled (429, retried) and failing (503, not re-sent)");
        ledger.PostsCounted(3);
    }

    [Fact]
    public async Task An_answer_that_is_not_a_token_is_an_invalid_result_naming_the_identity_service()
    {
        await using var e = await PhraseTmsEmulator.StartAsync();
        var wrongPath = new Uri(e.BaseUri, "/idm/oauth/nothing-here").AbsoluteUri;
        var notFound = await Assert.ThrowsAsync<PhraseTmsApiException>(() => ConnectAsync(e, new RecordingLog(), identityUri: wrongPath));
        Assert.Equal(PhraseErrorKind.InvalidResult, notFound.Kind);
        Assert.Equal(PlatformTokenAuthenticator.InvalidResponseErrorId, notFound.ErrorId);
        Assert.Equal(404, notFound.StatusCode);
        Assert.Contains($"identity service {wrongPath}", notFound.Message);

        e.Faults.Add("POST", "/idm/oauth/token", new Fault(FaultKind.EmptyBody));
        var empty = await Assert.ThrowsAsync<PhraseTmsException>(() => ConnectAsync(e, new RecordingLog()));
        Assert.Equal(PhraseErrorKind.InvalidResult, empty.Kind);
        Assert.Equal(PlatformTokenAuthenticator.InvalidResponseErrorId, empty.ErrorId);
        Assert.Contains("answered the token exchange with a body that is not the JSON of a token", empty.Message);
        Assert.DoesNotContain(e.Requests.All, r => r.Path.StartsWith("/api2/"));
        ledger.Scenario("identity service answering something that is not a token (404, empty 200)");
    }

    [Fact]
    public async Task An_early_renewal_that_fails_on_the_way_keeps_the_still_valid_token()
    {
        await using var e = await PhraseTmsEmulator.StartAsync();
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var auth = new PlatformTokenAuthenticator(Clients.Secure(PhraseTmsEmulator.DemoPlatformToken), e.IdentityUri, clock);
        var log = new RecordingLog();
        using var client = new PhraseTmsClient(Quick(new() { BaseUri = e.BaseUri, Log = log }), auth);
        using var session = auth;
        await ReadAsync(client, SeedIds.OnePageProject, 1000);
        clock.Now = auth.ExpiresAt!.Value.AddMinutes(-1);               // within the renewal margin, still valid
        e.Faults.Add("POST", "/idm/oauth/token", new Fault(FaultKind.ServerError) { StatusCode = 502 });
        Assert.Equal(1000, (await ReadAsync(client, SeedIds.OnePageProject, 1000)).Count);
        Assert.Contains(log.Lines, l => l.Contains("still valid until"));
        Assert.Equal(1, auth.ExchangeCount);
        Assert.Equal(1000, (await ReadAsync(client, SeedIds.OnePageProject, 1000)).Count);   // the next call renews
        Assert.Equal(2, auth.ExchangeCount);
        Assert.Equal([200, 502, 200], Exchanges(e).Select(x => x.StatusCode));
        Assert.DoesNotContain(e.Requests.All, r => r.StatusCode == 401);
        ledger.Scenario("early renewal failing while the access token still works");
    }

    [Theory]
    [InlineData("grant_type=password&subject_token=x&subject_token_type=urn%3Aphrase%3Aparams%3Aoauth%3Atoken-type%3Aapi_token&requested_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Aaccess_token", "unsupported_grant_type")]
    [InlineData("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange&subject_token_type=urn%3Aphrase%3Aparams%3Aoauth%3Atoken-type%3Aapi_token&requested_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Aaccess_token", "invalid_request")]
    [InlineData("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange&subject_token=x&subject_token_type=jwt&requested_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Aaccess_token", "invalid_request")]
    [InlineData("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange&subject_token=x&subject_token_type=urn%3Aphrase%3Aparams%3Aoauth%3Atoken-type%3Aapi_token", "invalid_request")]
    [InlineData("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange&subject_token=x&subject_token_type=urn%3Aphrase%3Aparams%3Aoauth%3Atoken-type%3Aapi_token&requested_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Aaccess_token", "invalid_grant")]
    public async Task The_emulators_identity_route_validates_every_field(string form, string error)
    {
        await using var e = await PhraseTmsEmulator.StartAsync();
        using var http = new HttpClient();
        var answer = await http.PostAsync(e.IdentityUri, new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var body = Newtonsoft.Json.Linq.JObject.Parse(await answer.Content.ReadAsStringAsync());
        Assert.Equal(error, (string?)body["error"]);
        Assert.False(string.IsNullOrEmpty((string?)body["error_description"]));
        var json = await http.PostAsync(e.IdentityUri, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
    }

    /// <summary>Short retry settings (as in <see cref="FaultLab"/>).</summary>
    private static PhraseTmsClientOptions Quick(PhraseTmsClientOptions o) => new()
    {
        BaseUri = o.BaseUri,
        Log = o.Log,
        MaxRetries = FaultLab.MaxRetries,
        MaxRetryWait = TimeSpan.FromSeconds(10),
        RequestTimeout = FaultLab.RequestTimeout,
        RetryBaseDelay = FaultLab.RetryBaseDelay,
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
