using PhraseTms.Client.Http;

namespace PhraseTms.Infrastructure;

/// <summary>
/// The one log of the module's clients. A session's client outlives the cmdlet that connected it and serves several
/// runspaces at once, so its <see cref="Client.PhraseTmsClientOptions.Log"/> is <see cref="Instance"/>, which hands each
/// line to the cmdlet whose call it belongs to (the one that last entered its <see cref="PipelineBridge"/> in this flow
/// of execution, which flows into every task the call starts, pages read ahead included), to be written on that
/// cmdlet's pipeline thread as -Verbose or a warning. Lines outside any cmdlet are dropped.
/// </summary>
internal sealed class CmdletLog : IClientLog
{
    public static readonly CmdletLog Instance = new();

    private static readonly AsyncLocal<PhraseTmsCmdlet?> Current = new();

    private CmdletLog() { }

    /// <summary>The calls this flow makes from now on log to <paramref name="cmdlet"/> (no cost when they already do).</summary>
    public static void Enter(PhraseTmsCmdlet cmdlet)
    {
        if (!ReferenceEquals(Current.Value, cmdlet)) Current.Value = cmdlet;
    }

    public void Verbose(string message)
    {
        if (Current.Value is { } cmdlet) cmdlet.Post(() => cmdlet.WriteVerbose(message));
    }

    public void Warning(string message)
    {
        if (Current.Value is { } cmdlet) cmdlet.Post(() => cmdlet.WriteWarning(message));
    }
}
