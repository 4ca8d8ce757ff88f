using System.Management.Automation;
using PhraseTms.Infrastructure;

namespace PhraseTms.Cmdlets.AsyncRequest;

/// <summary>Get- and Wait-PhraseTmsAsyncRequest: async request ids in, one at a time, waited for through the one waiter.</summary>
public abstract class AsyncRequestCommandBase : PhraseTmsWaitCmdlet
{
    /// <summary>Async request ids (also from async request objects, or from job creation results and background tasks by AsyncRequestId).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("AsyncRequestId")]
    [ValidateNotNullOrEmpty]
    public string[] Id { get; set; } = null!;

    /// <summary>Whether to wait until each request has finished.</summary>
    protected abstract bool Waits { get; }

    /// <summary>
    /// Writes each request: as it is now, or once finished. A finished request with an errorCode is then a
    /// non-terminating error (ErrorId = that code) instead of output.
    /// </summary>
    protected override void ProcessRecord()
    {
        foreach (var id in Id)
            ForInput(id, () => WriteObject(Waits
                ? AwaitWait(id, (options, progress, ct) => Client.AsyncRequests.Waiter.WaitAsync(id, options, progress, ct)).EnsureSucceeded()
                : Await(ct => Client.AsyncRequests.GetAsync(id, ct))));
    }
}
