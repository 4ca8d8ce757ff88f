using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace PhraseTms.Emulator;

/// <summary>What the transfer routes keep: uploads received (counted and hashed, never stored) and the synthetic files
/// the download routes serve (generated on the fly, never stored). Thread-safe.</summary>
public sealed class TransferData
{
    private readonly ConcurrentQueue<ReceivedUpload> _uploads = new();
    private readonly ConcurrentDictionary<string, SyntheticFile> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _usedAsyncRequests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _targetFileRequests = new(StringComparer.Ordinal);

    /// <summary>Uploads received by POST /api2/v1/projects/{projectUid}/jobs, in arrival order (only those read to the end).</summary>
    public IReadOnlyList<ReceivedUpload> Uploads => _uploads.ToArray();

    /// <summary>Makes GET …/jobs/{jobUid}/original (and the one-shot downloadTargetFile) serve <paramref name="length"/>
    /// deterministic bytes named <paramref name="fileName"/>.</summary>
    public SyntheticFile AddFile(string jobUid, long length, string fileName, int seed = 1)
    {
        var file = new SyntheticFile(jobUid, length, fileName, seed);
        _files[jobUid] = file;
        return file;
    }

    public SyntheticFile? FindFile(string jobUid) => _files.TryGetValue(jobUid, out var f) ? f : null;

    internal void AddUpload(ReceivedUpload upload) => _uploads.Enqueue(upload);

    /// <summary>Remembers that async request <paramref name="asyncRequestId"/> (PUT …/targetFile) prepares the target of <paramref name="jobUid"/>.</summary>
    internal void AddTargetFileRequest(string asyncRequestId, string jobUid) => _targetFileRequests[asyncRequestId] = jobUid;

    /// <summary>The job whose target file async request <paramref name="asyncRequestId"/> prepares, or null.</summary>
    public string? TargetFileJob(string asyncRequestId) => _targetFileRequests.TryGetValue(asyncRequestId, out var j) ? j : null;

    /// <summary>Marks a one-shot async request id as used; false when it already was.</summary>
    internal bool UseAsyncRequest(string id) => _usedAsyncRequests.TryAdd(id, true);
}

/// <summary>One upload as received: the headers that matter and, per file, the byte count and SHA-256.</summary>
public sealed record ReceivedUpload(string ProjectUid, string ContentType, string? ContentDisposition, string? Memsource,
    IReadOnlyList<ReceivedPart> Parts)
{
    /// <summary>The (first) file part: the body itself for an octet-stream upload.</summary>
    public ReceivedPart File => Parts.First(p => p.FileName is not null);
}

/// <summary>A part of an upload (the whole body for octet-stream): a file (bytes counted, SHA-256 kept) or a text value.</summary>
public sealed record ReceivedPart(string? Name, string? FileName, string? ContentType, long Bytes, string? Sha256, string? Text)
{
    /// <summary>The file's bytes when at most <see cref="JobFiles.MaxKeptBytes"/>, else null (counted and hashed only).</summary>
    public byte[]? Content { get; init; }
}

/// <summary>A file served by the download routes: <see cref="Length"/> bytes generated from <see cref="Seed"/> in 64 KB
/// blocks (a fixed pseudo-random block, each 8-byte word XORed with a function of the block index), never stored.</summary>
public sealed class SyntheticFile
{
    public const int BlockSize = 64 * 1024;
    private readonly ulong[] _pattern = new ulong[BlockSize / 8];
    private readonly Lazy<string> _sha256;

    internal SyntheticFile(string jobUid, long length, string fileName, int seed)
    {
        JobUid = jobUid;
        Length = length;
        FileName = fileName;
        Seed = seed;
        var state = (ulong)seed * 0x9E3779B97F4A7C15UL + 1;
        for (var i = 0; i < _pattern.Length; i++)
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            _pattern[i] = z ^ (z >> 31);
        }
        _sha256 = new Lazy<string>(ComputeSha256);
    }

    public string JobUid { get; }
    public long Length { get; }
    public string FileName { get; }
    public int Seed { get; }

    /// <summary>SHA-256 of the whole content, lower-case hex (computed once, by generating it).</summary>
    public string Sha256 => _sha256.Value;

    /// <summary>Writes block <paramref name="index"/> (64 KB) into <paramref name="block"/>.</summary>
    public void FillBlock(long index, byte[] block)
    {
        var words = MemoryMarshal.Cast<byte, ulong>(block.AsSpan(0, BlockSize));
        var salt = (ulong)(index + 1) * 0xD6E8FEB86659FD93UL;
        for (var i = 0; i < words.Length; i++) words[i] = _pattern[i] ^ salt;
    }

    /// <summary>The whole content, block by block (the last one cut to the length).</summary>
    public async Task WriteToAsync(Stream destination, CancellationToken ct)
    {
        var block = new byte[BlockSize];
        for (long offset = 0, index = 0; offset < Length; offset += BlockSize, index++)
        {
            FillBlock(index, block);
            await destination.WriteAsync(block.AsMemory(0, (int)Math.Min(BlockSize, Length - offset)), ct);
        }
    }

    private string ComputeSha256()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var block = new byte[BlockSize];
        for (long offset = 0, index = 0; offset < Length; offset += BlockSize, index++)
        {
            FillBlock(index, block);
            hash.AppendData(block, 0, (int)Math.Min(BlockSize, Length - offset));
        }
        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }
}
