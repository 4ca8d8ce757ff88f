namespace PhraseTms.Generator.Naming;

// The module's own cmdlets (src/PhraseTms). They keep their names; the operations they cover are marked
// hand-written in api/naming-overrides.json, and no generated cmdlet may take one of these names.
internal static class HandWrittenCmdlets
{
    public static readonly IReadOnlyList<string> Names =
    [
        "Connect-PhraseTms", "Disconnect-PhraseTms", "Get-PhraseTmsSession", "Get-ConnectorAsyncTask",
        "New-JobFromConnectorTask", "Get-PhraseTmsAsyncRequest", "Wait-PhraseTmsAsyncRequest", "Get-TmLastBackgroundTask",
        "Get-TbLastBackgroundTask", "Invoke-PhraseTmsRequest", "Save-PhraseTmsJobTargetFile",
    ];

    // Those with no operation of their own, and what they do instead.
    public static readonly IReadOnlyList<(string Name, string What)> WithoutOperation =
    [
        ("Wait-PhraseTmsAsyncRequest", "polls `GET /api2/v1/async/{asyncRequestId}` until the request has finished"),
        ("Invoke-PhraseTmsRequest", "any operation, by method and path, with the session, retries and errors of every cmdlet"),
    ];
}
