using System.Text.RegularExpressions;
using PhraseTms.Emulator;
using PhraseTms.PowerShell.Tests.Support;

namespace PhraseTms.PowerShell.Tests;

/// <summary>What the user sees: PowerShell formats the objects with the module's default table views.</summary>
[Collection(PowerShellCollection.Name)]
public sealed partial class DefaultViewTests : ModuleTest
{
    public DefaultViewTests(EmulatorFixture fixture) : base(fixture) => Connect();

    [GeneratedRegex(@"\S+")]
    private static partial Regex Word();

    [Theory]
    [InlineData($"Get-ConnectorAsyncTask -ProjectUid {SeedIds.OnePageProject} -First 3",
        "DateCreated Status TaskType TargetLang JobFileName ErrorMessage")]
    [InlineData($"New-JobFromConnectorTask {SeedIds.DemoProject} {SeedIds.DownloadSuccessHtml} -TargetLang de -Confirm:$false",
        "ProjectUid DownloadTaskId AsyncRequestId Import Jobs UnsupportedFiles")]
    [InlineData($"Get-PhraseTmsAsyncRequest {SeedIds.AsyncFinishedError}", "Id Action State DateCreated Finished Error")]
    [InlineData($"Get-TmLastBackgroundTask {SeedIds.TmOk}", "Uid Status Action Started Segments Result")]
    [InlineData($"Get-TbLastBackgroundTask {SeedIds.TbError}", "Uid Status Action Started Segments Result")]
    [InlineData("Get-PhraseTmsSession", "UserName BaseUri AuthenticationMode TokenExpires")]
    public void The_default_view_is_a_table_with_these_columns(string command, string headers)
    {
        var text = Assert.Single(PowerShell.Run(command + " | Out-String -Width 250").Output).ToString();
        var lines = text.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();
        Assert.Equal(headers, string.Join(' ', Word().Matches(lines[0]).Select(m => m.Value)));
        Assert.Matches("^-+( +-+)+$", lines[1]);
        Assert.True(lines.Count > 2, text);
    }

    [Fact]
    public void The_view_shows_the_values_of_the_row()
    {
        var text = Assert.Single(PowerShell.Run($"Get-PhraseTmsAsyncRequest {SeedIds.AsyncFinishedError} | Out-String -Width 250").Output).ToString();
        var row = text.Split('\n').Single(l => l.StartsWith(SeedIds.AsyncFinishedError));
        Assert.Contains("IMPORT_JOB", row);
        Assert.Contains("ImportFailed: Import of file website/en/about.html failed", row);
    }
}
