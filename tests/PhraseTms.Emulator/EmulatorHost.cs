using System.Net;

namespace PhraseTms.Emulator;

/// <summary>Builds the ASP.NET Core app: Kestrel on 127.0.0.1 only, no logging providers, no console lifetime (the host
/// never reacts to Ctrl+C itself; Program.cs does), and the pipeline journal → (API only: faults → errors → auth; identity service: faults → errors) → routes.</summary>
internal static class EmulatorHost
{
    public static WebApplication Build(EmulatorState state)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(EmulatorHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, PassiveLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(3));
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, state.Options.Port);
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = 16 * 1024 * 1024;
        });

        var app = builder.Build();
        app.UseRequestJournal(state);
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/web/api2"), api =>
        {
            api.UseFaultInjection(state);
            api.UseApiErrorHandling(state);
            api.UseApiAuthentication(state);
        });
        // The identity service (token exchange) lives outside /web, as on Phrase Platform: faults apply, no TMS auth.
        app.UseWhen(c => IdentityRoutes.IsIdentityPath(c.Request.Path), idm =>
        {
            idm.UseFaultInjection(state);
            idm.UseApiErrorHandling(state);
        });
        AuthRoutes.Map(app, state);
        IdentityRoutes.Map(app, state);
        ConnectorAsyncTaskRoutes.Map(app, state);
        JobRoutes.Map(app, state);
        AsyncRequestRoutes.Map(app, state);
        BackgroundTaskRoutes.Map(app, state);
        ProjectRoutes.Map(app, state);
        ProjectJobRoutes.Map(app, state);
        TransMemoryRoutes.Map(app, state);
        TermBaseRoutes.Map(app, state);
        UserRoutes.Map(app, state);
        ProjectTemplateRoutes.Map(app, state);
        ConnectorRoutes.Map(app, state);
        TransferRoutes.Map(app, state);
        TargetFileRoutes.Map(app, state);
        PreTranslateRoutes.Map(app, state);
        AnalysisRoutes.Map(app, state);
        TransMemoryFileRoutes.Map(app, state);
        UserLoginRoutes.Map(app, state);
        JobEditRoutes.Map(app, state);
        FallbackRoutes.Map(app);
        AdminRoutes.Map(app, state);
        return app;
    }

    /// <summary>A host lifetime that ignores console signals: in-process hosts must not hook the test runner's Ctrl+C.</summary>
    private sealed class PassiveLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
