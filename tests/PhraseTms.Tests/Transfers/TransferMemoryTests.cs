using PhraseTms.Client.Transfers;
using PhraseTms.Tests.Resilience;

namespace PhraseTms.Tests.Transfers;

/// <summary>Process-wide allocation counts: run alone (no other test allocating meanwhile).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TransferMemoryCollection
{
    public const string Name = "Transfer memory";
}

/// <summary>Neither an upload nor a download holds the file in memory: the process allocates far less than its size.</summary>
[Collection(TransferMemoryCollection.Name)]
public sealed class TransferMemoryTests
{
    private const long Size = 64L * 1024 * 1024;

    [Fact]
    public async Task A_64_MB_upload_and_download_allocate_far_less_than_the_file_size()
    {
        using var files = new TransferFiles();
        var (path, sha) = files.Create("big.bin", Size);
        await using var lab = await FaultLab.StartAsync();
        lab.Emulator.Data.Transfers.AddFile("bigJob00001", Size, "big.bin");
        using var client = lab.TokenClient();
        var content = new OctetStreamUpload(UploadFile.FromPath(path)) { Memsource = TransferFiles.Metadata };
        // Warm up both paths (JIT, connection, pools) with small transfers first.
        var (small, _) = files.Create("small.bin", 100_000);
        await client.Transfers.UploadRawAsync(TransferFiles.UploadCall(), new OctetStreamUpload(UploadFile.FromPath(small)) { Memsource = TransferFiles.Metadata }, null, default);
        lab.Emulator.Data.Transfers.AddFile("smallJob001", 100_000, "s.bin");
        await client.Transfers.DownloadToFileAsync(TransferFiles.OriginalCall("smallJob001"), Path.Combine(files.Folder, "s.bin"), null, default);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        await client.Transfers.UploadRawAsync(TransferFiles.UploadCall(), content, null, default);
        var upload = GC.GetTotalAllocatedBytes(precise: true) - before;

        before = GC.GetTotalAllocatedBytes(precise: true);
        var outFile = Path.Combine(files.Folder, "down.bin");
        await client.Transfers.DownloadToFileAsync(TransferFiles.OriginalCall("bigJob00001"), outFile, null, default);
        var download = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(sha, lab.Emulator.Data.Transfers.Uploads[^1].File.Sha256);
        Assert.Equal(Size, new FileInfo(outFile).Length);
        // Client and emulator together (one process): a copy of the file would be 64 MB; a few buffers are < 8 MB.
        Assert.True(upload < Size / 8, $"the 64 MB upload allocated {upload / 1048576.0:0.0} MB");
        Assert.True(download < Size / 8, $"the 64 MB download allocated {download / 1048576.0:0.0} MB");
    }
}
