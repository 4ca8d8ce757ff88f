using System.Buffers;
using RestSharp;

namespace PhraseTms.Client.Http;

/// <summary>
/// The body of one answer, read by the pipeline rather than by RestSharp (which would copy it several times and decode
/// it into a string): straight from the connection into a pooled buffer, so a page of 1000 items allocates no large
/// array and listing a million items keeps memory flat. Valid until disposed, which clears the buffer (it may hold a
/// token from a login answer) and returns it to the pool.
/// </summary>
internal sealed class ResponseBody : IDisposable
{
    private HttpContent? _content;
    private byte[] _buffer = [];

    public int Length { get; private set; }

    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, Length);

    /// <summary>Makes RestSharp hand over the answer's content, unread: it keeps the headers and reads an empty body.</summary>
    public RestRequest Attach(RestRequest request)
    {
        request.CompletionOption = HttpCompletionOption.ResponseHeadersRead;
        // OnAfterRequest is marked obsolete in favour of interceptors, but it is the one hook that sees the
        // HttpResponseMessage before RestSharp buffers its content; it is still supported in RestSharp 114.
#pragma warning disable CS0618
        request.OnAfterRequest = message =>
        {
            _content = message.Content;
            var headersOnly = new ByteArrayContent([]);
            foreach (var header in _content.Headers) headersOnly.Headers.TryAddWithoutValidation(header.Key, header.Value);
            message.Content = headersOnly;
            return default;
        };
#pragma warning restore CS0618
        return request;
    }

    /// <summary>
    /// Reads the body handed over for <paramref name="response"/>. A connection that breaks or stalls past
    /// <paramref name="timeout"/> mid-body turns the response into the transport failure RestSharp would have reported.
    /// An error answer's body is also put in <c>RestResponse.RawBytes</c> for error mapping.
    /// </summary>
    public async Task ReadAsync(RestResponse response, TimeSpan timeout, CancellationToken ct)
    {
        if (_content is not { } content) return;
        _content = null;
        if ((int)response.StatusCode == 0)
        {
            content.Dispose();
            return;
        }
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stall.CancelAfter(timeout > TimeSpan.Zero ? timeout : TimeSpan.FromMilliseconds(1));
        try
        {
            await ReadAllAsync(content, stall.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && ex is IOException or HttpRequestException or OperationCanceledException)
        {
            var timedOut = ex is OperationCanceledException;
            response.ResponseStatus = timedOut ? ResponseStatus.TimedOut : ResponseStatus.Error;
            response.StatusCode = 0;
            response.ErrorException = timedOut ? new TimeoutException($"The body was not received within {timeout.TotalSeconds:0.#} s.", ex) : ex;
            response.ErrorMessage = response.ErrorException.Message;
            return;
        }
        finally
        {
            content.Dispose();
        }
        if (response.StatusCode is < System.Net.HttpStatusCode.OK or >= System.Net.HttpStatusCode.MultipleChoices)
            response.RawBytes = Memory.ToArray();
    }

    private async Task ReadAllAsync(HttpContent content, CancellationToken ct)
    {
        var expected = content.Headers.ContentLength;
        if (expected == 0) return;
        using var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        _buffer = ArrayPool<byte>.Shared.Rent(expected is > 0 and < int.MaxValue ? (int)expected.Value : 16 * 1024);
        while (Length != expected)
        {
            if (Length == _buffer.Length) Grow();
            var read = await stream.ReadAsync(_buffer, Length, _buffer.Length - Length, ct).ConfigureAwait(false);
            if (read == 0) break;
            Length += read;
        }
    }

    private void Grow()
    {
        var larger = ArrayPool<byte>.Shared.Rent(checked(_buffer.Length * 2));
        _buffer.AsSpan(0, Length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer, clearArray: true);
        _buffer = larger;
    }

    public void Dispose()
    {
        _content?.Dispose();
        _content = null;
        if (_buffer.Length > 0) ArrayPool<byte>.Shared.Return(_buffer, clearArray: true);
        _buffer = [];
        Length = 0;
    }
}
