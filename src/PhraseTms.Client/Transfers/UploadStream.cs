namespace PhraseTms.Client.Transfers;

/// <summary>
/// The stream one upload attempt reads: the caller's stream, counted for progress. Seekable when the source is, so
/// HttpClient sends a Content-Length. Disposes the source with itself (RestSharp disposes it after the attempt) unless
/// the caller owns it (<paramref name="leaveOpen"/>).
/// </summary>
internal sealed class UploadStream(Stream source, ProgressReporter progress, UploadFile file, bool leaveOpen) : Stream
{
    private long _read;

    public override bool CanRead => true;
    public override bool CanSeek => source.CanSeek;
    public override bool CanWrite => false;
    public override long Length => source.Length;

    public override long Position
    {
        get => source.Position;
        set => source.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => Counted(source.Read(buffer, offset, count));

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Counted(await source.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false));

    private int Counted(int read)
    {
        if (read == 0)
        {
            progress.Complete(_read);
            return 0;
        }
        _read += read;
        if (_read > UploadFile.MaxBytes)
            throw new IOException($"{file.Describe()} grew past Phrase's 1 GB per request while it was being sent; the upload was stopped.");
        progress.Report(_read);
        return read;
    }

    /// <summary>HttpClient's StreamContent copies with this: the source's own (optimised) copy, counted on the way.</summary>
    public override Task CopyToAsync(Stream destination, int bufferSize, CancellationToken cancellationToken) =>
        CopyCountedAsync(destination, bufferSize, cancellationToken);

    private async Task CopyCountedAsync(Stream destination, int bufferSize, CancellationToken ct)
    {
        await source.CopyToAsync(new CountingWriteStream(destination, n => Counted(n)), bufferSize, ct).ConfigureAwait(false);
        Counted(0);
    }

    public override long Seek(long offset, SeekOrigin origin) => source.Seek(offset, origin);
    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen) source.Dispose();
        base.Dispose(disposing);
    }
}
