using System.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace PhraseTms.Emulator;

/// <summary>Outermost middleware: records every non-admin request in the journal (before it is answered), keeps its
/// status up to date, and with Quiet = false logs one console line per request (never the Authorization header; secret
/// query parameters redacted).</summary>
internal static class JournalMiddleware
{
    public const string RecordKey = "emulator.record";
    public const string ResetKey = "emulator.reset";

    public static IApplicationBuilder UseRequestJournal(this IApplicationBuilder app, EmulatorState state) => app.Use(async (context, next) =>
    {
        var started = Stopwatch.GetTimestamp();
        var request = context.Request;
        RecordedRequest? record = null;
        if (!AdminRoutes.IsAdminPath(request.Path))
        {
            record = await RecordAsync(context);
            context.Items[RecordKey] = record;
            state.Journal.Add(record);
            context.Response.OnStarting(() =>
            {
                if (!context.Items.ContainsKey(ResetKey)) record.StatusCode = context.Response.StatusCode;
                return Task.CompletedTask;
            });
        }
        try
        {
            await next(context);
        }
        catch (Exception ex) when (ex is OperationCanceledException || context.RequestAborted.IsCancellationRequested)
        {
            // The client went away (or the emulator is stopping): nothing more to answer. A request cut before its
            // headers were sent is journaled with status 0, one cut later keeps the status that was sent.
            if (!context.Response.HasStarted) context.Items[ResetKey] = true;
            context.Abort();
        }
        finally
        {
            if (record is not null)
            {
                if (context.Items.ContainsKey(ResetKey)) record.StatusCode = 0;
                record.Aborted = context.RequestAborted.IsCancellationRequested;
                record.Complete();
            }
        }
        if (!state.Options.Quiet)
        {
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var query = request.QueryString.HasValue ? "?" + Redaction.Query(request.QueryString.Value![1..]) : "";
            var status = context.Items.ContainsKey(ResetKey) ? "reset" : context.Response.StatusCode.ToString();
            Console.Out.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {request.Method} {request.PathBase}{request.Path}{query} -> {status} ({ms:0.0} ms)");
        }
    });

    private static async Task<RecordedRequest> RecordAsync(HttpContext context)
    {
        var request = context.Request;
        var body = "";
        // A file (octet-stream, multipart) is left to its route, which streams it: Body stays "" (see Data.Transfers).
        if ((request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0) && !TransferRoutes.IsBinary(request.ContentType))
        {
            request.EnableBuffering();
            using var reader = new StreamReader(request.Body, leaveOpen: true);
            body = await reader.ReadToEndAsync(context.RequestAborted);
            request.Body.Position = 0;
        }
        var path = request.Path.Value ?? "";
        if (path.StartsWith("/web/", StringComparison.Ordinal)) path = path[4..];
        var query = request.QueryString.HasValue ? request.QueryString.Value![1..] : "";
        var parsed = QueryHelpers.ParseQuery(query).ToDictionary(p => p.Key, p => p.Value.Select(v => v ?? "").ToArray());
        return new RecordedRequest
        {
            Method = request.Method,
            Path = path,
            Query = query,
            QueryParameters = parsed,
            AuthorizationHeader = request.Headers.Authorization.Count > 0 ? request.Headers.Authorization.ToString() : null,
            ContentType = request.ContentType,
            // A form body (the token exchange) is journaled with its secret fields redacted: never a subject_token in clear.
            Body = Redaction.IsForm(request.ContentType) ? Redaction.Form(body) : body,
            Timestamp = DateTimeOffset.UtcNow,
        };
    }
}
