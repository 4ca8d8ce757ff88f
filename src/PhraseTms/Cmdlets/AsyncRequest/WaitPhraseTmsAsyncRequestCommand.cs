using System.Management.Automation;

namespace PhraseTms.Cmdlets.AsyncRequest;

/// <summary>
/// Waits until asynchronous requests have finished and writes them. A request that finished with an errorCode is a
/// non-terminating error (ErrorId = that code); its warnings become warnings; passing -TimeoutSec stops the cmdlet
/// with an OperationTimeout error.
/// </summary>
[Cmdlet(VerbsLifecycle.Wait, "PhraseTmsAsyncRequest")]
[OutputType(typeof(Client.AsyncRequests.AsyncRequest))]
public sealed class WaitPhraseTmsAsyncRequestCommand : AsyncRequestCommandBase
{
    protected override bool Waits => true;
}
