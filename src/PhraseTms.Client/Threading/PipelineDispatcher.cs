using System.Collections.Concurrent;

namespace PhraseTms.Client.Threading;

/// <summary>
/// Lets asynchronous client work report to PowerShell, whose Write* methods may only be called on the pipeline
/// thread. Any thread <see cref="Post"/>s an action; the pipeline thread runs them inside <see cref="Run{T}"/> while it
/// waits for the task, so -Verbose lines and progress appear as they happen, not at the end.
/// </summary>
public sealed class PipelineDispatcher : IDisposable
{
    private readonly BlockingCollection<Action> _queue = new();
    private readonly int _ownerThread = Environment.CurrentManagedThreadId;

    /// <summary>Queues an action for the pipeline thread (runs it at once when called on that thread).</summary>
    public void Post(Action action)
    {
        if (Environment.CurrentManagedThreadId == _ownerThread) { action(); return; }
        try { _queue.Add(action); }
        catch (InvalidOperationException) { /* completed: the cmdlet has ended */ }
    }

    /// <summary>Waits for <paramref name="task"/> on the pipeline thread, running posted actions meanwhile.</summary>
    public T Run<T>(Task<T> task)
    {
        Pump(task);
        return task.GetAwaiter().GetResult();
    }

    /// <summary>Waits for <paramref name="task"/> on the pipeline thread, running posted actions meanwhile.</summary>
    public void Run(Task task)
    {
        Pump(task);
        task.GetAwaiter().GetResult();
    }

    /// <summary>Runs the actions queued so far.</summary>
    public void Drain()
    {
        while (_queue.TryTake(out var action)) action();
    }

    private static readonly Action Wake = static () => { };

    private void Pump(Task task)
    {
        if (!task.IsCompleted)
        {
            // When the task completes, a no-op wakes the blocking take below.
            task.ContinueWith(static (_, state) => ((PipelineDispatcher)state!).Post(Wake), this,
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            while (!task.IsCompleted)
                _queue.Take()();
        }
        Drain();
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        _queue.Dispose();
    }
}
