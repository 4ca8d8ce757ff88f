using System.Management.Automation;
using PhraseTms.Client.Connectors;
using PhraseTms.Client.Paging;
using PhraseTms.Infrastructure;

namespace PhraseTms.Cmdlets.ConnectorAsyncTask;

/// <summary>
/// Lists connector asynchronous tasks of a project (GET /api2/v1/connectorAsyncTasks), every page, streamed.
/// </summary>
[Cmdlet(VerbsCommon.Get, "ConnectorAsyncTask", SupportsPaging = true)]
[OutputType(typeof(Client.Connectors.ConnectorAsyncTask))]
public sealed class GetConnectorAsyncTaskCommand : PhraseTmsApiCmdlet
{
    /// <summary>The project whose tasks are listed.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string ProjectUid { get; set; } = null!;

    /// <summary>Only tasks of these types.</summary>
    [Parameter]
    public ConnectorTaskType[]? TaskType { get; set; }

    /// <summary>Only tasks started this way.</summary>
    [Parameter]
    public ConnectorTaskProcessingType[]? TaskProcessingType { get; set; }

    /// <summary>Created at or after (the API's default: 24 hours ago). Sent as UTC.</summary>
    [Parameter]
    public DateTime? DateCreatedFrom { get; set; }

    /// <summary>Created at or before (the API's default: in one hour). Sent as UTC.</summary>
    [Parameter]
    public DateTime? DateCreatedTo { get; set; }

    /// <summary>Processed at or after. Sent as UTC.</summary>
    [Parameter]
    public DateTime? DateProcessedFrom { get; set; }

    /// <summary>Processed at or before. Sent as UTC.</summary>
    [Parameter]
    public DateTime? DateProcessedTo { get; set; }

    /// <summary>Items per request, 1–1000 (default 1000: fewer round trips).</summary>
    [Parameter]
    [ValidateRange(1, ConnectorAsyncTaskQuery.MaxPageSize)]
    public int PageSize { get; set; } = ConnectorAsyncTaskQuery.MaxPageSize;

    protected override void ProcessRecord() => ForInput(ProjectUid, () =>
    {
        var query = new ConnectorAsyncTaskQuery
        {
            ProjectUid = ProjectUid,
            TaskTypes = TaskType,
            TaskProcessingTypes = TaskProcessingType,
            DateCreatedFrom = ToUtc(DateCreatedFrom),
            DateCreatedTo = ToUtc(DateCreatedTo),
            DateProcessedFrom = ToUtc(DateProcessedFrom),
            DateProcessedTo = ToUtc(DateProcessedTo),
        };
        WriteVerbose($"Listing connector async tasks of project {ProjectUid} ({PageSize} per page).");
        WritePaged(Client.Connectors.GetConnectorAsyncTasks(query, PagingFor(PageSize)), $"Connector async tasks of {ProjectUid}");
    });

    private static DateTimeOffset? ToUtc(DateTime? value) => value is null ? null : new DateTimeOffset(value.Value).ToUniversalTime();
}
