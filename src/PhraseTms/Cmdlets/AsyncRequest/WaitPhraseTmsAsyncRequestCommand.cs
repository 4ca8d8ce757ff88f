using System.Management.Automation;
using PhraseTms.Infrastructure;

namespace PhraseTms.Cmdlets.AsyncRequest;

/// <summary>
/// Waits until asynchronous requests have finished and writes them. A request that finished with an errorCode is a
/// non-terminating error (ErrorId = that code); its warnings become warnings; passing -TimeoutSec stops the cmdlet
/// with an OperationTimeout error.
/// </summary>
[Cmdlet(VerbsLifecycle.Wait, "PhraseTmsAsyncRequest")]
[OutputType(typeof(Client.AsyncRequests.AsyncRequest))]
public sealed class WaitPhraseTmsAsyncRequestCommand : PhraseTmsWaitCmdlet
{
    /// <summary>Async request ids (also from async request objects, or job creation results by AsyncRequestId).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("AsyncRequestId")]
    [ValidateNotNullOrEmpty]
    public string[] Id { get; set; } = null!;

    protected override void ProcessRecord()
    {
        foreach (var id in Id)
            ForInput(id, () =>
            {
                var finished = AwaitWait(id, (options, progress, ct) => Client.AsyncRequests.Waiter.WaitAsync(id, options, progress, ct));
                WriteObject(finished.EnsureSucceeded());
            });
    }
}
