using System.Collections.Concurrent;
using System.Management.Automation;
using PhraseTms.Client.Paging;

namespace PhraseTms.Infrastructure;

/// <summary>
/// The bridge between the client's asynchronous work and PowerShell's pipeline thread, where alone Write* may be
/// called. Any thread <see cref="Post"/>s an action; the pipeline thread runs them while it waits in
/// <see cref="Run{T}"/> or <see cref="Stream{T}"/>, so -Verbose lines and progress appear as they happen.
/// <para>
/// Every exit is safe: when the pipeline thread leaves early (a posted Write* throws under a Stop preference, a
/// downstream Select-Object -First stops the pipeline, Ctrl+C), the work's token is cancelled and the work is awaited
/// and observed before the exception goes on, so no request is sent after the cmdlet has ended. Ctrl+C surfaces as
/// <see cref="PipelineStoppedException"/> (PowerShell reports the stop itself).
/// </para>
/// <para>
/// Lists go through <see cref="StreamPages{T}"/>: the pipeline thread waits once per page and hands out its items
/// with no asynchronous step between them. <see cref="Stream{T}"/> takes the fast path when the next item is already
/// there: no task, no wait, no allocation per item.
/// </para>
/// </summary>
internal sealed class PipelineBridge
{
    /// <summary>How long an abandoned call may take to honour its cancellation before it is left to finish alone.</summary>
    internal static TimeSpan SettleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    private readonly ConcurrentQueue<Action> _queue = new();
    private readonly SemaphoreSlim _signal = new(0);
    private readonly int _pipelineThread = Environment.CurrentManagedThreadId;
    private readonly CancellationToken _stop;
    private readonly Action? _enter;

    /// <param name="stop">Cancelled on Ctrl+C (the cmdlet's StopProcessing).</param>
    /// <param name="enter">Runs before each step of client work starts (the cmdlet makes its log the current one).</param>
    public PipelineBridge(CancellationToken stop, Action? enter = null)
    {
        _stop = stop;
        _enter = enter;
    }

    /// <summary>Queues an action for the pipeline thread (runs it at once when called on that thread).</summary>
    public void Post(Action action)
    {
        if (Environment.CurrentManagedThreadId == _pipelineThread)
        {
            action();
            return;
        }
        _queue.Enqueue(action);
        _signal.Release();
    }

    /// <summary>Runs the actions queued so far (on the pipeline thread).</summary>
    public void Drain()
    {
        while (_queue.TryDequeue(out var action)) action();
    }

    /// <summary>Starts <paramref name="call"/> and waits for it on the pipeline thread, running posted actions meanwhile.</summary>
    public T Run<T>(Func<CancellationToken, Task<T>> call)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(_stop);
        Task<T>? task = null;
        try
        {
            _enter?.Invoke();
            task = call(cancel.Token);
            Pump(task);
            return task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        finally
        {
            if (task is { IsCompleted: false }) Abandon(cancel, task);
        }
    }

    /// <summary>
    /// Streams an asynchronous sequence item by item on the pipeline thread. Leaving early (the caller stops
    /// enumerating, or an exception) cancels the sequence and waits until it has let go (pages in flight included).
    /// </summary>
    public IEnumerable<T> Stream<T>(IAsyncEnumerable<T> source)
    {
        var cancel = CancellationTokenSource.CreateLinkedTokenSource(_stop);
        IAsyncEnumerator<T>? enumerator = null;
        Task<bool>? waiting = null;
        var finished = false;
        try
        {
            enumerator = source.GetAsyncEnumerator(cancel.Token);
            while (true)
            {
                bool more;
                // Other cmdlets of the pipeline ran on this thread since the last item: this stream's log is current again.
                _enter?.Invoke();
                var next = enumerator.MoveNextAsync();
                if (next.IsCompletedSuccessfully)
                {
                    more = next.Result;
                    if (!_queue.IsEmpty) Drain();
                }
                else
                {
                    waiting = next.AsTask();
                    more = Wait(waiting);
                    waiting = null;
                }
                if (!more) break;
                yield return enumerator.Current;
            }
            finished = true;
        }
        finally
        {
            try
            {
                if (waiting is { IsCompleted: false }) Abandon(cancel, waiting);
                if (enumerator is not null)
                {
                    _enter?.Invoke();
                    if (finished) Wait(enumerator.DisposeAsync().AsTask());
                    else
                    {
                        // Left early: stop what is in flight, and let go only once it has ended. Posted Write* actions are dropped.
                        cancel.Cancel();
                        Settle(enumerator.DisposeAsync().AsTask());
                    }
                }
            }
            finally
            {
                cancel.Dispose();
            }
        }
    }

    /// <summary>
    /// Streams a pager's pages item by item on the pipeline thread: it waits (and runs posted actions) once per page,
    /// and hands out the items of a page with no asynchronous step between them. Leaving early is as in <see cref="Stream{T}"/>.
    /// </summary>
    public IEnumerable<T> StreamPages<T>(IAsyncEnumerable<PageSlice<T>> pages)
    {
        foreach (var page in Stream(pages))
        {
            for (var i = 0; i < page.Count; i++)
            {
                if (_stop.IsCancellationRequested) throw new PipelineStoppedException();
                yield return page[i];
            }
        }
    }

    private bool Wait(Task<bool> task)
    {
        try
        {
            Pump(task);
            return task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    private void Wait(Task task)
    {
        try
        {
            Pump(task);
            task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    /// <summary>Runs posted actions until <paramref name="task"/> has completed, then the ones left. An action may throw.</summary>
    private void Pump(Task task)
    {
        if (!task.IsCompleted)
        {
            // When the task completes, a release wakes the wait below.
            task.ContinueWith(static (_, state) => ((SemaphoreSlim)state!).Release(), _signal,
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            while (!task.IsCompleted)
            {
                _signal.Wait();
                Drain();
            }
        }
        Drain();
    }

    /// <summary>The pipeline thread leaves while <paramref name="task"/> runs: cancel it and wait until it has ended.</summary>
    private static void Abandon(CancellationTokenSource cancel, Task task)
    {
        cancel.Cancel();
        Settle(task);
    }

    /// <summary>Waits (without running posted actions) until the task has ended, and observes its failure.</summary>
    private static void Settle(Task task)
    {
        try { task.Wait(SettleTimeout); }
        catch { /* cancelled or failed after being abandoned: only that it ended matters */ }
        if (!task.IsCompleted)
            task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }
}
