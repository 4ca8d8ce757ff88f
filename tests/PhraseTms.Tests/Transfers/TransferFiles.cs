using System.Security.Cryptography;
using PhraseTms.Client.Http;
using PhraseTms.Emulator;

namespace PhraseTms.Tests.Transfers;

/// <summary>A temporary folder of test files (deleted at the end) and the calls the transfer tests send.</summary>
public sealed class TransferFiles : IDisposable
{
    public const string Project = SeedIds.DemoProject;

    public TransferFiles() => Directory.CreateDirectory(Folder);

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "phrasetms-xfer-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>Writes <paramref name="size"/> seeded random bytes; returns the path and their SHA-256 (lower-case hex).</summary>
    public (string Path, string Sha256) Create(string name, long size, int seed = 7)
    {
        var path = Path.Combine(Folder, name);
        var random = new Random(seed);
        var buffer = new byte[1024 * 1024];
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var file = File.Create(path))
        {
            for (long left = size; left > 0; left -= buffer.Length)
            {
                random.NextBytes(buffer);
                var n = (int)Math.Min(buffer.Length, left);
                file.Write(buffer, 0, n);
                hash.AppendData(buffer, 0, n);
            }
        }
        return (path, Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant());
    }

    public static string Sha256(string path)
    {
        using var file = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(file)).ToLowerInvariant();
    }

    /// <summary>Files in the folder other than the test's own inputs (e.g. a .partial left behind).</summary>
    public string[] Entries() => Directory.GetFiles(Folder).Select(Path.GetFileName).ToArray()!;

    /// <summary>POST /api2/v1/projects/{project}/jobs (create job from an uploaded file).</summary>
    public static ApiCall UploadCall(string project = Project) => new(HttpMethod.Post, $"api2/v1/projects/{project}/jobs");

    /// <summary>GET …/jobs/{jobUid}/original.</summary>
    public static ApiCall OriginalCall(string jobUid, string project = Project) => new(HttpMethod.Get, $"api2/v1/projects/{project}/jobs/{jobUid}/original");

    /// <summary>GET …/jobs/{jobUid}/downloadTargetFile/{asyncRequestId}, marked one-shot.</summary>
    public static ApiCall TargetFileCall(string jobUid, string asyncRequestId, string project = Project) =>
        new(HttpMethod.Get, $"api2/v2/projects/{project}/jobs/{jobUid}/downloadTargetFile/{asyncRequestId}") { OneShot = true };

    public static object Metadata => new { targetLangs = new[] { "de", "fr" } };

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
