using System.Management.Automation;
using PhraseTms.Infrastructure;

namespace PhraseTms.Cmdlets.AsyncRequest;

/// <summary>Reads asynchronous requests (GET /api2/v1/async/{asyncRequestId}) as they are now, without waiting.</summary>
[Cmdlet(VerbsCommon.Get, "PhraseTmsAsyncRequest")]
[OutputType(typeof(Client.AsyncRequests.AsyncRequest))]
public sealed class GetPhraseTmsAsyncRequestCommand : PhraseTmsApiCmdlet
{
    /// <summary>Async request ids (also from objects with an Id or AsyncRequestId property).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("AsyncRequestId")]
    [ValidateNotNullOrEmpty]
    public string[] Id { get; set; } = null!;

    protected override void ProcessRecord()
    {
        foreach (var id in Id)
            ForInput(id, () => WriteObject(Await(ct => Client.AsyncRequests.GetAsync(id, ct))));
    }
}
