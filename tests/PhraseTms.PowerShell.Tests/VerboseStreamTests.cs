using PhraseTms.Emulator;
using PhraseTms.PowerShell.Tests.Support;

namespace PhraseTms.PowerShell.Tests;

/// <summary>-Verbose shows each request (method, path, status) and never a secret.</summary>
[Collection(PowerShellCollection.Name)]
public sealed class VerboseStreamTests(EmulatorFixture fixture) : ModuleTest(fixture)
{
    [Fact]
    public void Verbose_shows_each_request_line_and_neither_the_password_nor_the_login_token_nor_the_header()
    {
        var result = PowerShell.Run($"""
            param($BaseUri)
            $credential = [pscredential]::new('{PhraseTmsEmulator.DemoUserName}', (ConvertTo-SecureString '{PhraseTmsEmulator.DemoPassword}' -AsPlainText -Force))
            Connect-PhraseTms -Credential $credential -BaseUri $BaseUri -Verbose
            Get-ConnectorAsyncTask -ProjectUid {SeedIds.OnePageProject} -First 1 -Verbose | Out-Null
            Get-TmLastBackgroundTask -TransMemoryUid {SeedIds.TmOk} -Verbose | Out-Null
            """, Parameters());
        Assert.Empty(result.Errors);

        Assert.Contains(result.Verbose, v => v.StartsWith("POST /api2/v1/auth/login → 200 in "));
        Assert.Contains(result.Verbose, v => v.StartsWith($"GET /api2/v1/connectorAsyncTasks?projectUid={SeedIds.OnePageProject}&") && v.Contains(" → 200 in "));
        Assert.Contains(result.Verbose, v => v.StartsWith($"GET /api2/v1/transMemories/{SeedIds.TmOk}/lastBackgroundTask → 200 in "));

        // The token the login issued, as the later requests presented it.
        var header = Emulator.Requests.Matching("GET", "/lastBackgroundTask")[^1].AuthorizationHeader!;
        var token = header[(header.IndexOf(' ') + 1)..];
        Assert.True(token.Length >= 10, header);
        foreach (var line in result.Verbose.Concat(PowerShell.Host.Lines))
        {
            Assert.DoesNotContain(PhraseTmsEmulator.DemoPassword, line);
            Assert.DoesNotContain(token, line);
            Assert.DoesNotContain("Authorization", line, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Verbose_never_shows_the_api_token_and_without_Verbose_the_stream_stays_empty()
    {
        var quiet = PowerShell.Run($"""
            param($BaseUri, $Token)
            Connect-PhraseTms -Token $Token -BaseUri $BaseUri
            Get-PhraseTmsAsyncRequest -Id {SeedIds.AsyncFinishedOk} | Out-Null
            """, Parameters());
        Assert.Empty(quiet.Verbose);

        var verbose = PowerShell.Run($"""
            param($BaseUri, $Token)
            Connect-PhraseTms -Token $Token -BaseUri $BaseUri -Verbose
            Get-PhraseTmsAsyncRequest -Id {SeedIds.AsyncFinishedOk} -Verbose | Out-Null
            """, Parameters());
        Assert.Contains(verbose.Verbose, v => v.StartsWith("GET /api2/v1/auth/whoAmI → 200 in "));
        Assert.Contains(verbose.Verbose, v => v.StartsWith($"GET /api2/v1/async/{SeedIds.AsyncFinishedOk} → 200 in "));
        Assert.All(verbose.Verbose, v => Assert.DoesNotContain(PhraseTmsEmulator.DemoApiToken, v));
    }
}
