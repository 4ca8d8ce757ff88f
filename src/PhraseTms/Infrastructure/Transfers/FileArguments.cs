namespace PhraseTms.Infrastructure;

/// <summary>
/// Where a generated upload cmdlet's file(s) come from: <c>-Path</c> (files on disk, PowerShell paths taken
/// literally; <c>-RelativeTo</c> turns each file's folder below a root into a Memsource field) or <c>-InputStream</c>
/// with <c>-FileName</c>. Built by the generated line, read by the transfer helpers of <see cref="PhraseTmsApiCmdlet"/>.
/// </summary>
public sealed class FileSource
{
    private FileSource() { }

    internal string[]? Paths { get; private init; }
    internal string? RelativeTo { get; private init; }
    internal string? RelativeField { get; private init; }
    internal System.IO.Stream? Stream { get; private init; }
    internal string? FileName { get; private init; }

    /// <summary>-Path (and -RelativeTo, setting the Memsource field <paramref name="relativeField"/>).</summary>
    public static FileSource Files(string[]? path, string? relativeTo = null, string? relativeField = null) =>
        new() { Paths = path ?? [], RelativeTo = relativeTo, RelativeField = relativeField };

    /// <summary>-InputStream with -FileName (the name sent in Content-Disposition).</summary>
    public static FileSource FromStream(System.IO.Stream? stream, string? fileName) => new() { Stream = stream, FileName = fileName };
}

/// <summary>How the body of an upload is sent: the file as the whole body, or multipart with named file parts.</summary>
public sealed class UploadShape
{
    private UploadShape(string? filePart, bool manyFiles)
    {
        FilePart = filePart;
        ManyFiles = manyFiles;
    }

    /// <summary>application/octet-stream, Content-Disposition: filename*=UTF-8''… (one file per request).</summary>
    public static UploadShape OctetStream { get; } = new(null, false);

    /// <summary>multipart/form-data: the file(s) in the part <paramref name="filePart"/>; <paramref name="manyFiles"/>: every -Path in one request.</summary>
    public static UploadShape Multipart(string filePart, bool manyFiles = false) => new(filePart, manyFiles);

    internal string? FilePart { get; }
    internal bool ManyFiles { get; }
}

/// <summary>-OutFile, -Force and -PassThru of a generated download cmdlet.</summary>
public sealed class OutFileTarget
{
    private OutFileTarget(string? path, bool force, bool passThru)
    {
        Path = path;
        Force = force;
        PassThru = passThru;
    }

    public static OutFileTarget To(string? outFile, bool force, bool passThru) => new(outFile, force, passThru);

    internal string? Path { get; }
    internal bool Force { get; }
    internal bool PassThru { get; }
}
