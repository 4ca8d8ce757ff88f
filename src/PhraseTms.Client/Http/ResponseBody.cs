using System.Buffers;
using RestSharp;
using RestSharp.Interceptors;

namespace PhraseTms.Client.Http;

/// <summary>
/// The body of one answer, read by the pipeline rather than by RestSharp (which would copy it several times and decode
/// it into a string): straight from the connection into a pooled buffer, so a page of 1000 items allocates no large
/// array and listing a million items keeps memory flat. Valid until disposed, which clears the buffer (it may hold a
/// token from a login answer) and returns it to the pool.
/// <para>
/// Why this shape: RestSharp 114 has no asynchronous hook that hands over the body unread (<c>ResponseWriter</c> and
/// <c>AdvancedResponseWriter</c> are synchronous and the message is disposed when <c>ExecuteAsync</c> returns;
/// <c>DownloadStreamAsync</c> drops the status and headers that retrying and error mapping need). Its supported
/// <see cref="Interceptor.AfterHttpRequest"/> hook runs, asynchronously, once the headers have arrived (the request
/// asks for <see cref="HttpCompletionOption.ResponseHeadersRead"/>) and before RestSharp reads the content: the body is
/// read there, and RestSharp then finds the stream at its end and keeps only the status and headers. A connection
/// that breaks or stalls mid-body throws out of <c>ExecuteAsync</c>, where the pipeline treats it as the transport
/// failure it is.
/// </para>
/// </summary>
internal sealed class ResponseBody : Interceptor, IDisposable
{
    private readonly TimeSpan _timeout;
    private readonly System.Diagnostics.Stopwatch _sent = System.Diagnostics.Stopwatch.StartNew();
    private byte[] _buffer = [];
    private bool _wipeAll;

    /// <param name="timeout">How long the whole attempt may take, counted from now (the request is sent right after).</param>
    public ResponseBody(TimeSpan timeout) => _timeout = timeout;

    public int Length { get; private set; }

    /// <summary>
    /// Where the body of a successful answer goes instead of the pooled buffer: the one place binary downloads leave
    /// this path (streamed to a file or stream by <see cref="Transfers.DownloadSink"/>, never buffered whole nor
    /// decoded). Error answers are still read here, for error mapping.
    /// </summary>
    public IResponseSink? Sink { get; init; }

    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, Length);

    /// <summary>Makes <paramref name="request"/> hand its answer's body to this reader.</summary>
    public RestRequest Attach(RestRequest request)
    {
        request.CompletionOption = HttpCompletionOption.ResponseHeadersRead;
        request.Interceptors = [this];
        return request;
    }

    /// <summary>
    /// Reads the body. A broken connection surfaces as <see cref="IOException"/>, a stall past the timeout as
    /// <see cref="TimeoutException"/>; the caller's cancellation as itself.
    /// </summary>
    public override async ValueTask AfterHttpRequest(HttpResponseMessage responseMessage, CancellationToken cancellationToken)
    {
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var left = _timeout - _sent.Elapsed;
        stall.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1));
        try
        {
            if (Sink is not null && responseMessage.IsSuccessStatusCode)
                await Sink.ReceiveAsync(responseMessage, stall.Token).ConfigureAwait(false);
            else
                await ReadAllAsync(responseMessage.Content, stall.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            responseMessage.Dispose();
            throw new TimeoutException($"The body was not received within {_timeout.TotalSeconds:0.#} s.", ex);
        }
        catch
        {
            responseMessage.Dispose();
            throw;
        }
    }

    private async Task ReadAllAsync(HttpContent content, CancellationToken ct)
    {
        var expected = content.Headers.ContentLength;
        if (expected == 0) return;
        var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        _buffer = ArrayPool<byte>.Shared.Rent(expected is > 0 and < int.MaxValue ? (int)expected.Value : 16 * 1024);
        while (Length != expected)
        {
            if (Length == _buffer.Length) Grow();
            int read;
            try
            {
                read = await stream.ReadAsync(_buffer, Length, _buffer.Length - Length, ct).ConfigureAwait(false);
            }
            catch
            {
                _wipeAll = true; // a read that failed may have written past Length
                throw;
            }
            if (read == 0) break;
            Length += read;
        }
    }

    private void Grow()
    {
        var larger = ArrayPool<byte>.Shared.Rent(checked(_buffer.Length * 2));
        _buffer.AsSpan(0, Length).CopyTo(larger);
        Release(_buffer, Length, false);
        _buffer = larger;
    }

    public void Dispose()
    {
        if (_buffer.Length > 0) Release(_buffer, Length, _wipeAll);
        _buffer = [];
        Length = 0;
        _wipeAll = false;
    }

    // A body may hold secrets (a login's token): its bytes are wiped before the buffer goes back to the pool. Only
    // the part written is (the pool hands out arrays up to twice the size asked for).
    internal static void Release(byte[] buffer, int written, bool wipeAll)
    {
        buffer.AsSpan(0, wipeAll ? buffer.Length : written).Clear();
        ArrayPool<byte>.Shared.Return(buffer);
    }
}

/// <summary>Receives the body of a successful answer, once per attempt (see <see cref="ResponseBody.Sink"/>).</summary>
internal interface IResponseSink
{
    /// <summary>Reads the whole body. A broken connection throws <see cref="IOException"/> (the attempt failed and may be retried).</summary>
    Task ReceiveAsync(HttpResponseMessage response, CancellationToken ct);
}
