using PhraseTms.Emulator;
using PhraseTms.PowerShell.Tests.Support;

namespace PhraseTms.PowerShell.Tests;

/// <summary>Parameter validation, defaults and paging as PowerShell applies them.</summary>
[Collection(PowerShellCollection.Name)]
public sealed class ParameterBehaviourTests : ModuleTest
{
    public ParameterBehaviourTests(EmulatorFixture fixture) : base(fixture) => Connect();

    [Theory]
    [InlineData("Get-ConnectorAsyncTask -ProjectUid onePage0001 -PageSize 0", "GetConnectorAsyncTaskCommand")]
    [InlineData("Get-ConnectorAsyncTask -ProjectUid onePage0001 -PageSize 1001", "GetConnectorAsyncTaskCommand")]
    [InlineData("Invoke-PhraseTmsRequest GET /api2/v1/connectorAsyncTasks -All -PageSize 0", "InvokePhraseTmsRequestCommand")]
    [InlineData("Invoke-PhraseTmsRequest GET /api2/v1/connectorAsyncTasks -All -PageSize 1001", "InvokePhraseTmsRequestCommand")]
    [InlineData("Wait-PhraseTmsAsyncRequest 9000001 -TimeoutSec 0", "WaitPhraseTmsAsyncRequestCommand")]
    [InlineData("Invoke-PhraseTmsRequest FETCH /api2/v1/async/9000001", "InvokePhraseTmsRequestCommand")]
    public void A_value_outside_the_declared_range_or_set_fails_binding_before_any_request(string command, string cmdletClass)
    {
        var requests = RequestsDuring(() =>
        {
            var error = Assert.Single(PowerShell.Run(command).Errors);
            Assert.EndsWith("." + cmdletClass, error.FullyQualifiedErrorId);
            Assert.StartsWith("ParameterArgumentValidationError,", error.FullyQualifiedErrorId);
        });
        Assert.Empty(requests);
    }

    [Fact]
    public void Get_ConnectorAsyncTask_reads_pages_of_1000_by_default_and_pages_with_First_and_Skip()
    {
        var requests = RequestsDuring(() =>
        {
            var all = PowerShell.Run($"Get-ConnectorAsyncTask -ProjectUid {SeedIds.PartialProject}").Output.Select(o => o.Text("Id")).ToList();
            Assert.Equal(2345, all.Count);
            var page = PowerShell.Run($"Get-ConnectorAsyncTask -ProjectUid {SeedIds.PartialProject} -Skip 999 -First 3").Output.Select(o => o.Text("Id"));
            Assert.Equal(all.Skip(999).Take(3), page);
        });
        Assert.Equal(["1000"], requests.SelectMany(r => r.QueryParameters["pageSize"]).Distinct());
    }

    [Fact]
    public void Invoke_PhraseTmsRequest_All_pages_by_50_by_default()
    {
        var requests = RequestsDuring(() =>
        {
            var result = PowerShell.Run($$"""Invoke-PhraseTmsRequest GET /api2/v1/connectorAsyncTasks -Query @{ projectUid = '{{SeedIds.OnePageProject}}' } -All""");
            Assert.Equal(1000, result.Output.Count);
        });
        Assert.Equal(20, requests.Count);
        Assert.All(requests, r => Assert.Equal("50", r.QueryParameters["pageSize"].Single()));
    }

    [Fact]
    public void A_request_piece_with_an_unknown_key_fails_binding_with_a_message_naming_the_key()
    {
        var requests = RequestsDuring(() =>
        {
            var result = PowerShell.Run($$"""
                New-JobFromConnectorTask {{SeedIds.DemoProject}} {{SeedIds.DownloadSuccessHtml}} -TargetLang de -Assignment @{ TargetLang = 'de' } -WhatIf
                New-JobFromConnectorTask {{SeedIds.DemoProject}} {{SeedIds.DownloadSuccessHtml}} -TargetLang de -Assignment @{ Lang = 'de' } -WhatIf
                """);
            var error = Assert.Single(result.Errors);
            Assert.Equal("ParameterArgumentTransformationError,PhraseTms.Cmdlets.Job.NewJobFromConnectorTaskCommand", error.FullyQualifiedErrorId);
            Assert.Contains("'Lang'", error.Exception.Message);
            Assert.Contains("Assignment", error.Exception.Message);
        });
        Assert.Empty(requests);
        Assert.Single(PowerShell.Host.Lines, l => l.StartsWith("What if:"));
    }
}
