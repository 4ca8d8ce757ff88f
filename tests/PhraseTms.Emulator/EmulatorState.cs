namespace PhraseTms.Emulator;

/// <summary>What every route and middleware of one emulator instance shares.</summary>
internal sealed class EmulatorState(EmulatorOptions options, EmulatorClock clock, EmulatorData data)
{
    public EmulatorOptions Options { get; } = options;
    public EmulatorClock Clock { get; } = clock;
    public EmulatorData Data { get; } = data;
    public RequestJournal Journal { get; } = new();
    public FaultInjector Faults { get; } = new();
    public TokenStore Tokens { get; } = new(clock, options.TokenLifetime, options.AccessTokenLifetime);
    /// <summary>Cancelled when the emulator stops: long delays (faults, page latency) end at once.</summary>
    public CancellationTokenSource Stopping { get; } = new();

    /// <summary>Waits, ending early (OperationCanceledException) if the client goes away or the emulator stops.</summary>
    public async Task DelayAsync(HttpContext context, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero) return;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, Stopping.Token);
        await Task.Delay(delay, cts.Token);
    }
}
