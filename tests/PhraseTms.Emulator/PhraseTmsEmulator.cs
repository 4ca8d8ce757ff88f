using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace PhraseTms.Emulator;

/// <summary>A local emulator of the Phrase TMS REST API on 127.0.0.1, for tests, benchmarks and the demo.
/// The API lives under <see cref="BaseUri"/> (…/web/api2/...); control routes under /_emulator (see README.md).</summary>
public sealed class PhraseTmsEmulator : IAsyncDisposable
{
    public const string DemoUserName = "demo", DemoPassword = "demo-password";

    /// <summary>Pre-issued token that never expires, valid as "ApiToken &lt;t&gt;" and "Bearer &lt;t&gt;".</summary>
    public const string DemoApiToken = "demo-api-token-0123456789";

    public const string DemoProjectUid = SeedIds.DemoProject;

    /// <summary>The Phrase Platform API token of the demo user, exchanged at <see cref="IdentityUri"/> for access tokens.</summary>
    public const string DemoPlatformToken = "demo-platform-token-5f1c2e9a7b3d";

    private readonly WebApplication _app;
    private readonly EmulatorState _state;
    private int _disposed;

    private PhraseTmsEmulator(WebApplication app, EmulatorState state, Uri baseUri)
    {
        _app = app;
        _state = state;
        BaseUri = baseUri;
    }

    /// <summary>e.g. http://127.0.0.1:5123/web (no trailing slash).</summary>
    public Uri BaseUri { get; }

    /// <summary>The identity service's token endpoint, e.g. http://127.0.0.1:5123/idm/oauth/token (the same host, outside /web).</summary>
    public Uri IdentityUri => new(BaseUri, IdentityRoutes.TokenPath);

    public EmulatorData Data => _state.Data;

    public RequestJournal Requests => _state.Journal;

    public FaultInjector Faults => _state.Faults;

    /// <summary>The options this instance runs with (do not change them after start).</summary>
    public EmulatorOptions Options => _state.Options;

    /// <summary>The emulator's current time (the anchor <see cref="EmulatorData.Now"/> plus the time elapsed since start).</summary>
    public DateTimeOffset UtcNow => _state.Clock.UtcNow;

    /// <summary>Login and access tokens issued so far become invalid (401); API tokens stay valid.</summary>
    public void ExpireAllTokens() => _state.Tokens.ExpireAll();

    public static async Task<PhraseTmsEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken ct = default)
    {
        options ??= new EmulatorOptions();
        if (options.Port is < 0 or > 65535) throw new ArgumentOutOfRangeException(nameof(options), "Port must be 0-65535");
        if (options.BenchItems < 0) throw new ArgumentOutOfRangeException(nameof(options), "BenchItems must not be negative");
        if (options.AsyncPollsToFinish < 0) throw new ArgumentOutOfRangeException(nameof(options), "AsyncPollsToFinish must not be negative");
        if (options.TokenLifetime <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(options), "TokenLifetime must be positive");
        if (options.AccessTokenLifetime <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(options), "AccessTokenLifetime must be positive");

        var anchor = EmulatorClock.TruncateToSecond(options.Now ?? DateTimeOffset.UtcNow);
        var data = SeedData.Create(options, anchor);
        var state = new EmulatorState(options, new EmulatorClock(anchor), data);
        var app = EmulatorHost.Build(state);
        try
        {
            await app.StartAsync(ct);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var port = new Uri(address).Port;
            return new PhraseTmsEmulator(app, state, new Uri($"http://{IPAddress.Loopback}:{port}/web"));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await _state.Stopping.CancelAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            try { await _app.StopAsync(timeout.Token); }
            catch (OperationCanceledException) { }
        }
        await _app.DisposeAsync();
        _state.Stopping.Dispose();
    }
}
