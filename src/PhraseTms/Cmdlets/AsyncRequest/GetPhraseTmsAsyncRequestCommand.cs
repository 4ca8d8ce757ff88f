using System.Management.Automation;

namespace PhraseTms.Cmdlets.AsyncRequest;

/// <summary>
/// Reads asynchronous requests (GET /api2/v1/async/{asyncRequestId}) as they are now, or with -Wait once they have
/// finished (the same as Wait-PhraseTmsAsyncRequest).
/// </summary>
[Cmdlet(VerbsCommon.Get, "PhraseTmsAsyncRequest")]
[OutputType(typeof(Client.AsyncRequests.AsyncRequest))]
public sealed class GetPhraseTmsAsyncRequestCommand : AsyncRequestCommandBase
{
    /// <summary>Waits until each request has finished; a failed one is an error.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    protected override bool Waits => Wait;
}
