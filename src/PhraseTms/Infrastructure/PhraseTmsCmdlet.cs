using System.Collections;
using System.Management.Automation;
using PhraseTms.Client.Errors;
using PhraseTms.Client.Http;
using PhraseTms.Client.Threading;

namespace PhraseTms.Infrastructure;

/// <summary>
/// The base of every cmdlet: runs client calls on the pipeline thread while relaying their log and progress, cancels
/// them on Ctrl+C (StopProcessing), and turns client errors into error records. Cmdlets only bind, call and write.
/// </summary>
public abstract class PhraseTmsCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private PipelineDispatcher? _dispatcher;
    private CmdletLog? _log;

    /// <summary>Cancelled when the user presses Ctrl+C.</summary>
    protected CancellationToken StopToken => _stopping.Token;

    private PipelineDispatcher Dispatcher => _dispatcher ??= new PipelineDispatcher();

    internal IClientLog Log => _log ??= new CmdletLog(this, Dispatcher);

    /// <summary>Runs posted work (progress) on the pipeline thread.</summary>
    internal void Post(Action action) => Dispatcher.Post(action);

    /// <summary>Runs an asynchronous client call, relaying its log, until it ends or Ctrl+C.</summary>
    protected T Await<T>(Func<CancellationToken, Task<T>> call)
    {
        Task<T> task;
        using (ClientLogContext.Use(Log)) task = call(StopToken);
        return Dispatcher.Run(task);
    }

    /// <summary>Runs an asynchronous client call, relaying its log, until it ends or Ctrl+C.</summary>
    protected void Await(Func<CancellationToken, Task> call)
    {
        Task task;
        using (ClientLogContext.Use(Log)) task = call(StopToken);
        Dispatcher.Run(task);
    }

    /// <summary>Streams an asynchronous sequence item by item on the pipeline thread.</summary>
    protected IEnumerable<T> Stream<T>(IAsyncEnumerable<T> source)
    {
        IAsyncEnumerator<T> enumerator;
        using (ClientLogContext.Use(Log)) enumerator = source.GetAsyncEnumerator(StopToken);
        try
        {
            while (true)
            {
                Task<bool> next;
                using (ClientLogContext.Use(Log)) next = enumerator.MoveNextAsync().AsTask();
                if (!Dispatcher.Run(next)) yield break;
                yield return enumerator.Current;
            }
        }
        finally
        {
            Dispatcher.Run(enumerator.DisposeAsync().AsTask());
        }
    }

    /// <summary>
    /// Writes an object, with the module's stable type name (<see cref="ModuleTypeNames"/>) first in its PSTypeNames for
    /// the format views. Hides <see cref="Cmdlet.WriteObject(object)"/> so that every cmdlet of the module does it.
    /// </summary>
    protected new void WriteObject(object? sendToPipeline) => base.WriteObject(WithTypeName(sendToPipeline));

    /// <summary>As <see cref="WriteObject(object?)"/>; enumerates a collection (not a string or table) when asked.</summary>
    protected new void WriteObject(object? sendToPipeline, bool enumerateCollection)
    {
        if (!enumerateCollection || sendToPipeline is null or string or IDictionary or not IEnumerable)
        {
            WriteObject(sendToPipeline);
            return;
        }
        foreach (var item in (IEnumerable)sendToPipeline) WriteObject(item);
    }

    private static object? WithTypeName(object? value)
    {
        if (value is null || value is PSObject || ModuleTypeNames.For(value.GetType()) is not { } name) return value;
        var wrapped = PSObject.AsPSObject(value);
        // PowerShell may keep the type names of an object written before (the same result written twice): add once.
        if (!wrapped.TypeNames.Contains(name)) wrapped.TypeNames.Insert(0, name);
        return wrapped;
    }

    /// <summary>Writes a client error as a non-terminating error for <paramref name="target"/>.</summary>
    protected void WriteClientError(PhraseTmsException exception, object? target) =>
        WriteError(ErrorMapping.ToErrorRecord(exception, target));

    /// <summary>Stops the cmdlet with a client error.</summary>
    protected void ThrowClientError(PhraseTmsException exception, object? target) =>
        ThrowTerminatingError(ErrorMapping.ToErrorRecord(exception, target));

    /// <summary>
    /// Runs one unit of work for one input: client errors become error records for that input (the next inputs still
    /// run); Ctrl+C ends quietly (PowerShell reports the stop itself).
    /// </summary>
    protected void ForInput(object? target, Action work)
    {
        try
        {
            work();
        }
        catch (PhraseTmsException ex)
        {
            WriteClientError(ex, target);
        }
        catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        finally
        {
            _dispatcher?.Drain();
        }
    }

    protected override void StopProcessing() => _stopping.Cancel();

    public void Dispose()
    {
        _stopping.Dispose();
        _dispatcher?.Dispose();
        GC.SuppressFinalize(this);
    }
}
