namespace PhraseTms.Client.Transfers;

/// <summary>
/// A write-only view of <paramref name="inner"/> that tells <paramref name="written"/> how much went through, so a
/// transfer can use the source's own CopyToAsync (HttpClient's and FileStream's are optimised: fewer, larger writes)
/// and still count bytes. <paramref name="failed"/> maps an exception of the inner stream (null: rethrown as is).
/// Does not own <paramref name="inner"/>.
/// </summary>
internal sealed class CountingWriteStream(Stream inner, Action<int> written, Func<Exception, Exception?>? failed = null) : Stream
{
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count)
    {
        try { inner.Write(buffer, offset, count); }
        catch (Exception ex) when (failed?.Invoke(ex) is { } mapped) { throw mapped; }
        written(count);
    }

    public override async Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        try { await inner.WriteAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false); }
        catch (Exception ex) when (failed?.Invoke(ex) is { } mapped) { throw mapped; }
        written(count);
    }

    public override void Flush() => inner.Flush();
    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
