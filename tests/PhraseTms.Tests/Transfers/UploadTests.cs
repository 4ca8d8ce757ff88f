using Newtonsoft.Json.Linq;
using PhraseTms.Client.Errors;
using PhraseTms.Client.Http;
using PhraseTms.Client.Transfers;
using PhraseTms.Tests.Resilience;

namespace PhraseTms.Tests.Transfers;

/// <summary>Uploads stream from disk through the one pipeline and arrive intact (the emulator keeps their SHA-256).</summary>
public sealed class UploadTests
{
    [Fact]
    public async Task An_octet_stream_upload_arrives_byte_for_byte_with_Phrase_s_Content_Disposition_and_the_Memsource_header()
    {
        using var files = new TransferFiles();
        var (path, sha) = files.Create("source.html", 3 * 1024 * 1024 + 17);
        await using var lab = await FaultLab.StartAsync();
        using var client = lab.TokenClient();
        var content = new OctetStreamUpload(UploadFile.FromPath(path)) { Memsource = TransferFiles.Metadata };

        var answer = await client.Transfers.UploadAsync<JObject>(TransferFiles.UploadCall(), content, null, default);

        var upload = Assert.Single(lab.Emulator.Data.Transfers.Uploads);
        Assert.Equal(sha, upload.File.Sha256);
        Assert.Equal(3 * 1024 * 1024 + 17, upload.File.Bytes);
        Assert.Equal("filename*=UTF-8''source.html", upload.ContentDisposition);
        Assert.StartsWith("application/octet-stream", upload.ContentType);
        Assert.Equal("""{"targetLangs":["de","fr"]}""", upload.Memsource);
        Assert.Equal(["de", "fr"], ((JArray)answer["jobs"]!).Select(j => (string)j["targetLang"]!));
        Assert.All((JArray)answer["jobs"]!, j => Assert.Equal("source.html", (string)j["filename"]!));
    }

    [Theory]
    [InlineData("Übersicht – 東京.docx")]
    [InlineData("a b+c%d;e'f (1)#&=.txt")]
    public async Task A_UTF_8_file_name_arrives_intact_in_an_octet_stream_body_and_in_a_multipart_part(string name)
    {
        using var files = new TransferFiles();
        var (path, sha) = files.Create("plain.bin", 100_000);
        await using var lab = await FaultLab.StartAsync();
        using var client = lab.TokenClient();

        await client.Transfers.UploadRawAsync(TransferFiles.UploadCall(),
            new OctetStreamUpload(UploadFile.FromPath(path, name)) { Memsource = TransferFiles.Metadata }, null, default);
        await client.Transfers.UploadRawAsync(TransferFiles.UploadCall(),
            new MultipartUpload { Memsource = TransferFiles.Metadata }.File("file", UploadFile.FromPath(path, name)), null, default);

        var uploads = lab.Emulator.Data.Transfers.Uploads;
        Assert.Equal(2, uploads.Count);
        Assert.All(uploads, u => Assert.Equal(name, u.File.FileName));
        Assert.All(uploads, u => Assert.Equal(sha, u.File.Sha256));
        Assert.Equal("filename*=UTF-8''" + ContentDisposition.Rfc5987Encode(name), uploads[0].ContentDisposition);
        Assert.DoesNotContain(uploads[0].ContentDisposition!, c => c > 127);
    }

    [Fact]
    public async Task A_multipart_upload_carries_streamed_file_parts_and_text_and_JSON_parts()
    {
        using var files = new TransferFiles();
        var (a, shaA) = files.Create("a.xliff", 1_500_000, seed: 1);
        var (b, shaB) = files.Create("b.xliff", 700_000, seed: 2);
        await using var lab = await FaultLab.StartAsync();
        using var client = lab.TokenClient();
        var form = new MultipartUpload { Memsource = new { targetLangs = new[] { "ja" }, path = "Ü/東京" } }
            .File("file", UploadFile.FromPath(a))
            .File("file2", UploadFile.FromStream(() => File.OpenRead(b), "b.xliff"))
            .Text("note", "Grüße – 東京")
            .Json("settings", new { preTranslate = true });

        var answer = await client.Transfers.UploadAsync<JObject>(TransferFiles.UploadCall(), form, null, default);

        var upload = Assert.Single(lab.Emulator.Data.Transfers.Uploads);
        Assert.StartsWith("multipart/form-data", upload.ContentType);
        Assert.Equal(["file", "file2", "note", "settings"], upload.Parts.Select(p => p.Name));
        Assert.Equal(shaA, upload.Parts[0].Sha256);
        Assert.Equal(shaB, upload.Parts[1].Sha256);
        Assert.Equal("Grüße – 東京", upload.Parts[2].Text);
        Assert.StartsWith("text/plain", upload.Parts[2].ContentType);
        Assert.Equal("""{"preTranslate":true}""", upload.Parts[3].Text);
        Assert.StartsWith("application/json", upload.Parts[3].ContentType);
        // Non-ASCII in the Memsource header is escaped (header values are ASCII); the JSON means the same.
        Assert.Equal("Ü/東京", (string)JObject.Parse(upload.Memsource!)["path"]!);
        Assert.DoesNotContain(upload.Memsource!, c => c > 127);
        Assert.Equal("ja", (string)answer["jobs"]![0]!["targetLang"]!);
    }

    [Fact]
    public async Task Upload_progress_is_throttled_monotonic_and_ends_at_the_total()
    {
        using var files = new TransferFiles();
        const long size = 16L * 1024 * 1024;
        var (path, _) = files.Create("big.bin", size);
        await using var lab = await FaultLab.StartAsync();
        using var client = lab.TokenClient();
        var seen = new List<TransferProgress>();

        await client.Transfers.UploadRawAsync(TransferFiles.UploadCall(),
            new OctetStreamUpload(UploadFile.FromPath(path)) { Memsource = TransferFiles.Metadata },
            new TransferOptions { Progress = p => { lock (seen) seen.Add(p); } }, default);

        Assert.NotEmpty(seen);
        Assert.All(seen, p => Assert.Equal(size, p.TotalBytes));
        Assert.Equal(size, seen[^1].Bytes);
        Assert.True(seen.Zip(seen.Skip(1)).All(x => x.First.Bytes < x.Second.Bytes), "progress went backwards or repeated");
        // 16 MB in 80 KB buffers would be ~205 callbacks; throttled to 1 % steps it is at most ~101.
        Assert.InRange(seen.Count, 1, 102);
    }

    [Fact]
    public async Task A_PUT_or_POST_call_keeps_the_pipeline_s_answer_mapping_a_400_is_an_API_error()
    {
        using var files = new TransferFiles();
        var (path, _) = files.Create("x.txt", 1000);
        await using var lab = await FaultLab.StartAsync();
        using var client = lab.TokenClient();
        // No Memsource header: the API answers 400 (targetLangs missing), mapped like any other answer.
        var ex = await Assert.ThrowsAsync<PhraseTmsApiException>(() =>
            client.Transfers.UploadRawAsync(TransferFiles.UploadCall(), new OctetStreamUpload(UploadFile.FromPath(path)), null, default));
        Assert.Equal(400, ex.StatusCode);
        Assert.Contains("targetLangs", ex.Message);
    }
}
