namespace PhraseTms.Emulator;

/// <summary>Settings of one emulator instance. Every property has a usable default.</summary>
public sealed class EmulatorOptions
{
    /// <summary>TCP port to listen on, 127.0.0.1 only. 0 = any free port (see <see cref="PhraseTmsEmulator.BaseUri"/>).</summary>
    public int Port { get; set; } = 0;

    /// <summary>Seed of the generated data: the same seed (and <see cref="Now"/>) gives the same data.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Anchor of every seeded date, truncated to the second. Default: the UTC time at start, truncated to the second.
    /// The emulator's clock starts at this instant and then advances in real time.</summary>
    public DateTimeOffset? Now { get; set; }

    /// <summary>Lifetime of tokens issued by auth/login (the demo API token never expires).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Lifetime of access tokens issued by the identity route (POST /idm/oauth/token, Phrase Platform token
    /// exchange); its answer's expires_in is this in whole seconds (at least 1). Default 4 hours, as on Phrase Platform.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Async requests created by POSTs (and the "running" TM/TB tasks) answer asyncResponse = null this many
    /// GETs, then are finished.</summary>
    public int AsyncPollsToFinish { get; set; } = 2;

    /// <summary>&gt; 0: adds project "benchProject01" holding this many connector tasks, all created within the last hour.</summary>
    public int BenchItems { get; set; } = 0;

    /// <summary>Delay added before every connectorAsyncTasks page answer.</summary>
    public TimeSpan PageLatency { get; set; } = TimeSpan.Zero;

    /// <summary>true (default): no console output. false: one console line per request (method, path, redacted query, status).</summary>
    public bool Quiet { get; set; } = true;
}
