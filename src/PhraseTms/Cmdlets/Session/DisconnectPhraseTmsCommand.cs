using System.Management.Automation;
using PhraseTms.Infrastructure;

namespace PhraseTms.Cmdlets.Session;

/// <summary>
/// Forgets the current session: new calls fail with NotConnected; calls still running on it (in other runspaces) run
/// to their end, and then its token is dropped from memory.
/// </summary>
[Cmdlet(VerbsCommunications.Disconnect, "PhraseTms")]
[OutputType(typeof(void))]
public sealed class DisconnectPhraseTmsCommand : PhraseTmsCmdlet
{
    protected override void EndProcessing()
    {
        var previous = SessionStore.Replace(null);
        if (previous is null)
        {
            WriteVerbose("No Phrase TMS session was connected.");
            return;
        }
        WriteVerbose($"Disconnected {previous}.");
    }
}
