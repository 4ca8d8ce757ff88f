using System.Diagnostics;
using System.Net.Sockets;
using PhraseTms.Client.Auth;
using PhraseTms.Client.Errors;
using PhraseTms.Client.Serialization;
using RestSharp;

namespace PhraseTms.Client.Http;

/// <summary>
/// The one HTTP pipeline every call goes through: base URI, Authorization header, retries and throttling
/// (<see cref="RetryPolicy"/>), re-login on 401, error mapping and the request log. Nothing else sends HTTP.
/// </summary>
public sealed class ApiPipeline : IDisposable
{
    private readonly RestClient _rest;
    private readonly Uri _base;
    private readonly PhraseTmsClientOptions _options;
    private readonly PhraseAuthenticator _auth;
    private readonly RetryPolicy _retry;

    public ApiPipeline(PhraseTmsClientOptions options, PhraseAuthenticator auth)
    {
        _options = options;
        _auth = auth;
        _base = Connection.Endpoint.Normalize(options.BaseUri);
        _retry = new RetryPolicy(options.MaxRetries, options.MaxRetryWait)
        {
            BaseDelay = options.RetryBaseDelay,
            ConcurrencyCapDelay = options.ConcurrencyCapDelay,
        };
        var restOptions = new RestClientOptions(_base)
        {
            ThrowOnAnyError = false,
            FollowRedirects = false,
            Timeout = options.RequestTimeout,
            UserAgent = options.UserAgent,
            ConfigureMessageHandler = h => options.ConfigureHandler?.Invoke(h) ?? h,
        };
        _rest = new RestClient(restOptions, configureSerialization: s => s.UseSerializer(() => new NewtonsoftRestSerializer()));
    }

    /// <summary>The current operation's log (see <see cref="ClientLogContext"/>), else the client's.</summary>
    public IClientLog Log => ClientLogContext.Current ?? _options.Log;

    public Uri BaseUri => _base;

    public PhraseAuthenticator Authenticator => _auth;

    /// <summary>Sends the call and reads its JSON answer as <typeparamref name="T"/>.</summary>
    public async Task<T> SendAsync<T>(ApiCall call, CancellationToken ct)
    {
        var response = await SendRawAsync(call, ct).ConfigureAwait(false);
        return response.ReadJson<T>();
    }

    /// <summary>Sends the call; returns the successful answer or throws a <see cref="PhraseTmsException"/>.</summary>
    public async Task<ApiResponse> SendRawAsync(ApiCall call, CancellationToken ct)
    {
        var info = call.Info;
        var retries = 0;
        var waited = TimeSpan.Zero;
        var reauthenticated = false;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            AuthHeader? header = call.Anonymous ? null : await _auth.GetHeaderAsync(this, ct).ConfigureAwait(false);
            var request = Build(call, header);
            var watch = Stopwatch.StartNew();
            var response = await _rest.ExecuteAsync(request, ct).ConfigureAwait(false);
            watch.Stop();
            ct.ThrowIfCancellationRequested();

            AttemptOutcome outcome;
            if (response.ResponseStatus is ResponseStatus.Completed || (int)response.StatusCode > 0)
            {
                var status = (int)response.StatusCode;
                Log.Verbose($"{info} → {status} in {watch.ElapsedMilliseconds} ms{SizeOf(response)}");
                if (status is >= 200 and < 300)
                    return new ApiResponse(info, status, response.ContentType, response.RawBytes ?? [], watch.Elapsed);

                if (status == 401 && header is { } rejected && _auth.CanRenew && !reauthenticated)
                {
                    reauthenticated = true;
                    await _auth.RenewAsync(this, rejected, ct).ConfigureAwait(false);
                    continue;
                }
                outcome = AttemptOutcome.Status(status, HeadersOf(response));
                var decision = _retry.Decide(call, outcome, retries, waited, _options.Time.GetUtcNow());
                if (!decision.Retry)
                    throw Failed(call, response, decision, retries);
                await WaitAsync(info, decision, retries, ct).ConfigureAwait(false);
                waited += decision.Delay;
            }
            else
            {
                var timedOut = response.ResponseStatus == ResponseStatus.TimedOut;
                Log.Verbose($"{info} → {(timedOut ? "timed out" : "failed")} after {watch.ElapsedMilliseconds} ms: {Describe(response.ErrorException)}");
                outcome = AttemptOutcome.Transport(timedOut);
                var decision = _retry.Decide(call, outcome, retries, waited, _options.Time.GetUtcNow());
                if (!decision.Retry)
                    throw TransportFailed(call, response, timedOut, decision, retries);
                await WaitAsync(info, decision, retries, ct).ConfigureAwait(false);
                waited += decision.Delay;
            }
            retries++;
        }
    }

    private async Task WaitAsync(RequestInfo info, RetryDecision decision, int retries, CancellationToken ct)
    {
        Log.Verbose($"{info}: {decision.Reason}; retry {retries + 1} of {_options.MaxRetries} in {decision.Delay.TotalSeconds:0.##} s.");
        await Task.Delay(decision.Delay, _options.Time, ct).ConfigureAwait(false);
    }

    private RestRequest Build(ApiCall call, AuthHeader? header)
    {
        var request = new RestRequest(new Uri(_base, call.PathAndQuery.TrimStart('/')), ToRestMethod(call.Method));
        if (call.Timeout is { } timeout) request.Timeout = timeout;
        if (header is { } h) request.AddHeader("Authorization", h.Reveal());
        switch (call.BodyFactory?.Invoke())
        {
            case null: break;
            case JsonText text: request.AddStringBody(text.Json, ContentType.Json); break;
            case var body: request.AddJsonBody(body); break;
        }
        return request;
    }

    private static Method ToRestMethod(HttpMethod method) => method.Method switch
    {
        "GET" => Method.Get,
        "POST" => Method.Post,
        "PUT" => Method.Put,
        "PATCH" => Method.Patch,
        "DELETE" => Method.Delete,
        "HEAD" => Method.Head,
        _ => throw new ArgumentOutOfRangeException(nameof(method), method.Method, "Unsupported HTTP method."),
    };

    private static IReadOnlyDictionary<string, string> HeadersOf(RestResponse response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var h in response.Headers ?? [])
            if (h.Name is not null && h.Value is not null) headers[h.Name] = h.Value;
        foreach (var h in response.ContentHeaders ?? [])
            if (h.Name is not null && h.Value is not null) headers[h.Name] = h.Value;
        return headers;
    }

    private static PhraseTmsApiException Failed(ApiCall call, RestResponse response, RetryDecision decision, int retries)
    {
        var status = (int)response.StatusCode;
        var error = ErrorResponseParser.FromResponse(call.Info, status, response.ContentType, response.RawBytes ?? []);
        // A 5xx to a POST: the server may have acted on it before failing; it was not re-sent.
        var mayHaveReached = !call.IsIdempotent && status >= 500;
        if (!decision.GaveUp && !mayHaveReached) return error;
        var message = error.Message;
        if (decision.GaveUp) message += $" ({decision.Reason})";
        if (mayHaveReached)
            message += $" The {call.Method} may have reached Phrase TMS and was NOT re-sent: check whether it took effect before running it again.";
        return new PhraseTmsApiException(error.Kind, error.ErrorId, message, call.Info, error.StatusCode, error.ErrorCode, error.ErrorDescription)
        {
            MayHaveReachedServer = mayHaveReached,
            RecommendedAction = mayHaveReached ? "Check in Phrase TMS whether the request took effect before sending it again." : error.RecommendedAction,
        };
    }

    private static PhraseTmsApiException TransportFailed(ApiCall call, RestResponse response, bool timedOut, RetryDecision decision, int retries)
    {
        var ex = response.ErrorException;
        var neverSent = !timedOut && IsConnectFailure(ex);
        var mayHaveReached = !call.IsIdempotent && !neverSent;
        var what = timedOut ? "timed out" : neverSent ? "could not connect" : "failed: the connection broke";
        var message = $"{call.Info} {what} ({Describe(ex)}).";
        if (retries > 0) message += $" {retries} retr{(retries == 1 ? "y" : "ies")} made.";
        if (mayHaveReached)
            message += $" The {call.Method} may have reached Phrase TMS and was NOT re-sent: check whether it took effect before running it again.";
        return new PhraseTmsApiException(timedOut ? PhraseErrorKind.Timeout : PhraseErrorKind.Connection,
            timedOut ? "RequestTimeout" : "ConnectionFailed", message, call.Info, 0, null, null, ex)
        {
            MayHaveReachedServer = mayHaveReached,
            RecommendedAction = mayHaveReached ? "Check in Phrase TMS whether the request took effect before sending it again." : null,
        };
    }

    private static bool IsConnectFailure(Exception? ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
            if (e is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NoData or SocketError.HostUnreachable or SocketError.NetworkUnreachable })
                return true;
        return false;
    }

    private static string Describe(Exception? ex)
    {
        if (ex is null) return "no answer";
        var innermost = ex;
        while (innermost.InnerException is not null) innermost = innermost.InnerException;
        return innermost == ex ? ex.Message : $"{ex.Message} {innermost.Message}";
    }

    private static string SizeOf(RestResponse response) =>
        response.RawBytes is { Length: > 0 } b ? $", {b.Length / 1024.0:0.#} KB" : "";

    public void Dispose() => _rest.Dispose();
}
