namespace PhraseTms.Emulator;

/// <summary>Turns unhandled exceptions into 500 {"errorCode":"InternalError"} (or a reset when the answer had started).</summary>
internal static class ErrorHandlingMiddleware
{
    public static IApplicationBuilder UseApiErrorHandling(this IApplicationBuilder app, EmulatorState state) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested && !state.Stopping.IsCancellationRequested)
        {
            if (!state.Options.Quiet) Console.Error.WriteLine($"Unhandled {ex.GetType().Name} on {context.Request.Method} {context.Request.Path}: {ex.Message}");
            if (context.Response.HasStarted)
            {
                context.Items[JournalMiddleware.ResetKey] = true;
                context.Abort();
                return;
            }
            context.Response.Clear();
            await ApiResponses.WriteErrorAsync(context, 500, "InternalError", $"Unexpected error in the emulator ({ex.GetType().Name})");
        }
    });
}
