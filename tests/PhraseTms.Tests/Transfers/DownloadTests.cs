using PhraseTms.Client.Transfers;
using PhraseTms.Emulator;
using PhraseTms.Tests.Resilience;

namespace PhraseTms.Tests.Transfers;

/// <summary>Downloads stream to a stream or to a file (temporary name, then moved), byte for byte.</summary>
public sealed class DownloadTests
{
    private const string JobUid = "dlJob000001";
    private const string Name = "Übersicht – 東京.docx";

    [Fact]
    public async Task A_download_to_a_file_is_written_byte_for_byte_and_reports_the_server_s_file_name()
    {
        using var files = new TransferFiles();
        await using var lab = await FaultLab.StartAsync();
        var served = lab.Emulator.Data.Transfers.AddFile(JobUid, 5 * 1024 * 1024 + 3, Name);
        using var client = lab.TokenClient();
        var outFile = Path.Combine(files.Folder, "out.docx");

        var result = await client.Transfers.DownloadToFileAsync(TransferFiles.OriginalCall(JobUid), outFile, null, default);

        Assert.Equal(outFile, result.Path);
        Assert.Equal(served.Length, result.Bytes);
        Assert.Equal(served.Length, new FileInfo(outFile).Length);
        Assert.Equal(served.Sha256, TransferFiles.Sha256(outFile));
        Assert.Equal(Name, result.ServerFileName);
        Assert.Equal("application/octet-stream", result.ContentType);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(["out.docx"], files.Entries());
    }

    [Fact]
    public async Task A_download_into_a_folder_takes_the_server_s_file_name_and_replaces_an_existing_file()
    {
        using var files = new TransferFiles();
        await using var lab = await FaultLab.StartAsync();
        var served = lab.Emulator.Data.Transfers.AddFile(JobUid, 300_000, Name);
        File.WriteAllText(Path.Combine(files.Folder, Name), "old content");
        using var client = lab.TokenClient();

        var result = await client.Transfers.DownloadToFileAsync(TransferFiles.OriginalCall(JobUid), files.Folder, null, default);

        Assert.Equal(Path.Combine(files.Folder, Name), result.Path);
        Assert.Equal(served.Sha256, TransferFiles.Sha256(result.Path!));
        Assert.Equal([Name], files.Entries());
    }

    [Fact]
    public async Task A_download_to_a_stream_is_streamed_and_progress_ends_at_the_total()
    {
        await using var lab = await FaultLab.StartAsync();
        var served = lab.Emulator.Data.Transfers.AddFile(JobUid, 8 * 1024 * 1024, "a.bin");
        using var client = lab.TokenClient();
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        using var sink = new HashingStream(hash);
        var seen = new List<TransferProgress>();

        var result = await client.Transfers.DownloadAsync(TransferFiles.OriginalCall(JobUid), sink,
            new TransferOptions { Progress = p => { lock (seen) seen.Add(p); } }, default);

        Assert.Null(result.Path);
        Assert.Equal(served.Sha256, Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant());
        Assert.Equal(served.Length, seen[^1].Bytes);
        Assert.All(seen, p => Assert.Equal(served.Length, p.TotalBytes));
        Assert.True(seen.Zip(seen.Skip(1)).All(x => x.First.Bytes < x.Second.Bytes), "progress went backwards or repeated");
        Assert.InRange(seen.Count, 1, 102);
    }

    [Fact]
    public async Task While_a_download_is_in_flight_only_the_temporary_file_exists_never_the_final_name()
    {
        using var files = new TransferFiles();
        await using var lab = await FaultLab.StartAsync();
        var served = lab.Emulator.Data.Transfers.AddFile(JobUid, 1024 * 1024, "slow.bin");
        // The body comes in 10 chunks, 150 ms apart: the download is in flight for ~1.4 s.
        lab.Fault("GET", "/original", new Fault(FaultKind.SlowBody) { Delay = TimeSpan.FromMilliseconds(150) });
        using var client = lab.TokenClient();
        var outFile = Path.Combine(files.Folder, "slow.bin");
        var firstBytes = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var download = client.Transfers.DownloadToFileAsync(TransferFiles.OriginalCall(JobUid), outFile,
            new TransferOptions { Progress = p => { if (p.Bytes > 0) firstBytes.TrySetResult(); } }, default);
        await firstBytes.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var inFlight = files.Entries();
        var result = await download;

        Assert.False(download.IsFaulted);
        var partial = Assert.Single(inFlight);
        Assert.StartsWith(".slow.bin.", partial);
        Assert.EndsWith(".partial", partial);
        Assert.Equal(["slow.bin"], files.Entries());
        Assert.Equal(served.Sha256, TransferFiles.Sha256(result.Path!));
    }

    [Theory]
    [InlineData("attachment; filename*=UTF-8''%C3%9Cbersicht%20%E2%80%93%20%E6%9D%B1%E4%BA%AC.docx", "Übersicht – 東京.docx")]
    [InlineData("attachment; filename=\"plain name.txt\"", "plain name.txt")]
    [InlineData("attachment; filename=\"fallback.txt\"; filename*=UTF-8''r%C3%A9el.txt", "réel.txt")]
    [InlineData("attachment; filename*=utf-8''r%C3%A9el.txt; filename=\"fallback.txt\"", "réel.txt")]
    [InlineData("inline; filename=token.txt", "token.txt")]
    [InlineData("attachment; filename*=ISO-8859-1'en'caf%E9.txt", "café.txt")]
    [InlineData("attachment; filename=\"semi;colon \\\"q\\\".txt\"", "semi;colon \"q\".txt")]
    [InlineData("attachment; filename*=UTF-8''%FF%FE.txt; filename=\"broken-star.txt\"", "broken-star.txt")]
    [InlineData("attachment", null)]
    [InlineData("filename*=UTF-8''file.txt", "file.txt")]
    public void Content_Disposition_of_an_answer_is_read_in_both_forms(string header, string? expected) =>
        Assert.Equal(expected, ContentDisposition.ParseFileName(header));

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\temp\\a.txt", "a.txt")]
    [InlineData("..", null)]
    [InlineData("a\0b.txt", "a_b.txt")]
    public void A_server_file_name_is_made_safe_to_create(string suggested, string? expected) =>
        Assert.Equal(expected, ContentDisposition.SafeFileName(suggested));

    /// <summary>A write-only, non-seekable stream that hashes what it is given (the download never lands in memory).</summary>
    private sealed class HashingStream(System.Security.Cryptography.IncrementalHash hash) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => hash.AppendData(buffer, offset, count);
    }
}
