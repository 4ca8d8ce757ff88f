using System.Management.Automation;
using PhraseTms.Client;
using PhraseTms.Client.Connection;
using PhraseTms.Client.Http;
using PhraseTms.Client.Paging;

namespace PhraseTms.Infrastructure;

/// <summary>
/// The base of cmdlets that call the API: adds -Session, resolves the session once per invocation (a terminating
/// NotConnected error without one), and writes paged output. The invocation keeps its session until it ends, even when
/// another runspace reconnects or disconnects meanwhile.
/// </summary>
public abstract partial class PhraseTmsApiCmdlet : PhraseTmsCmdlet
{
    private static int _progressIds = 1000;
    private PhraseTmsSession.Lease? _lease;

    /// <summary>The session to use instead of the current one (from Connect-PhraseTms -PassThru).</summary>
    [Parameter]
    public PhraseTmsSession? Session { get; set; }

    /// <summary>The client of the session this invocation runs on (resolved before the first input).</summary>
    protected PhraseTmsClient Client { get; private set; } = null!;

    /// <summary>Resolves the session; cmdlets of this base do their work in ProcessRecord.</summary>
    protected sealed override void BeginProcessing()
    {
        _lease = SessionStore.Acquire(Session);
        if (_lease is null) ThrowTerminatingError(ErrorMapping.NotConnected(sessionGiven: Session is not null));
        Client = _lease!.Client;
    }

    protected override void Release() => Interlocked.Exchange(ref _lease, null)?.Dispose();

    /// <summary>Paging options from -First / -Skip / -IncludeTotalCount (SupportsPaging), the page size and the session's read-ahead.</summary>
    protected PagingOptions PagingFor(int pageSize)
    {
        var p = PagingParameters;
        return new PagingOptions
        {
            PageSize = pageSize,
            Skip = p is null ? 0 : (long)Math.Min(p.Skip, long.MaxValue),
            First = p is null || p.First == ulong.MaxValue ? null : (long)Math.Min(p.First, long.MaxValue),
            IncludeTotalCount = p?.IncludeTotalCount.IsPresent == true,
            Prefetch = Client.Options.PrefetchPages,
        };
    }

    /// <summary>
    /// Writes every item of a pager as it arrives (through <paramref name="convert"/> when given), the total first when
    /// -IncludeTotalCount is given, and progress (items so far of the total) while more than one page is read.
    /// </summary>
    protected void WritePaged<T>(Pager<T> pager, string activity, Func<T, object?>? convert = null)
    {
        var includeTotal = PagingParameters?.IncludeTotalCount.IsPresent == true;
        var totalWritten = false;
        var bar = new ProgressBar(WriteProgress, Interlocked.Increment(ref _progressIds), activity);
        pager.OnPage = p => Post(() =>
        {
            // Only lists longer than what has arrived get a progress bar.
            if (p.TotalElements is not { } total || total <= 0 || (p.ItemsSoFar >= total && !bar.Shown)) return;
            bar.Update($"{p.ItemsSoFar} of {total} items", (int)Math.Min(100, p.ItemsSoFar * 100 / total));
        });
        try
        {
            foreach (var item in StreamPages(pager))
            {
                if (includeTotal && !totalWritten) { WriteTotal(pager); totalWritten = true; }
                WriteObject(convert is null ? item : convert(item));
            }
            if (includeTotal && !totalWritten) WriteTotal(pager);
        }
        finally
        {
            bar.Complete();
        }
    }

    // --- The helpers of the generated cmdlets (tools/PhraseTms.Generator/Cmdlets): a generated class holds its
    // parameters and one line per parameter set describing its call; sending, paging and ShouldProcess live here.

    /// <summary>Starts the description of a generated cmdlet's call (the parameters given decide what is sent).</summary>
    protected GeneratedRequest Request(string method, string path, string action) =>
        new(method, path, new Dictionary<string, object?>(MyInvocation.BoundParameters, StringComparer.OrdinalIgnoreCase), action);

    /// <summary>Whether a call that changes something may go (-WhatIf/-Confirm); a GET always may.</summary>
    private bool MayChange(GeneratedRequest request) =>
        request.Method == "GET" || ShouldProcess($"{request.Method} /{request.Path}", request.Action);

    /// <summary>Sends one call (once per input) and writes its answer: the model, or each item of <paramref name="items"/>.</summary>
    protected void SendGenerated<T>(Func<GeneratedRequest> build, Func<T, System.Collections.IEnumerable?>? items = null) =>
        ForInput(null, () =>
        {
            var request = build(); // path segments are checked here, before anything is sent
            if (!MayChange(request)) return;
            var result = Await(ct => Client.Pipeline.SendAsync<T>(request.ToCall(), ct));
            WriteGenerated(result, items);
        });

    /// <summary>Sends one call whose answer has no body.</summary>
    protected void SendGenerated(Func<GeneratedRequest> build) =>
        ForInput(null, () =>
        {
            var request = build();
            if (!MayChange(request)) return;
            Await(ct => Client.Pipeline.SendRawAsync(request.ToCall(), ct));
        });

    /// <summary>
    /// Reads every page of a list through the one pager (-First/-Skip/-IncludeTotalCount), the page size the
    /// operation's maximum, and writes the items, each carrying the path values it was read under.
    /// </summary>
    protected void ListGenerated<T>(int maxPageSize, Func<GeneratedRequest> build, params (string Property, string? Value)[] carry) =>
        ForInput(null, () =>
        {
            var request = build();
            var paging = PagingFor(maxPageSize).Validate(maxPageSize);
            var pager = new Pager<T>(async (number, size, ct) =>
            {
                var page = await Client.Pipeline.SendAsync<Page<T>>(request.ToCall(number, size), ct).ConfigureAwait(false);
                foreach (var item in page.Content)
                    foreach (var (property, value) in carry) GeneratedCarry.Fill(item, property, value);
                return page;
            }, paging);
            WritePaged(pager, request.Action);
        });

    /// <summary>Writes an answer: JSON without a model as PowerShell objects, lists item by item.</summary>
    protected void WriteGenerated<T>(T result, Func<T, System.Collections.IEnumerable?>? items = null)
    {
        if (items is not null)
        {
            foreach (var item in items(result) ?? Array.Empty<object>()) WriteObject(item);
            return;
        }
        switch (result)
        {
            case Newtonsoft.Json.Linq.JToken token: WriteObject(PowerShellJson.ToPowerShell(token), enumerateCollection: true); break;
            case System.Collections.IList list: WriteObject(list, enumerateCollection: true); break;
            default: WriteObject(result); break;
        }
    }

    private void WriteTotal<T>(Pager<T> pager) =>
        WriteObject(PagingParameters.NewTotalCount((ulong)Math.Max(0, pager.TotalElements ?? 0), pager.TotalElements is null ? 0.0 : 1.0));
}
