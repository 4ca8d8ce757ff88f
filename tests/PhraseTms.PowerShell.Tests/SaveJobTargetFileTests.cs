using System.Text;
using PhraseTms.Emulator;
using PhraseTms.PowerShell.Tests.Support;

namespace PhraseTms.PowerShell.Tests;

/// <summary>
/// Save-PhraseTmsJobTargetFile as a user runs it: jobs piped in, the target file requested, waited for and downloaded
/// once; a download cut in the middle starts again from the request (the id is one-shot); -WhatIf sends nothing.
/// </summary>
[Collection(PowerShellCollection.Name)]
public sealed class SaveJobTargetFileTests(EmulatorFixture fixture) : ModuleTest(fixture), IDisposable
{
    private const string ProjectUid = "onePage0001";
    private readonly string _root = Directory.CreateTempSubdirectory("phrasetms-target-").FullName;

    // A completed job of a file uploaded through New-PhraseTmsJob; answers the job object PowerShell holds as $job.
    private byte[] CompletedJob(string fileName)
    {
        var source = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("A sentence to translate. ", 12_000)));
        var path = Path.Combine(_root, "source", fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, source);
        var created = PowerShell.Run("param($Path, $ProjectUid) $global:job = New-PhraseTmsJob -ProjectUid $ProjectUid -Path $Path -TargetLang fr -Wait; $job | Set-PhraseTmsJobStatus -Status COMPLETED",
            Parameters(("Path", path), ("ProjectUid", ProjectUid)));
        Assert.Empty(created.Errors);
        return source;
    }

    [Fact]
    public void A_piped_job_s_target_file_is_requested_waited_for_and_saved_and_a_cut_download_starts_again_from_the_request()
    {
        Connect();
        var source = CompletedJob("brochure é.txt");
        var outFolder = Directory.CreateDirectory(Path.Combine(_root, "out")).FullName;
        Emulator.Faults.Add("GET", "/downloadTargetFile/", new Fault(FaultKind.ResetMidBody));

        var requests = RequestsDuring(() =>
        {
            var saved = PowerShell.Run("param($OutFile) $job | Save-PhraseTmsJobTargetFile -OutFile $OutFile -PassThru", Parameters(("OutFile", outFolder)));
            Assert.Empty(saved.Errors);
            Assert.Equal(Path.Combine(outFolder, "brochure é.txt"), Assert.Single(saved.Output).Text("FullName"));
        });

        Assert.Equal(2, requests.Count(r => r.Method == "PUT" && r.Path.EndsWith("/targetFile", StringComparison.Ordinal)));
        var downloads = requests.Where(r => r.Path.Contains("/downloadTargetFile/", StringComparison.Ordinal)).ToList();
        Assert.Equal([0, 200], downloads.Select(r => r.StatusCode));
        Assert.NotEqual(downloads[0].Path, downloads[1].Path); // the new request's id: the cut one is never asked for again
        Assert.Equal(JobFiles.Target(source, "fr"), File.ReadAllBytes(Path.Combine(outFolder, "brochure é.txt")));
        Assert.Equal(["brochure é.txt"], Directory.GetFiles(outFolder).Select(Path.GetFileName));
    }

    [Fact]
    public void Several_jobs_at_once_each_go_to_their_own_OutFile_in_input_order()
    {
        Connect();
        var source = Encoding.UTF8.GetBytes("One line to translate.\n");
        var path = Path.Combine(_root, "plan.txt");
        File.WriteAllBytes(path, source);
        var result = PowerShell.Run("""
            param($Path, $ProjectUid, $Root)
            $jobs = New-PhraseTmsJob -ProjectUid $ProjectUid -Path $Path -TargetLang de, fr, es, it, ja -Wait
            $jobs | Set-PhraseTmsJobStatus -Status COMPLETED
            $jobs | Select-Object ProjectUid, JobUid, @{ Name = 'OutFile'; Expression = { Join-Path $Root "$($_.TargetLang).txt" } } |
                Save-PhraseTmsJobTargetFile -ThrottleLimit 5 -PassThru | ForEach-Object Name
            """, Parameters(("Path", path), ("ProjectUid", ProjectUid), ("Root", _root)));
        Assert.Empty(result.Errors);
        Assert.Equal(["de.txt", "fr.txt", "es.txt", "it.txt", "ja.txt"], result.Output.Select(o => o.ToString()));
        foreach (var lang in new[] { "de", "fr", "es", "it", "ja" })
            Assert.Equal(JobFiles.Target(source, lang), File.ReadAllBytes(Path.Combine(_root, lang + ".txt")));
    }

    [Fact]
    public void WhatIf_requests_nothing_and_an_existing_file_is_refused_before_any_request()
    {
        Connect();
        CompletedJob("leaflet.txt");
        var outFile = Path.Combine(_root, "leaflet-fr.txt");
        var requests = RequestsDuring(() =>
        {
            var whatIf = PowerShell.Run("param($OutFile) $job | Save-PhraseTmsJobTargetFile -OutFile $OutFile -WhatIf", Parameters(("OutFile", outFile)));
            Assert.Empty(whatIf.Errors);
            File.WriteAllText(outFile, "mine");
            var refused = PowerShell.Run("param($OutFile) $job | Save-PhraseTmsJobTargetFile -OutFile $OutFile", Parameters(("OutFile", outFile)));
            Assert.StartsWith("OutFileExists,", Assert.Single(refused.Errors).FullyQualifiedErrorId);
        });
        Assert.Empty(requests);
        Assert.Equal("mine", File.ReadAllText(outFile));
    }

    public new void Dispose()
    {
        base.Dispose();
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { }
    }
}
