using System.Management.Automation;
using PhraseTms.Infrastructure;

namespace PhraseTms.Cmdlets.Session;

/// <summary>Forgets the current session (its token is dropped from memory).</summary>
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
        previous.Dispose();
    }
}
