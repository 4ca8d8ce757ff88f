using System.Text;
using PhraseTms.Client;
using PhraseTms.Client.Connection;
using PhraseTms.Client.Errors;
using PhraseTms.Emulator;
using PhraseTms.Tests.Support;

namespace PhraseTms.Tests.Resilience;

/// <summary>
/// Runs every client path (login, 2FA login, token, Phrase Platform token exchange and its renewals, paging, re-login,
/// retries, failures, POSTs) against faults with
/// everything the user could see captured — verbose and debug log, warnings, exception messages and ToString,
/// session text — and checks that no secret appears anywhere.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class SecretLeakTests(ReliabilityLedger ledger)
{
    private const string TwoFactorCode = "123456";
    private const string ConnectorToken = "connector-secret-9876";
    private const string WrongPlatformToken = "wrong-platform-token-2718";

    [Fact]
    public async Task No_token_password_or_two_factor_code_appears_in_any_output()
    {
        await using var lab = await FaultLab.StartAsync();
        var seen = new StringBuilder();
        var log = lab.Log;

        async Task Capture(Func<Task> action)
        {
            try { await action(); }
            catch (Exception ex) { seen.AppendLine(ex.ToString()).AppendLine(ex.Message); if (ex is PhraseTmsException p) seen.AppendLine(p.ErrorId).AppendLine(p.RecommendedAction); }
        }

        lab.Fault("GET", "/connectorAsyncTasks", new Fault(FaultKind.ExpireToken) { SkipFirst = 1 });
        lab.Fault("GET", "/connectorAsyncTasks", new Fault(FaultKind.TooManyRequests) { StatusCode = 429, SkipFirst = 2 });
        lab.Fault("GET", "/connectorAsyncTasks", new Fault(FaultKind.ServerError) { StatusCode = 500, SkipFirst = 3 });
        lab.Fault("GET", "/connectorAsyncTasks", new Fault(FaultKind.ResetMidBody) { SkipFirst = 4 });
        lab.Fault("POST", "/jobs/connectorTask", new Fault(FaultKind.ServerError) { StatusCode = 503 });

        using (var login = lab.LoginClient())
        {
            await Capture(() => FaultLab.ListIdsAsync(login, SeedIds.PartialProject, 200));
            await Capture(() => FaultLab.PostJobAsync(login));
            await Capture(() => FaultLab.PostJobAsync(login));
        }
        lab.Emulator.Faults.Clear();
        lab.Fault("GET", "/connectorAsyncTasks", new Fault(FaultKind.TruncatedJson) { StatusCode = 200 });
        using (var mfa = Clients.WithLogin(lab.Emulator, log, "mfa", "mfa-password", TwoFactorCode, configure: lab.Configure))
            await Capture(() => FaultLab.ListIdsAsync(mfa, SeedIds.PartialProject, 200));
        using (var wrong = Clients.WithLogin(lab.Emulator, log, "mfa", "mfa-password", "654321", configure: lab.Configure))
            await Capture(() => FaultLab.ListIdsAsync(wrong, SeedIds.PartialProject, 200));
        using (var token = lab.TokenClient())
        {
            await Capture(() => FaultLab.ListIdsAsync(token, SeedIds.EmptyProject, 200));
            var fast = PhraseTms.Client.AsyncRequests.WaitOptions.Default with
            {
                InitialInterval = TimeSpan.FromMilliseconds(10), MaxInterval = TimeSpan.FromMilliseconds(20), Timeout = TimeSpan.FromSeconds(5),
            };
            await Capture(async () =>
            {
                var request = new PhraseTms.Client.Jobs.JobCreateRequest
                {
                    TargetLangs = ["de", "fail"],
                    RemoteFile = new PhraseTms.Client.Jobs.JobCreateRemoteFile(ConnectorToken, "/in", "a.xml"),
                };
                var result = await token.Jobs.CreateFromConnectorTaskAsync(SeedIds.DemoProject, SeedIds.DownloadSuccessHtml, request, null, default);
                seen.AppendLine(string.Join("\n", result.WarningLines()));
                (await token.AsyncRequests.Waiter.WaitAsync(result.AsyncRequest!, fast, null, default)).EnsureSucceeded();
            });
            await Capture(async () => (await token.BackgroundTasks.GetLastWhenFinishedAsync(
                PhraseTms.Client.BackgroundTasks.BackgroundTaskKind.TranslationMemory, SeedIds.TmError, fast, null, default)).AsyncRequest!.EnsureSucceeded());
            await Capture(() => token.BackgroundTasks.GetLastAsync(PhraseTms.Client.BackgroundTasks.BackgroundTaskKind.TermBase, "noSuchTb", default));
            await Capture(() => token.AsyncRequests.Waiter.WaitAsync(SeedIds.AsyncNeverFinishes, fast with { Timeout = TimeSpan.FromMilliseconds(200) }, null, default));
            await Capture(() => token.Jobs.CreateFromConnectorTaskAsync(SeedIds.DemoProject, SeedIds.DownloadSuccessHtml,
                new() { TargetLangs = ["de"], RemoteFile = new PhraseTms.Client.Jobs.JobCreateRemoteFile { ConnectorToken = ConnectorToken } }, null, default));
        }
        using (var bad = Clients.WithToken(lab.Emulator, log, token: "bad-token-value-4711", configure: lab.Configure))
            await Capture(() => FaultLab.ListIdsAsync(bad, SeedIds.EmptyProject, 200));

        await Capture(async () =>
        {
            using var session = await PhraseTmsSession.ConnectAsync(new ConnectionSettings
            {
                UserName = PhraseTmsEmulator.DemoUserName,
                Password = Clients.Secure(PhraseTmsEmulator.DemoPassword),
                BaseUri = lab.Emulator.BaseUri.ToString(),
            }, Clients.Options(log), default);
            seen.AppendLine(session.ToString()).AppendLine(session.UserName).AppendLine(session.BaseUri.ToString());
        });
        await Capture(() => PhraseTmsSession.ConnectAsync(new ConnectionSettings
        {
            UserName = PhraseTmsEmulator.DemoUserName,
            Password = Clients.Secure("wrong-password-0815"),
            BaseUri = lab.Emulator.BaseUri.ToString(),
        }, Clients.Options(log), default));

        // Phrase Platform: exchange, a 401 renewal, a refused token, an unreachable identity service, a failing exchange.
        lab.Emulator.Faults.Clear();
        await Capture(async () =>
        {
            using var session = await PhraseTmsSession.ConnectAsync(new ConnectionSettings
            {
                PlatformToken = Clients.Secure(PhraseTmsEmulator.DemoPlatformToken),
                BaseUri = lab.Emulator.BaseUri.ToString(),
            }, Clients.Options(log), default);
            seen.AppendLine(session.ToString()).AppendLine(session.IdentityUri?.ToString()).AppendLine(session.TokenExpires?.ToString());
            await FaultLab.ListIdsAsync(session.GetClient(), SeedIds.PartialProject, 1000);
            lab.Emulator.ExpireAllTokens();
            await FaultLab.ListIdsAsync(session.GetClient(), SeedIds.PartialProject, 1000);
        });
        await Capture(() => PhraseTmsSession.ConnectAsync(new ConnectionSettings
        {
            PlatformToken = Clients.Secure(WrongPlatformToken),
            BaseUri = lab.Emulator.BaseUri.ToString(),
        }, Clients.Options(log), default));
        await Capture(() => PhraseTmsSession.ConnectAsync(new ConnectionSettings
        {
            PlatformToken = Clients.Secure(PhraseTmsEmulator.DemoPlatformToken),
            BaseUri = lab.Emulator.BaseUri.ToString(),
            IdentityUri = "http://127.0.0.1:9/idm/oauth/token",
        }, Clients.Options(log), default));
        lab.Fault("POST", "/idm/oauth/token", new Fault(FaultKind.ServerError) { StatusCode = 500 });
        await Capture(() => PhraseTmsSession.ConnectAsync(new ConnectionSettings
        {
            PlatformToken = Clients.Secure(PhraseTmsEmulator.DemoPlatformToken),
            BaseUri = lab.Emulator.BaseUri.ToString(),
        }, Clients.Options(log), default));
        var exchanges = lab.Emulator.Requests.Matching("POST", "/idm/oauth/token");
        Assert.True(exchanges.Count >= 4, $"{exchanges.Count} exchanges");
        Assert.All(exchanges, x => Assert.Contains("subject_token=<redacted>", x.Body));

        var issuedTokens = lab.Emulator.Requests.All
            .Select(r => r.AuthorizationHeader).OfType<string>()
            .Select(h => h[(h.IndexOf(' ') + 1)..]).Distinct().ToList();
        Assert.True(issuedTokens.Count >= 4, "login tokens, the demo token and the bad one were all used");
        Assert.Contains(issuedTokens, t => t.Split('.').Length == 3);   // the platform access tokens were used
        var secrets = issuedTokens.Concat([PhraseTmsEmulator.DemoPassword, "mfa-password", "wrong-password-0815", TwoFactorCode, "654321", ConnectorToken,
            PhraseTmsEmulator.DemoPlatformToken, WrongPlatformToken]);

        var output = seen.Append(log.All).ToString();
        Assert.Contains("VERBOSE: ", output);
        Assert.Contains("logging in again", output);
        Assert.Contains("exchanging the Phrase Platform token again", output);
        Assert.Contains("PlatformTokenRefused", output);
        Assert.Contains("IdentityServiceUnreachable", output);
        Assert.Contains("InvalidTokenExchangeResponse", output);
        Assert.Contains("JobImportFailed", output);            // the failed job import was waited for and reported
        Assert.Contains("OperationTimeout", output);
        Assert.Contains(lab.Emulator.Requests.All, r => r.Path.StartsWith("/api2/v1/async/") && r.StatusCode == 200);
        Assert.Contains(lab.Emulator.Requests.All, r => r.Path.Contains("/lastBackgroundTask"));
        foreach (var secret in secrets)
            Assert.False(output.Contains(secret, StringComparison.Ordinal), $"a secret ({secret.Length} characters) appeared in the output");
        Assert.DoesNotContain("Authorization", output);
        Assert.All(lab.Emulator.Requests.All, r => Assert.DoesNotContain("token", r.Query, StringComparison.OrdinalIgnoreCase));
        foreach (var platformToken in new[] { PhraseTmsEmulator.DemoPlatformToken, WrongPlatformToken })
            Assert.All(lab.Emulator.Requests.All, r => Assert.DoesNotContain(platformToken, r.Path + r.Query + r.AuthorizationHeader + r.Body));
        ledger.Scenario("secret leak sweep over every client path");
    }
}
