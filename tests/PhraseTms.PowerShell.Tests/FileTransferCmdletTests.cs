using System.Management.Automation;
using System.Security.Cryptography;
using Newtonsoft.Json.Linq;
using PhraseTms.PowerShell.Tests.Support;

namespace PhraseTms.PowerShell.Tests;

/// <summary>
/// The generated file cmdlets in PowerShell against the emulator, as a user runs them: Get-ChildItem piped into
/// New-PhraseTmsJob (bytes, names and relative folders as the emulator received them), -ThrottleLimit results in
/// input order, nothing sent under -WhatIf or for a missing file, downloads to -OutFile and the -Force rule.
/// </summary>
[Collection(PowerShellCollection.Name)]
public sealed class FileTransferCmdletTests(EmulatorFixture fixture) : ModuleTest(fixture), IDisposable
{
    private const string ProjectUid = "onePage0001";
    private readonly string _root = Directory.CreateTempSubdirectory("phrasetms-files-").FullName;

    private string WriteFile(string relative, int bytes, int seed)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var data = new byte[bytes];
        new Random(seed).NextBytes(data);
        File.WriteAllBytes(path, data);
        return path;
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
    }

    private List<PhraseTms.Emulator.ReceivedUpload> UploadsSince(int before) => Emulator.Data.Transfers.Uploads.Skip(before).ToList();

    [Fact]
    public void Get_ChildItem_piped_into_New_PhraseTmsJob_uploads_every_file_intact_with_its_name_and_relative_folder()
    {
        var plain = WriteFile(Path.Combine("source", "a.txt"), 10_000, 1);
        var nested = WriteFile(Path.Combine("source", "docs", "de", "Zürich 文件 ü.docx"), 300_001, 2);
        Connect();
        var before = Emulator.Data.Transfers.Uploads.Count;

        // A relative -RelativeTo, resolved against the PowerShell location (not the process's current folder).
        var result = PowerShell.Run("""
            param($Root, $ProjectUid)
            Set-Location $Root
            Get-ChildItem ./source -Recurse -File | Sort-Object FullName |
                New-PhraseTmsJob -ProjectUid $ProjectUid -TargetLang de, fr -RelativeTo ./source -Confirm:$false
            """, new System.Collections.Hashtable { ["Root"] = _root, ["ProjectUid"] = ProjectUid });

        Assert.Empty(result.Errors);
        var uploads = UploadsSince(before);
        Assert.Equal(2, uploads.Count);
        foreach (var (local, relativeFolder) in new[] { (plain, (string?)null), (nested, "docs/de") })
        {
            var name = Path.GetFileName(local);
            var upload = Assert.Single(uploads, u => u.File.FileName == name);
            Assert.Equal(Sha256(local), upload.File.Sha256);
            Assert.Equal(new FileInfo(local).Length, upload.File.Bytes);
            Assert.Equal("filename*=UTF-8''" + Uri.EscapeDataString(name), upload.ContentDisposition);
            var meta = JObject.Parse(upload.Memsource!);
            Assert.Equal(["de", "fr"], meta["targetLangs"]!.Values<string>());
            Assert.Equal(relativeFolder, (string?)meta["path"]);
        }
        // The created jobs are written (two languages per file), in input order.
        Assert.Equal(4, result.Output.Count);
        Assert.Equal(new[] { "a.txt", "a.txt", Path.GetFileName(nested), Path.GetFileName(nested) }, result.Output.Select(j => j.Text("Filename")));
    }

    [Fact]
    public void InputStream_with_FileName_uploads_the_stream_under_that_name()
    {
        var bytes = new byte[70_000];
        new Random(7).NextBytes(bytes);
        Connect();
        var before = Emulator.Data.Transfers.Uploads.Count;
        var result = PowerShell.Run("""
            param($Bytes, $ProjectUid)
            $stream = [System.IO.MemoryStream]::new($Bytes)
            New-PhraseTmsJob -ProjectUid $ProjectUid -InputStream $stream -FileName 'ström.txt' -TargetLang de -Confirm:$false
            """, new System.Collections.Hashtable { ["Bytes"] = bytes, ["ProjectUid"] = ProjectUid });
        Assert.Empty(result.Errors);
        var upload = Assert.Single(UploadsSince(before)).File;
        Assert.Equal("ström.txt", upload.FileName);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant(), upload.Sha256);
        Assert.Equal("ström.txt", Assert.Single(result.Output).Text("Filename"));
    }

    [Fact]
    public void ThrottleLimit_uploads_several_files_at_once_and_writes_the_results_in_input_order()
    {
        // The first file is by far the largest: it finishes last, yet its jobs are written first.
        var files = new List<string> { WriteFile("big.bin", 12 * 1024 * 1024, 3) };
        for (var i = 1; i <= 5; i++) files.Add(WriteFile($"small-{i}.txt", 100 + i, 10 + i));
        Connect();
        var before = Emulator.Data.Transfers.Uploads.Count;

        var result = PowerShell.Run("""
            param($Files, $ProjectUid)
            $Files | Get-Item | New-PhraseTmsJob -ProjectUid $ProjectUid -TargetLang de -ThrottleLimit 4 -Confirm:$false
            """, new System.Collections.Hashtable { ["Files"] = files.ToArray(), ["ProjectUid"] = ProjectUid });

        Assert.Empty(result.Errors.Select(e => e.Exception.InnerException?.ToString() ?? e.ToString()));
        Assert.Equal(files.Select(Path.GetFileName), result.Output.Select(j => j.Text("Filename")));
        Assert.Equal(files.Count, UploadsSince(before).Count);
        // One child bar per transfer under the batch's parent bar.
        var parent = result.Progress.Where(p => p.Activity == "Uploading").Select(p => p.ActivityId).Distinct().Single();
        var children = result.Progress.Where(p => p.ParentActivityId == parent).Select(p => p.Activity).Distinct().ToList();
        Assert.Contains("big.bin", children);
    }

    [Fact]
    public void WhatIf_sends_nothing_and_a_missing_file_is_refused_before_any_request_while_the_others_go_on()
    {
        var present = WriteFile("present.txt", 1000, 4);
        Connect();
        var before = Emulator.Data.Transfers.Uploads.Count;

        var requests = RequestsDuring(() =>
        {
            var whatIf = PowerShell.Run("param($Path, $ProjectUid) New-PhraseTmsJob -ProjectUid $ProjectUid -TargetLang de -Path $Path -WhatIf",
                new System.Collections.Hashtable { ["Path"] = present, ["ProjectUid"] = ProjectUid });
            Assert.Empty(whatIf.Errors);
            Assert.Empty(whatIf.Output);
        });
        Assert.DoesNotContain(requests, r => r.Method == "POST");

        var missing = Path.Combine(_root, "missing[1].txt"); // brackets: taken literally, not as a wildcard
        requests = RequestsDuring(() =>
        {
            var result = PowerShell.Run("param($Paths, $ProjectUid) New-PhraseTmsJob -ProjectUid $ProjectUid -TargetLang de -Path $Paths -Confirm:$false",
                new System.Collections.Hashtable { ["Paths"] = new[] { missing, present }, ["ProjectUid"] = ProjectUid });
            var error = Assert.Single(result.Errors);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.StartsWith("FileNotFound", error.FullyQualifiedErrorId);
            Assert.Equal(missing, error.TargetObject);
            Assert.Single(result.Output); // the present file still became its job
        });
        Assert.Single(requests, r => r.Method == "POST");
        Assert.Equal("present.txt", Assert.Single(UploadsSince(before)).File.FileName);
    }

    [Fact]
    public void Save_PhraseTmsJobOriginalFile_streams_to_OutFile_and_refuses_an_existing_file_without_Force()
    {
        const string jobUid = "origJob000000000001";
        var served = Emulator.Data.Transfers.AddFile(jobUid, 2 * 1024 * 1024 + 7, "Original é.docx", seed: 5);
        Connect();
        var outFile = Path.Combine(_root, "original.docx");
        var parameters = new System.Collections.Hashtable { ["ProjectUid"] = ProjectUid, ["JobUid"] = jobUid, ["OutFile"] = outFile, ["Root"] = _root };

        var saved = PowerShell.Run("param($ProjectUid, $JobUid, $OutFile) Save-PhraseTmsJobOriginalFile -ProjectUid $ProjectUid -JobUid $JobUid -OutFile $OutFile -PassThru", parameters);
        Assert.Empty(saved.Errors);
        Assert.Equal(outFile, Assert.Single(saved.Output).Text("FullName"));
        Assert.Equal(served.Sha256, Sha256(outFile));
        Assert.Empty(Directory.GetFiles(_root, "*.partial"));

        // Again without -Force: refused before any request, the file left as it was.
        File.WriteAllText(outFile, "mine");
        var requests = RequestsDuring(() =>
        {
            var refused = PowerShell.Run("param($ProjectUid, $JobUid, $OutFile) Save-PhraseTmsJobOriginalFile -ProjectUid $ProjectUid -JobUid $JobUid -OutFile $OutFile", parameters);
            var error = Assert.Single(refused.Errors);
            Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
            Assert.StartsWith("OutFileExists", error.FullyQualifiedErrorId);
        });
        Assert.Empty(requests);
        Assert.Equal("mine", File.ReadAllText(outFile));

        // -Force overwrites; a folder as -OutFile (relative to the PowerShell location) saves under the server's name.
        PowerShell.Run("param($ProjectUid, $JobUid, $OutFile) Save-PhraseTmsJobOriginalFile -ProjectUid $ProjectUid -JobUid $JobUid -OutFile $OutFile -Force", parameters);
        Assert.Equal(served.Sha256, Sha256(outFile));
        Directory.CreateDirectory(Path.Combine(_root, "downloads"));
        var inFolder = PowerShell.Run("param($ProjectUid, $JobUid, $Root) Set-Location $Root; Save-PhraseTmsJobOriginalFile -ProjectUid $ProjectUid -JobUid $JobUid -OutFile downloads -PassThru", parameters);
        Assert.Empty(inFolder.Errors);
        Assert.Equal(Path.Combine(_root, "downloads", "Original é.docx"), Assert.Single(inFolder.Output).Text("FullName"));
        Assert.Equal(served.Sha256, Sha256(Path.Combine(_root, "downloads", "Original é.docx")));
    }

    public new void Dispose()
    {
        base.Dispose();
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { /* best effort */ }
    }
}
