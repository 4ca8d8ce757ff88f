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
        // Bodies are serialised with PhraseJson and answers read by ResponseBody, so RestSharp's serializers are never used.
        _rest = new RestClient(restOptions);
        _rest.AddDefaultHeader(KnownHeaders.Accept, ContentType.Json);
    }

    /// <summary>The client's log (<see cref="PhraseTmsClientOptions.Log"/>).</summary>
    public IClientLog Log => _options.Log;

    public Uri BaseUri => _base;

    /// <summary>Sends the call and reads its JSON answer as <typeparamref name="T"/> (from the body buffer, no copy).</summary>
    public Task<T> SendAsync<T>(ApiCall call, CancellationToken ct) => SendAsync(call, static r => r.ReadJson<T>(), ct);

    /// <summary>Sends the call; returns the successful answer or throws a <see cref="PhraseTmsException"/>.</summary>
    public Task<ApiResponse> SendRawAsync(ApiCall call, CancellationToken ct) => SendAsync(call, static r => r.Detach(), ct);

    /// <summary>
    /// Sends the call until an attempt succeeds or the retry policy stops; <paramref name="read"/> reads the successful
    /// answer while its pooled body is valid. A 401 with renewable credentials logs in again once and repeats the call.
    /// </summary>
    private async Task<TResult> SendAsync<TResult>(ApiCall call, Func<ApiResponse, TResult> read, CancellationToken ct)
    {
        var retries = 0;
        var waited = TimeSpan.Zero;
        var renewed = false;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            // Calls outside the TMS API (the identity service) never carry the TMS token, and never ask for one: a token
            // exchange runs inside the authenticator's renewal.
            AuthHeader? header = call.Anonymous || call.AbsoluteUri is not null ? null : await _auth.GetHeaderAsync(this, ct).ConfigureAwait(false);
            using var attempt = await AttemptAsync(call, header, ct).ConfigureAwait(false);
            if (attempt.Succeeded)
                return read(new ApiResponse(call.Info, attempt.Outcome.StatusCode, attempt.ContentType, attempt.Body.Memory, attempt.Elapsed));
            if (attempt.Outcome.StatusCode == 401 && header is { } rejected && _auth.CanRenew && !renewed)
            {
                renewed = true;
                await _auth.RenewAsync(this, rejected, ct).ConfigureAwait(false);
                continue;
            }
            var decision = _retry.Decide(call, attempt.Outcome, retries, waited, _options.Time.GetUtcNow());
            if (!decision.Retry) throw Failed(call, attempt, decision, retries);
            Log.Verbose($"{call.Info}: {decision.Reason}; retry {retries + 1} of {_options.MaxRetries} in {decision.Delay.TotalSeconds:0.##} s.");
            await Task.Delay(decision.Delay, _options.Time, ct).ConfigureAwait(false);
            waited += decision.Delay;
            retries++;
        }
    }

    /// <summary>One attempt: the request sent once, its answer read in full, or the transport failure that stopped it.</summary>
    private async Task<Attempt> AttemptAsync(ApiCall call, AuthHeader? header, CancellationToken ct)
    {
        var timeout = call.AttemptTimeout ?? _options.RequestTimeout;
        var watch = Stopwatch.StartNew();
        var body = new ResponseBody(timeout) { Sink = call.Transfer?.Sink };
        try
        {
            RestResponse response;
            try
            {
                response = await _rest.ExecuteAsync(body.Attach(Build(call, header)), ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested && ex is IOException or HttpRequestException or TimeoutException)
            {
                // The body broke off or stalled after the headers (thrown by ResponseBody).
                response = new RestResponse(new RestRequest()) { ResponseStatus = ex is TimeoutException ? ResponseStatus.TimedOut : ResponseStatus.Error, ErrorException = ex };
            }
            ct.ThrowIfCancellationRequested();
            var attempt = new Attempt(body, response, watch.Elapsed);
            Log.Verbose(attempt.Outcome.TransportFailure
                ? $"{call.Info} → {(attempt.Outcome.TimedOut ? "timed out" : "failed")} after {watch.ElapsedMilliseconds} ms: {Describe(attempt.Error)}"
                : $"{call.Info} → {attempt.Outcome.StatusCode} in {watch.ElapsedMilliseconds} ms{(body.Length > 0 ? $", {body.Length / 1024.0:0.#} KB" : "")}");
            return attempt;
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    private RestRequest Build(ApiCall call, AuthHeader? header)
    {
        var uri = call.AbsoluteUri is null ? new Uri(_base, call.PathAndQuery.TrimStart('/')) : new Uri(call.PathAndQuery);
        var request = new RestRequest(uri, ApiMethods.ToRest(call.Method));
        if (call.AttemptTimeout is { } timeout) request.Timeout = timeout;
        if (header is { } h) request.AddHeader(KnownHeaders.Authorization, h.Reveal());
        switch (call.BodyFactory?.Invoke())
        {
            case null: break;
            case JsonText text: request.AddStringBody(text.Json, ContentType.Json); break;
            case FormFields form: request.AddStringBody(form.Encode(), ContentType.FormUrlEncoded); break;
            case Transfers.UploadContent upload: upload.ApplyTo(request); break; // streamed: files opened per attempt
            case var body: request.AddStringBody(PhraseJson.Serialize(body), ContentType.Json); break;
        }
        return request;
    }

    /// <summary>The error of the attempt the retry policy stopped at.</summary>
    private static PhraseTmsApiException Failed(ApiCall call, Attempt attempt, RetryDecision decision, int retries)
    {
        PhraseTmsApiException error;
        var mayHaveReached = false;
        if (attempt.Outcome.TransportFailure)
        {
            var timedOut = attempt.Outcome.TimedOut;
            var neverSent = !timedOut && IsConnectFailure(attempt.Error);
            mayHaveReached = !call.IsIdempotent && !neverSent;
            var what = timedOut ? "timed out" : neverSent ? "could not connect" : "failed: the connection broke";
            var message = $"{call.Info} {what} ({Describe(attempt.Error)}).";
            if (retries > 0) message += $" {retries} retr{(retries == 1 ? "y" : "ies")} made.";
            error = new PhraseTmsApiException(timedOut ? PhraseErrorKind.Timeout : PhraseErrorKind.Connection,
                timedOut ? "RequestTimeout" : "ConnectionFailed", message, call.Info, 0, null, null, attempt.Error);
        }
        else
        {
            var status = attempt.Outcome.StatusCode;
            error = ErrorResponseParser.FromResponse(call.Info, status, attempt.ContentType, attempt.Body.Memory.Span);
            // A 5xx to a POST: the server may have acted on it before failing; it was not re-sent.
            mayHaveReached = !call.IsIdempotent && status >= 500;
            if (decision.GaveUp)
                error = new PhraseTmsApiException(error.Kind, error.ErrorId, $"{error.Message} ({decision.Reason})", call.Info,
                    error.StatusCode, error.ErrorCode, error.ErrorDescription) { RecommendedAction = error.RecommendedAction };
        }
        if (!mayHaveReached) return error;
        if (call.OneShot) return Transfers.TransferState.OneShotFailed(call, error);
        return new PhraseTmsApiException(error.Kind, error.ErrorId,
            $"{error.Message} The {call.Method}{call.Transfer?.Subject} may have reached Phrase TMS and was NOT re-sent: check whether it took effect before running it again.",
            call.Info, error.StatusCode, error.ErrorCode, error.ErrorDescription, error.InnerException)
        {
            MayHaveReachedServer = true,
            RecommendedAction = "Check in Phrase TMS whether the request took effect before sending it again.",
        };
    }

    /// <summary>What one attempt got: its outcome for the retry policy, and the answer's body while it is valid.</summary>
    private sealed class Attempt : IDisposable
    {
        public Attempt(ResponseBody body, RestResponse response, TimeSpan elapsed)
        {
            Body = body;
            Elapsed = elapsed;
            ContentType = response.ContentType;
            var status = (int)response.StatusCode;
            if (status > 0)
            {
                Outcome = AttemptOutcome.Status(status, HeadersOf(response));
            }
            else
            {
                Outcome = AttemptOutcome.Transport(response.ResponseStatus == ResponseStatus.TimedOut);
                Error = response.ErrorException;
            }
        }

        public AttemptOutcome Outcome { get; }
        public ResponseBody Body { get; }
        public string? ContentType { get; }
        public Exception? Error { get; }
        public TimeSpan Elapsed { get; }
        public bool Succeeded => Outcome.StatusCode is >= 200 and < 300;

        private static IReadOnlyDictionary<string, string> HeadersOf(RestResponse response)
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var h in response.Headers ?? [])
                if (h.Name is not null && h.Value is not null) headers[h.Name] = h.Value;
            foreach (var h in response.ContentHeaders ?? [])
                if (h.Name is not null && h.Value is not null) headers[h.Name] = h.Value;
            return headers;
        }

        public void Dispose() => Body.Dispose();
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

    public void Dispose() => _rest.Dispose();
}
