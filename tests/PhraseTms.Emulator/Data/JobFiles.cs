using System.Security.Cryptography;
using System.Text;

namespace PhraseTms.Emulator;

/// <summary>The source file of an uploaded job: name, path (the Memsource header's <c>path</c>), size, SHA-256 and, up to
/// <see cref="JobFiles.MaxKeptBytes"/>, the bytes themselves (larger uploads are counted and hashed only).</summary>
public sealed record JobSourceFile(string FileName, string? Path, long Length, string Sha256, byte[]? Bytes);

/// <summary>What the job file routes serve: the source (GET …/original) and the target (downloadTargetFile) of a job.
/// Deterministic: the target is the source prefixed by one line naming the target language.</summary>
public static class JobFiles
{
    /// <summary>Uploads whose request announces at most this size (Content-Length) are kept in memory; larger ones (the
    /// benchmark's 1 GiB) are counted and hashed only.</summary>
    public const long MaxKeptBytes = 16L * 1024 * 1024;

    /// <summary>Without a Content-Length an upload is kept while it stays within this size.</summary>
    public const long MaxKeptUnannouncedBytes = 1024 * 1024;

    /// <summary>Lines of a generated source at most.</summary>
    public const int MaxGeneratedLines = 1000;

    /// <summary>The source bytes of a job: the uploaded ones, or (a seeded job, an upload too large to keep) a generated text:
    /// a title line, then one line per 12 words (at most <see cref="MaxGeneratedLines"/>).</summary>
    public static byte[] Source(OrgJob job)
    {
        if (job.SourceFile?.Bytes is { } kept) return kept;
        var text = new StringBuilder();
        text.Append(job.Filename).Append(" (").Append(job.SourceLang).Append(")\n");
        for (var segment = 1; segment <= Math.Clamp(job.WordsCount / 12, 1, MaxGeneratedLines); segment++)
            text.Append("Segment ").Append(segment).Append(" of ").Append(job.Filename).Append(": the quick brown fox jumps.\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The first line of a target file: <c>[target: de]</c> and a line feed.</summary>
    public static string TargetHeader(string targetLang) => $"[target: {targetLang}]\n";

    /// <summary>The target file: <see cref="TargetHeader"/> (UTF-8) followed by the source bytes.</summary>
    public static byte[] Target(byte[] source, string targetLang) => [.. Encoding.UTF8.GetBytes(TargetHeader(targetLang)), .. source];

    public static byte[] Target(OrgJob job) => Target(Source(job), job.TargetLang);

    /// <summary>Word count of an uploaded file, derived from its size: one word per 6 bytes, at least 1.</summary>
    public static int WordsFromSize(long bytes) => (int)Math.Clamp((bytes + 5) / 6, 1, int.MaxValue);

    public static string Sha256(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();
}
