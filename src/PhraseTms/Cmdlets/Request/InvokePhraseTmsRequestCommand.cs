using System.Collections;
using System.Management.Automation;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PhraseTms.Client.Raw;
using PhraseTms.Infrastructure;

namespace PhraseTms.Cmdlets.Request;

/// <summary>
/// Calls any Phrase TMS endpoint through the session's pipeline (auth, re-login, throttling, retries, error mapping,
/// verbose log): the escape hatch for endpoints without a cmdlet yet. -All pages through list answers.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "PhraseTmsRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, SupportsPaging = true)]
[OutputType(typeof(PSCustomObject), typeof(string))]
public sealed class InvokePhraseTmsRequestCommand : PhraseTmsApiCmdlet
{
    /// <summary>GET, POST, PUT, PATCH or DELETE. Everything but GET asks ShouldProcess (-WhatIf, -Confirm).</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateSet("GET", "POST", "PUT", "PATCH", "DELETE", IgnoreCase = true)]
    public string Method { get; set; } = null!;

    /// <summary>The API path, starting with /api2/ (e.g. /api2/v1/projects), segments unescaped; no server, no query.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = null!;

    /// <summary>Query parameters: a list value repeats the name; dates are sent as UTC; $null values are left out.</summary>
    [Parameter]
    public IDictionary? Query { get; set; }

    /// <summary>The JSON body: a hashtable or object (converted, keys kept as written) or a JSON string (sent as is).</summary>
    [Parameter(ValueFromPipeline = true)]
    public object? Body { get; set; }

    /// <summary>Pages through a list answer ({content, totalElements, totalPages}) and streams its items.</summary>
    [Parameter]
    public SwitchParameter All { get; set; }

    /// <summary>Items per request with -All, 1–1000 (default 50, which every list endpoint accepts).</summary>
    [Parameter]
    [ValidateRange(1, RawApi.MaxPageSize)]
    public int PageSize { get; set; } = 50;

    /// <summary>Writes the JSON text instead of objects (with -All: one JSON text per item).</summary>
    [Parameter]
    public SwitchParameter Raw { get; set; }

    protected override void ProcessRecord() => ForInput(Path, () =>
    {
        var request = RawRequest.Create(Method, Path, Query, Body, PowerShellValues.Unwrap);
        if (request.Method != HttpMethod.Get && !ShouldProcess(request.PathAndQuery, request.Method.Method)) return;
        if (All || IsPaging())
            WritePaged(Client.Raw.Page(request, PagingFor(PageSize)), request.ToString(), Convert);
        else
            WriteAnswer(request);
    });

    private void WriteAnswer(RawRequest request)
    {
        var response = Await(ct => Client.Raw.SendAsync(request, ct));
        if (Raw)
        {
            if (response.Body.Length > 0) WriteObject(response.Text);
            return;
        }
        var answer = RawApi.ReadJson(response);
        if (answer is JArray items) WriteObject(items.Select(PowerShellJson.ToPowerShell), enumerateCollection: true);
        else if (answer is not null) WriteObject(PowerShellJson.ToPowerShell(answer));
    }

    private object? Convert(JToken item) => Raw ? item.ToString(Formatting.None) : PowerShellJson.ToPowerShell(item);

    /// <summary>-First, -Skip or -IncludeTotalCount page as -All does.</summary>
    private bool IsPaging() => PagingParameters is { } p && (p.First != ulong.MaxValue || p.Skip != 0 || p.IncludeTotalCount.IsPresent);
}
