using System.Management.Automation;
using PhraseTms.Emulator;
using PhraseTms.PowerShell.Tests.Support;

namespace PhraseTms.PowerShell.Tests;

/// <summary>The error records users see and catch: ids, categories, targets, and terminating or not.</summary>
[Collection(PowerShellCollection.Name)]
public sealed class ErrorRecordTests(EmulatorFixture fixture) : ModuleTest(fixture)
{
    private const string MissingTm = "tmMissing9";

    [Fact]
    public void A_wrong_password_is_a_terminating_AuthInvalidCredentials_error_for_the_base_uri_and_keeps_the_previous_session()
    {
        Connect();
        var result = PowerShell.Run("""
            param($BaseUri)
            $credential = [pscredential]::new('demo', (ConvertTo-SecureString 'wrong-password' -AsPlainText -Force))
            try { Connect-PhraseTms -Credential $credential -BaseUri $BaseUri; 'continued' } catch { $_ }
            (Get-PhraseTmsSession).AuthenticationMode
            """, Parameters());
        Assert.Equal(2, result.Output.Count);
        var error = Assert.IsType<ErrorRecord>(result.Output[0].BaseObject);
        Assert.Equal("AuthInvalidCredentials,PhraseTms.Cmdlets.Session.ConnectPhraseTmsCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Equal(Emulator.BaseUri.ToString(), error.TargetObject);
        Assert.DoesNotContain("wrong-password", error.ToString());
        Assert.Equal("ApiToken", result.Output[1].ToString());
    }

    [Fact]
    public void Without_a_session_an_api_cmdlet_stops_with_NotConnected_before_sending_anything()
    {
        var requests = RequestsDuring(() =>
        {
            var result = PowerShell.Run($$"""
                Disconnect-PhraseTms
                try { Get-ConnectorAsyncTask -ProjectUid {{SeedIds.DemoProject}}; 'continued' } catch { $_ }
                """);
            var error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output).BaseObject);
            Assert.Equal("NotConnected,PhraseTms.Cmdlets.ConnectorAsyncTask.GetConnectorAsyncTaskCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
            Assert.Null(error.TargetObject);
            Assert.Equal("Run Connect-PhraseTms.", error.ErrorDetails?.RecommendedAction);
        });
        Assert.Empty(requests);
    }

    [Fact]
    public void Plain_http_to_a_remote_host_is_refused_with_InsecureBaseUri_for_that_uri()
    {
        const string remote = "http://phrase.example.com/web";
        var result = PowerShell.Run($$"""
            param($Token)
            try { Connect-PhraseTms -Token $Token -BaseUri {{remote}}; 'continued' } catch { $_ }
            """, Parameters());
        var error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output).BaseObject);
        Assert.Equal("InsecureBaseUri,PhraseTms.Cmdlets.Session.ConnectPhraseTmsCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal(remote, error.TargetObject);
    }

    [Fact]
    public void A_missing_translation_memory_is_a_non_terminating_ObjectNotFound_error_for_its_uid_and_the_next_input_still_runs()
    {
        Connect();
        var result = PowerShell.Run($"'{MissingTm}', '{SeedIds.TmOk}' | Get-TmLastBackgroundTask; 'continued'");
        var error = Assert.Single(result.Errors);
        Assert.Equal("ResourceNotFound,PhraseTms.Cmdlets.BackgroundTask.GetTmLastBackgroundTaskCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal(MissingTm, error.TargetObject);
        Assert.Equal(2, result.Output.Count);
        Assert.Equal(SeedIds.TmOk, result.Output[0].OfType("PhraseTms.TransMemoryBackgroundTask").Text("TransMemoryUid"));
        Assert.Equal("continued", result.Output[1].ToString());
    }

    [Fact]
    public void ErrorAction_Stop_turns_the_non_terminating_error_into_a_terminating_one_that_ends_the_script()
    {
        Connect();
        var requests = RequestsDuring(() =>
        {
            var result = PowerShell.Invoke($"'{MissingTm}', '{SeedIds.TmOk}' | Get-TmLastBackgroundTask -ErrorAction Stop; 'continued'");
            var stop = Assert.IsType<ActionPreferenceStopException>(result.Terminated);
            Assert.Equal("ResourceNotFound,PhraseTms.Cmdlets.BackgroundTask.GetTmLastBackgroundTaskCommand", stop.ErrorRecord.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, stop.ErrorRecord.CategoryInfo.Category);
            Assert.Equal(MissingTm, stop.ErrorRecord.TargetObject);
            Assert.Empty(result.Output);
        });
        // The second input was never processed.
        Assert.DoesNotContain(requests, r => r.Path.Contains(SeedIds.TmOk));
    }

    [Fact]
    public void A_script_catches_the_error_of_ErrorAction_Stop_with_its_record()
    {
        Connect();
        var result = PowerShell.Run($$"""
            try { Get-TmLastBackgroundTask -TransMemoryUid {{MissingTm}} -ErrorAction Stop; 'continued' }
            catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.Category.ToString(); $_.TargetObject }
            """);
        Assert.Equal(["ResourceNotFound,PhraseTms.Cmdlets.BackgroundTask.GetTmLastBackgroundTaskCommand", "ObjectNotFound", MissingTm],
            result.Output.Select(o => o.ToString()));
    }
}
