using System.Management.Automation;
using PhraseTms.Client;
using PhraseTms.Client.Connection;
using PhraseTms.Client.Paging;

namespace PhraseTms.Infrastructure;

/// <summary>The base of cmdlets that call the API: adds -Session, the session lookup and the paged output.</summary>
public abstract class PhraseTmsApiCmdlet : PhraseTmsCmdlet
{
    private static int _progressIds = 1000;

    /// <summary>The session to use instead of the current one (from Connect-PhraseTms -PassThru).</summary>
    [Parameter]
    public PhraseTmsSession? Session { get; set; }

    /// <summary>The client of -Session, or of the current session; a terminating NotConnected error without one.</summary>
    protected PhraseTmsClient Client
    {
        get
        {
            var session = Session ?? SessionStore.Current;
            if (session is null) ThrowTerminatingError(ErrorMapping.NotConnected());
            return session!.GetClient();
        }
    }

    protected override void BeginProcessing()
    {
        if (Session is null && SessionStore.Current is null)
            ThrowTerminatingError(ErrorMapping.NotConnected());
    }

    /// <summary>Paging options from -First / -Skip / -IncludeTotalCount (SupportsPaging) and the page size.</summary>
    protected PagingOptions PagingFor(int pageSize, int prefetch)
    {
        var p = PagingParameters;
        return new PagingOptions
        {
            PageSize = pageSize,
            Skip = p is null ? 0 : (long)Math.Min(p.Skip, long.MaxValue),
            First = p is null || p.First == ulong.MaxValue ? null : (long)Math.Min(p.First, long.MaxValue),
            IncludeTotalCount = p?.IncludeTotalCount.IsPresent == true,
            Prefetch = prefetch,
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
        var progress = new ProgressRecord(Interlocked.Increment(ref _progressIds), activity, "Reading the first page");
        var showedProgress = false;
        pager.OnPage = p => Post(() =>
        {
            // Only lists longer than what has arrived get a progress bar.
            if (p.TotalElements is not { } total || total <= 0 || (p.ItemsSoFar >= total && !showedProgress)) return;
            showedProgress = true;
            progress.StatusDescription = $"{p.ItemsSoFar} of {total} items";
            progress.PercentComplete = (int)Math.Min(100, p.ItemsSoFar * 100 / total);
            WriteProgress(progress);
        });
        try
        {
            foreach (var item in Stream(pager))
            {
                if (includeTotal && !totalWritten) { WriteTotal(pager); totalWritten = true; }
                WriteObject(convert is null ? item : convert(item));
            }
            if (includeTotal && !totalWritten) WriteTotal(pager);
        }
        finally
        {
            if (showedProgress)
            {
                progress.RecordType = ProgressRecordType.Completed;
                WriteProgress(progress);
            }
        }
    }

    private void WriteTotal<T>(Pager<T> pager) =>
        WriteObject(PagingParameters.NewTotalCount((ulong)Math.Max(0, pager.TotalElements ?? 0), pager.TotalElements is null ? 0.0 : 1.0));
}
