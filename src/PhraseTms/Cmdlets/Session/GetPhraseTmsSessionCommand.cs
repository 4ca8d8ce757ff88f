using System.Management.Automation;
using PhraseTms.Client.Connection;
using PhraseTms.Infrastructure;

namespace PhraseTms.Cmdlets.Session;

/// <summary>The current session (user, server, token expiry; never the token). Nothing when not connected.</summary>
[Cmdlet(VerbsCommon.Get, "PhraseTmsSession")]
[OutputType(typeof(PhraseTmsSession))]
public sealed class GetPhraseTmsSessionCommand : PhraseTmsCmdlet
{
    protected override void EndProcessing()
    {
        if (SessionStore.Current is { } session) WriteObject(session);
        else WriteVerbose("Not connected: run Connect-PhraseTms.");
    }
}
