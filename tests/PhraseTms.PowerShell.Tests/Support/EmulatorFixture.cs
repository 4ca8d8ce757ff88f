using PhraseTms.Emulator;

namespace PhraseTms.PowerShell.Tests.Support;

/// <summary>One emulator on 127.0.0.1 for the whole collection.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public PhraseTmsEmulator Emulator { get; private set; } = null!;

    // One "still running" answer before an async request finishes: waits see progress, yet end after one pause.
    public async Task InitializeAsync() => Emulator = await PhraseTmsEmulator.StartAsync(new EmulatorOptions { AsyncPollsToFinish = 1 });

    public async Task DisposeAsync() => await Emulator.DisposeAsync();
}

/// <summary>
/// Every test of this assembly: the module keeps its current session in a static (shared by all runspaces of the
/// process), so tests that connect and disconnect must not run in parallel.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PowerShellCollection : ICollectionFixture<EmulatorFixture>
{
    public const string Name = "PowerShell";
}
