using PhraseTms.Client.Errors;
using PhraseTms.Client.Transfers;
using PhraseTms.Emulator;
using PhraseTms.Tests.Transfers;

namespace PhraseTms.Tests.Resilience;

/// <summary>
/// Transfers under faults: a broken download (GET) is retried from the beginning, a one-shot download is not and says
/// it must be requested again, an upload that may have reached the server is never re-sent and names the file, a 429
/// re-sends it from a fresh stream, cancellation stops at once and leaves no file under the final name, and the
/// limits are checked before any request.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class TransferFaultTests(ReliabilityLedger ledger)
{
    private const string JobUid = "dlJob000001";

    [Fact]
    public async Task A_download_reset_mid_body_is_retried_from_the_beginning_and_the_file_is_intact()
    {
        using var files = new TransferFiles();
        await using var lab = await FaultLab.StartAsync();
        var served = lab.Emulator.Data.Transfers.AddFile(JobUid, 4 * 1024 * 1024, "a.bin");
        lab.Fault("GET", "/original", new Fault(FaultKind.ResetMidBody));
        using var client = lab.TokenClient();
        var outFile = Path.Combine(files.Folder, "a.bin");

        var result = await client.Transfers.DownloadToFileAsync(TransferFiles.OriginalCall(JobUid), outFile, null, default);

        Assert.Equal(2, result.Attempts);
        Assert.Equal([0, 200], lab.Emulator.Requests.Matching("GET", "/original").Select(r => r.StatusCode));
        Assert.Equal(served.Sha256, TransferFiles.Sha256(outFile));
        Assert.Equal(["a.bin"], files.Entries());
        ledger.Scenario("download reset mid-body, retried");
    }

    [Fact]
    public async Task A_one_shot_download_reset_mid_body_is_not_retried_and_says_it_must_be_requested_again()
    {
        using var files = new TransferFiles();
        await using var lab = await FaultLab.StartAsync();
        lab.Emulator.Data.Transfers.AddFile(JobUid, 4 * 1024 * 1024, "t.bin");
        lab.Fault("GET", "/downloadTargetFile/", new Fault(FaultKind.ResetMidBody));
        using var client = lab.TokenClient();
        var outFile = Path.Combine(files.Folder, "t.bin");

        var (ex, _) = await FaultLab.FailsAsync<PhraseTmsApiException>(() =>
            client.Transfers.DownloadToFileAsync(TransferFiles.TargetFileCall(JobUid, "9100001"), outFile, null, default));

        Assert.Single(lab.Emulator.Requests.Matching("GET", "/downloadTargetFile/"));
        Assert.Equal(PhraseErrorKind.Connection, ex.Kind);
        Assert.Contains("can be fetched only once", ex.Message);
        Assert.Contains("request the download again", ex.Message);
        Assert.Contains("GET /api2/v2/projects/aBcD123/jobs/dlJob000001/downloadTargetFile/9100001", ex.Message);
        Assert.NotNull(ex.RecommendedAction);
        Assert.Empty(files.Entries());
        ledger.Scenario("one-shot download reset mid-body");
    }

    [Fact]
    public async Task A_one_shot_download_answered_503_is_not_retried()
    {
        await using var lab = await FaultLab.StartAsync();
        lab.Emulator.Data.Transfers.AddFile(JobUid, 1000, "t.bin");
        lab.Fault("GET", "/downloadTargetFile/", new Fault(FaultKind.ServerError) { StatusCode = 503 });
        using var client = lab.TokenClient();
        using var target = new MemoryStream();

        var (ex, _) = await FaultLab.FailsAsync<PhraseTmsApiException>(() =>
            client.Transfers.DownloadAsync(TransferFiles.TargetFileCall(JobUid, "9100002"), target, null, default));

        Assert.Single(lab.Emulator.Requests.Matching("GET", "/downloadTargetFile/"));
        Assert.Equal(503, ex.StatusCode);
        Assert.Contains("request the download again", ex.Message);
        Assert.Equal(0, target.Length);
        ledger.Scenario("one-shot download answered 503");
    }

    [Fact]
    public async Task A_normal_download_answered_503_is_retried_into_a_rewound_stream()
    {
        await using var lab = await FaultLab.StartAsync();
        var served = lab.Emulator.Data.Transfers.AddFile(JobUid, 2 * 1024 * 1024, "t.bin");
        lab.Fault("GET", "/original", new Fault(FaultKind.ResetMidBody));
        lab.Fault("GET", "/original", new Fault(FaultKind.ServerError) { StatusCode = 503 });
        using var client = lab.TokenClient();
        using var target = new MemoryStream();
        target.Write([1, 2, 3]); // what was in the stream before stays

        var result = await client.Transfers.DownloadAsync(TransferFiles.OriginalCall(JobUid), target, null, default);

        Assert.Equal(2, result.Attempts); // the 503 attempt never reached the sink
        Assert.Equal(3, lab.Emulator.Requests.Matching("GET", "/original").Count);
        Assert.Equal(3 + served.Length, target.Length);
        Assert.Equal(served.Sha256, Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(target.ToArray().AsSpan(3))).ToLowerInvariant());
        ledger.Scenario("download reset, then 503, retried into a stream");
    }

    private static readonly Dictionary<string, (Fault Fault, int Status, bool Received)> UploadNotResentCases = new()
    {
        ["upload answered 500 after it was received"] = (new Fault(FaultKind.ServerErrorAfterBody), 500, true),
        ["upload answered 503 after it was received"] = (new Fault(FaultKind.ServerErrorAfterBody) { StatusCode = 503 }, 503, true),
        ["upload reset before the answer"] = (new Fault(FaultKind.ResetBeforeHeaders), 0, false),
    };

    public static TheoryData<string> UploadNotResent() => new(UploadNotResentCases.Keys);

    [Theory]
    [MemberData(nameof(UploadNotResent))]
    public async Task An_upload_that_may_have_reached_the_server_is_sent_once_and_the_error_names_the_file(string scenario)
    {
        var (fault, status, received) = UploadNotResentCases[scenario];
        using var files = new TransferFiles();
        var (path, sha) = files.Create("Übersicht – 東京.docx", 2 * 1024 * 1024);
        await using var lab = await FaultLab.StartAsync();
        lab.Fault("POST", "/jobs", fault);
        using var client = lab.TokenClient();

        var (ex, _) = await FaultLab.FailsAsync<PhraseTmsApiException>(() => client.Transfers.UploadRawAsync(TransferFiles.UploadCall(),
            new OctetStreamUpload(UploadFile.FromPath(path)) { Memsource = TransferFiles.Metadata }, null, default));

        Assert.Single(lab.Emulator.Requests.Matching("POST", "/jobs"));
        Assert.Equal(status, ex.StatusCode);
        Assert.True(ex.MayHaveReachedServer);
        Assert.Contains("was NOT re-sent", ex.Message);
        Assert.Contains("The POST of the file 'Übersicht – 東京.docx' (2 MB)", ex.Message);
        if (received) Assert.Equal(sha, Assert.Single(lab.Emulator.Data.Transfers.Uploads).File.Sha256);
        ledger.Scenario(scenario);
        ledger.PostsCounted(1);
    }

    [Fact]
    public async Task An_upload_throttled_429_before_anything_was_done_is_re_sent_from_a_freshly_opened_stream()
    {
        using var files = new TransferFiles();
        var (path, sha) = files.Create("a.docx", 1024 * 1024);
        await using var lab = await FaultLab.StartAsync();
        lab.Fault("POST", "/jobs", new Fault(FaultKind.TooManyRequests) { RetryAfter = "0" });
        using var client = lab.TokenClient();
        var opened = 0;
        var file = UploadFile.FromStream(() => { Interlocked.Increment(ref opened); return File.OpenRead(path); }, "a.docx", new FileInfo(path).Length);

        await client.Transfers.UploadRawAsync(TransferFiles.UploadCall(), new OctetStreamUpload(file) { Memsource = TransferFiles.Metadata }, null, default);

        Assert.Equal([429, 201], lab.Emulator.Requests.Matching("POST", "/jobs").Select(r => r.StatusCode));
        Assert.Equal(2, opened);
        Assert.Equal(sha, Assert.Single(lab.Emulator.Data.Transfers.Uploads).File.Sha256);
        ledger.Scenario("upload answered 429, re-sent from a fresh stream");
        ledger.PostsCounted(2);
    }

    [Fact]
    public async Task An_open_stream_throttled_429_is_rewound_and_re_sent_and_one_that_cannot_seek_is_not_re_sent_half_consumed()
    {
        await using var lab = await FaultLab.StartAsync();
        lab.Fault("POST", "/jobs", new Fault(FaultKind.TooManyRequests) { RetryAfter = "0" });
        using var client = lab.TokenClient();
        var bytes = new byte[300_000];
        new Random(3).NextBytes(bytes);
        using var seekable = new MemoryStream(bytes);

        await client.Transfers.UploadRawAsync(TransferFiles.UploadCall(),
            new OctetStreamUpload(UploadFile.FromStream(seekable, "m.bin")) { Memsource = TransferFiles.Metadata }, null, default);
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes)).ToLowerInvariant(),
            Assert.Single(lab.Emulator.Data.Transfers.Uploads).File.Sha256);
        Assert.True(seekable.CanRead, "the caller's stream was disposed");

        lab.Fault("POST", "/jobs", new Fault(FaultKind.TooManyRequests) { RetryAfter = "0" });

        var ex = await Assert.ThrowsAsync<PhraseTmsException>(() => client.Transfers.UploadRawAsync(TransferFiles.UploadCall(),
            new OctetStreamUpload(UploadFile.FromStream(new ForwardOnly(new MemoryStream(bytes)), "f.bin")) { Memsource = TransferFiles.Metadata }, null, default));
        Assert.Equal("UploadNotRestartable", ex.ErrorId);
        Assert.Equal([429, 201, 429], lab.Emulator.Requests.Matching("POST", "/jobs").Select(r => r.StatusCode));
        Assert.Single(lab.Emulator.Data.Transfers.Uploads);
        ledger.Scenario("upload of an open stream answered 429 (rewound; forward-only not re-sent)");
        ledger.PostsCounted(3);
    }

    private sealed class ForwardOnly(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public async Task Cancelling_mid_upload_stops_it_at_once_and_nothing_is_received()
    {
        using var files = new TransferFiles();
        var (path, _) = files.Create("big.bin", 48L * 1024 * 1024);
        await using var lab = await FaultLab.StartAsync();
        using var client = lab.TokenClient();
        using var cts = new CancellationTokenSource();
        var content = new OctetStreamUpload(UploadFile.FromPath(path)) { Memsource = TransferFiles.Metadata };
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var cancelledAt = TimeSpan.Zero;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Transfers.UploadRawAsync(TransferFiles.UploadCall(), content,
            new TransferOptions { Progress = p => { if (p.Bytes >= 8 << 20 && !cts.IsCancellationRequested) { cancelledAt = watch.Elapsed; cts.Cancel(); } } }, cts.Token));

        Assert.True(watch.Elapsed - cancelledAt < TimeSpan.FromSeconds(2), $"stopped {watch.Elapsed - cancelledAt} after Ctrl+C");
        var post = Assert.Single(lab.Emulator.Requests.Matching("POST", "/jobs")); // it was on its way, 8 MB sent
        await post.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotEqual(201, post.StatusCode); // cut off: aborted, or the body ended early (Kestrel may see either)
        Assert.Empty(lab.Emulator.Data.Transfers.Uploads);
        ledger.Scenario("upload cancelled mid-body");
    }

    [Fact]
    public async Task Cancelling_mid_download_stops_it_at_once_and_leaves_no_file()
    {
        using var files = new TransferFiles();
        await using var lab = await FaultLab.StartAsync();
        lab.Emulator.Data.Transfers.AddFile(JobUid, 1024 * 1024, "slow.bin");
        lab.Fault("GET", "/original", new Fault(FaultKind.SlowBody) { Delay = TimeSpan.FromMilliseconds(500) });
        using var client = lab.TokenClient();
        using var cts = new CancellationTokenSource();
        var outFile = Path.Combine(files.Folder, "slow.bin");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var cancelledAt = TimeSpan.Zero;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Transfers.DownloadToFileAsync(TransferFiles.OriginalCall(JobUid), outFile,
            new TransferOptions { Progress = p => { if (p.Bytes > 0 && !cts.IsCancellationRequested) { cancelledAt = watch.Elapsed; cts.Cancel(); } } }, cts.Token));

        Assert.True(watch.Elapsed - cancelledAt < TimeSpan.FromSeconds(1), $"stopped {watch.Elapsed - cancelledAt} after Ctrl+C");
        Assert.Empty(files.Entries());
        ledger.Scenario("download cancelled mid-body");
    }

    [Fact]
    public async Task A_download_that_fails_for_good_leaves_no_file_under_the_final_name()
    {
        using var files = new TransferFiles();
        await using var lab = await FaultLab.StartAsync();
        lab.Emulator.Data.Transfers.AddFile(JobUid, 1024 * 1024, "a.bin");
        lab.Fault("GET", "/original", new Fault(FaultKind.ResetMidBody) { Times = int.MaxValue });
        using var client = lab.TokenClient();
        var outFile = Path.Combine(files.Folder, "a.bin");

        var (ex, _) = await FaultLab.FailsAsync<PhraseTmsApiException>(() =>
            client.Transfers.DownloadToFileAsync(TransferFiles.OriginalCall(JobUid), outFile, null, default));

        Assert.Equal(1 + FaultLab.MaxRetries, lab.Emulator.Requests.Matching("GET", "/original").Count);
        Assert.Equal("ConnectionFailed", ex.ErrorId);
        Assert.Empty(files.Entries());
        ledger.Scenario("download reset every time, gave up");
    }

    [Fact]
    public async Task Concurrent_transfers_share_the_pipeline_and_its_throttling()
    {
        using var files = new TransferFiles();
        await using var lab = await FaultLab.StartAsync();
        var served = Enumerable.Range(1, 4).Select(i => lab.Emulator.Data.Transfers.AddFile($"dlJob00000{i}", 1024 * 1024 + i, $"f{i}.bin", seed: i)).ToArray();
        // The concurrency cap: 429 with RateLimit headers, retried after the (short, configured) cap delay.
        lab.Fault("GET", "/original", new Fault(FaultKind.TooManyRequests) { RateLimitHeaders = true, Times = 2 });
        using var client = lab.TokenClient(o => new() { BaseUri = o.BaseUri, Log = o.Log, MaxRetries = o.MaxRetries, RetryBaseDelay = o.RetryBaseDelay,
            RequestTimeout = o.RequestTimeout, MaxRetryWait = o.MaxRetryWait, ConcurrencyCapDelay = TimeSpan.FromMilliseconds(50) });

        var results = await Task.WhenAll(served.Select(f =>
            client.Transfers.DownloadToFileAsync(TransferFiles.OriginalCall(f.JobUid), Path.Combine(files.Folder, f.FileName), null, default)));

        Assert.Equal(6, lab.Emulator.Requests.Matching("GET", "/original").Count);
        foreach (var (f, r) in served.Zip(results)) Assert.Equal(f.Sha256, TransferFiles.Sha256(r.Path!));
        ledger.Scenario("four downloads at once at the concurrency cap");
    }

    [Fact]
    public async Task A_file_name_over_255_characters_and_a_file_over_1_GB_are_refused_before_any_request()
    {
        using var files = new TransferFiles();
        var (path, _) = files.Create("ok.txt", 10);
        var huge = Path.Combine(files.Folder, "huge.bin");
        using (var sparse = File.Create(huge)) sparse.SetLength(UploadFile.MaxBytes + 1);
        await using var lab = await FaultLab.StartAsync();
        using var client = lab.TokenClient();

        var longName = await Assert.ThrowsAsync<PhraseTmsValidationException>(() => client.Transfers.UploadRawAsync(TransferFiles.UploadCall(),
            new OctetStreamUpload(UploadFile.FromPath(path, new string('ä', 252) + ".txt")), null, default));
        var tooLarge = await Assert.ThrowsAsync<PhraseTmsValidationException>(() => client.Transfers.UploadRawAsync(TransferFiles.UploadCall(),
            new MultipartUpload().File("file", UploadFile.FromPath(huge)), null, default));
        var tooLargeStream = await Assert.ThrowsAsync<PhraseTmsValidationException>(() => client.Transfers.UploadRawAsync(TransferFiles.UploadCall(),
            new OctetStreamUpload(UploadFile.FromStream(() => File.OpenRead(huge), "huge.bin", UploadFile.MaxBytes + 1)), null, default));

        var quoted = await Assert.ThrowsAsync<PhraseTmsValidationException>(() => client.Transfers.UploadRawAsync(TransferFiles.UploadCall(),
            new MultipartUpload().File("file", UploadFile.FromStream(() => File.OpenRead(path), "say \"hi\".txt")), null, default));

        Assert.Equal("FileNameNotSupported", quoted.ErrorId);
        Assert.Equal("FileNameTooLong", longName.ErrorId);
        Assert.Contains("256 characters", longName.Message);
        Assert.Equal("FileTooLarge", tooLarge.ErrorId);
        Assert.Contains(huge, tooLarge.Message);
        Assert.Contains("1,073,741,825 bytes", tooLarge.Message);
        Assert.Equal("FileTooLarge", tooLargeStream.ErrorId);
        Assert.Equal(0, lab.Emulator.Requests.Count);
        // Exactly 255 characters is fine.
        await client.Transfers.UploadRawAsync(TransferFiles.UploadCall(),
            new OctetStreamUpload(UploadFile.FromPath(path, new string('ä', 251) + ".txt")) { Memsource = TransferFiles.Metadata }, null, default);
        Assert.Equal(new string('ä', 251) + ".txt", Assert.Single(lab.Emulator.Data.Transfers.Uploads).File.FileName);
        ledger.BadInput("upload file name of 256 characters");
        ledger.BadInput("upload of 1 GB + 1 byte (file)");
        ledger.BadInput("upload of 1 GB + 1 byte (stream)");
        ledger.BadInput("multipart file name with a double quote");
    }
}
