namespace PhraseTms.Emulator;

/// <summary>Applies the first matching fault (see <see cref="FaultInjector"/>) to API requests. Runs after the journal
/// and before authentication, like a proxy or gateway in front of the real API would.</summary>
internal static class FaultMiddleware
{
    public static IApplicationBuilder UseFaultInjection(this IApplicationBuilder app, EmulatorState state) => app.Use(async (context, next) =>
    {
        var fault = state.Faults.Match(context.Request.Method, context.Request.Path.Value ?? "");
        if (fault is null)
        {
            await next(context);
            return;
        }
        if (context.Items.TryGetValue(JournalMiddleware.RecordKey, out var r) && r is RecordedRequest record) record.Fault = fault.Kind;
        await ApplyAsync(context, next, state, fault);
    });

    private static async Task ApplyAsync(HttpContext context, RequestDelegate next, EmulatorState state, Fault fault)
    {
        var response = context.Response;
        switch (fault.Kind)
        {
            case FaultKind.Latency:
                await state.DelayAsync(context, fault.Delay);
                await next(context);
                break;
            case FaultKind.TooManyRequests:
                if (fault.RetryAfter is not null) response.Headers.RetryAfter = fault.RetryAfter;
                if (fault.RateLimitHeaders)
                {
                    response.Headers["RateLimit-Limit"] = "20";
                    response.Headers["RateLimit-Remaining"] = "0";
                }
                await ApiResponses.WriteErrorAsync(context, fault.StatusCode is 0 ? 429 : fault.StatusCode, "TooManyRequests",
                    "Too many requests: the API limit was reached, retry later");
                break;
            case FaultKind.ServerError:
                await ApiResponses.WriteErrorAsync(context, fault.StatusCode is 0 ? 500 : fault.StatusCode, "InternalError",
                    "An internal error occurred (injected fault)");
                break;
            case FaultKind.ResetBeforeHeaders:
                context.Items[JournalMiddleware.ResetKey] = true;
                context.Abort();
                break;
            case FaultKind.HtmlPage:
                var status = fault.StatusCode is 0 ? 502 : fault.StatusCode;
                await ApiResponses.WriteTextAsync(context, status, "text/html; charset=utf-8", HtmlPage(status));
                break;
            case FaultKind.EmptyBody:
                response.StatusCode = 200;
                response.ContentType = ApiResponses.Json;
                response.ContentLength = 0;
                break;
            case FaultKind.WrongContentType:
                await ApiResponses.WriteTextAsync(context, 200, "text/plain; charset=utf-8", "OK");
                break;
            case FaultKind.ExpireToken:
                if (AuthMiddleware.PresentedToken(context) is { } token) state.Tokens.Revoke(token);
                await ApiResponses.Unauthorized(context, "The token has expired; log in again");
                break;
            case FaultKind.ServerErrorAfterBody:
                await AnswerAfterTheRouteAsync(context, next, fault);
                break;
            case FaultKind.ResetMidBody:
            case FaultKind.TruncatedJson:
            case FaultKind.SlowBody:
                await MangleRealAnswerAsync(context, next, state, fault);
                break;
            default:
                await next(context);
                break;
        }
    }

    private static async Task MangleRealAnswerAsync(HttpContext context, RequestDelegate next, EmulatorState state, Fault fault)
    {
        var response = context.Response;
        var original = response.Body;
        byte[] body;
        using (var buffer = new MemoryStream())
        {
            response.Body = buffer;
            try
            {
                await next(context);
                await response.BodyWriter.FlushAsync(context.RequestAborted);
            }
            finally
            {
                response.Body = original;
            }
            body = buffer.ToArray();
        }
        var half = body.Length / 2;
        switch (fault.Kind)
        {
            case FaultKind.ResetMidBody:
                context.Items[JournalMiddleware.ResetKey] = true;
                response.ContentLength = body.Length;
                await response.Body.WriteAsync(body.AsMemory(0, half), context.RequestAborted);
                await response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(50, context.RequestAborted); // let the half body reach the client before the reset
                context.Abort();
                break;
            case FaultKind.TruncatedJson:
                response.StatusCode = 200;
                response.ContentType = ApiResponses.Json;
                response.ContentLength = half;
                await response.Body.WriteAsync(body.AsMemory(0, half), context.RequestAborted);
                break;
            case FaultKind.SlowBody:
                response.ContentLength = body.Length;
                var chunk = Math.Max(1, (body.Length + 9) / 10);
                for (var offset = 0; offset < body.Length; offset += chunk)
                {
                    if (offset > 0) await state.DelayAsync(context, fault.Delay);
                    await response.Body.WriteAsync(body.AsMemory(offset, Math.Min(chunk, body.Length - offset)), context.RequestAborted);
                    await response.Body.FlushAsync(context.RequestAborted);
                }
                break;
        }
    }

    private static async Task AnswerAfterTheRouteAsync(HttpContext context, RequestDelegate next, Fault fault)
    {
        var response = context.Response;
        var original = response.Body;
        using (var discarded = new MemoryStream())
        {
            response.Body = discarded;
            try
            {
                await next(context);
                await response.BodyWriter.FlushAsync(context.RequestAborted);
                // Whatever the route left unread is read now: the whole request reached the server.
                await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            }
            finally
            {
                response.Body = original;
            }
        }
        response.Headers.Clear();
        response.ContentLength = null;
        await ApiResponses.WriteErrorAsync(context, fault.StatusCode is 0 ? 500 : fault.StatusCode, "InternalError",
            "An internal error occurred after the request was received (injected fault)");
    }

    private static string HtmlPage(int status) => status == 200
        ? "<!DOCTYPE html>\n<html><head><title>Scheduled maintenance</title></head>\n<body><h1>We'll be back soon</h1>"
          + "<p>Phrase TMS is undergoing scheduled maintenance.</p></body></html>\n"
        : $"<!DOCTYPE html>\n<html><head><title>{status} Bad Gateway</title></head>\n<body><center><h1>{status} Bad Gateway</h1>"
          + "</center><hr><center>nginx</center></body></html>\n";
}
