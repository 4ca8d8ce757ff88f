using System.Management.Automation;
using PhraseTms.Client.Errors;

namespace PhraseTms.Infrastructure;

/// <summary>
/// The base of every cmdlet. A cmdlet binds its parameters, makes one client call per input inside
/// <see cref="ForInput"/> (through <see cref="Await{T}"/> or <see cref="StreamPages{T}"/>, which run it on the pipeline
/// thread while relaying its log and progress, and cancel it on Ctrl+C or when the pipeline leaves early), and writes
/// the result with WriteObject (type names come with the types: <see cref="ModuleTypeNames"/>). Client errors become
/// error records; nothing else reaches the user raw.
/// </summary>
public abstract class PhraseTmsCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private PipelineBridge? _bridge;

    /// <summary>Created on first use, on the pipeline thread; the client's lines of its calls go to this cmdlet.</summary>
    private PipelineBridge Bridge => _bridge ??= new PipelineBridge(_stopping.Token, () => CmdletLog.Enter(this));

    /// <summary>Runs <paramref name="action"/> on the pipeline thread (at once when called there).</summary>
    internal void Post(Action action) => Bridge.Post(action);

    /// <summary>Runs an asynchronous client call until it ends; Ctrl+C cancels it (a PipelineStoppedException).</summary>
    protected T Await<T>(Func<CancellationToken, Task<T>> call) => Bridge.Run(call);

    /// <summary>Runs an asynchronous client call until it ends; Ctrl+C cancels it (a PipelineStoppedException).</summary>
    protected void Await(Func<CancellationToken, Task> call) => Await(async ct =>
    {
        await call(ct).ConfigureAwait(false);
        return true;
    });

    /// <summary>Cancelled on Ctrl+C (StopProcessing): the token of work the cmdlet starts itself (a transfer batch).</summary>
    internal CancellationToken StopToken => _stopping.Token;

    /// <summary>Waits on the pipeline thread until <paramref name="task"/> has ended (never throws its failure), running
    /// posted actions (log lines, progress) meanwhile; Ctrl+C stops the wait (a PipelineStoppedException).</summary>
    internal void WaitUntilEnded(Task task)
    {
        Bridge.Run(async _ =>
        {
            await Task.WhenAny(task).ConfigureAwait(false);
            return true;
        });
        if (_stopping.IsCancellationRequested) throw new PipelineStoppedException();
    }

    /// <summary>
    /// Before starting work off the pipeline thread: the bridge exists (it is created on the pipeline thread, which
    /// it remembers as the one to run posted actions on) and the calls this flow starts log to this cmdlet.
    /// </summary>
    internal void PrepareBackgroundWork()
    {
        _ = Bridge;
        CmdletLog.Enter(this);
    }

    /// <summary>Streams a pager's items on the pipeline thread, waiting once per page (cancelled when left early).</summary>
    protected IEnumerable<T> StreamPages<T>(Client.Paging.Pager<T> pager) => Bridge.StreamPages(pager.Slices());

    /// <summary>Writes a client error as a non-terminating error for <paramref name="target"/>.</summary>
    protected void WriteClientError(PhraseTmsException exception, object? target) =>
        WriteError(ErrorMapping.ToErrorRecord(exception, target));

    /// <summary>Stops the cmdlet with a client error.</summary>
    protected void ThrowClientError(PhraseTmsException exception, object? target) =>
        ThrowTerminatingError(ErrorMapping.ToErrorRecord(exception, target));

    /// <summary>
    /// Runs one unit of work for one input: client errors become non-terminating error records for that input (the
    /// next inputs still run); Ctrl+C ends quietly (PowerShell reports the stop itself); PowerShell's own exceptions
    /// (a Stop preference, a stopped pipeline) go on as they are; anything else is a terminating error of the module
    /// (<see cref="ErrorMapping.InternalErrorId"/>), never a raw .NET exception.
    /// </summary>
    protected void ForInput(object? target, Action work)
    {
        try
        {
            work();
            _bridge?.Drain();
        }
        catch (PhraseTmsException ex)
        {
            // The lines logged before the failure first, then its error. (When PowerShell stops the pipeline, queued
            // lines are dropped: writing them would only throw again.)
            _bridge?.Drain();
            WriteClientError(ex, target);
        }
        catch (Exception ex) when (ErrorMapping.IsUnexpected(ex))
        {
            ThrowTerminatingError(ErrorMapping.Unexpected(ex, target));
        }
    }

    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>Ends what the invocation holds (PowerShell disposes every cmdlet when its pipeline ends, stopped or not).</summary>
    protected virtual void Release() { }

    public void Dispose()
    {
        Release();
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }
}
