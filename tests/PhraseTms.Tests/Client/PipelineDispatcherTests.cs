using PhraseTms.Client.Threading;

namespace PhraseTms.Tests.Client;

public sealed class PipelineDispatcherTests
{
    [Fact]
    public void Actions_posted_from_other_threads_run_on_the_owner_thread_while_it_waits()
    {
        using var dispatcher = new PipelineDispatcher();
        var owner = Environment.CurrentManagedThreadId;
        var ranOn = new List<int>();
        var task = Task.Run(async () =>
        {
            for (var i = 0; i < 3; i++)
            {
                dispatcher.Post(() => ranOn.Add(Environment.CurrentManagedThreadId));
                await Task.Delay(10);
            }
            return 42;
        });
        Assert.Equal(42, dispatcher.Run(task));
        Assert.Equal([owner, owner, owner], ranOn);
    }

    [Fact]
    public void Exceptions_of_the_task_surface_unwrapped()
    {
        using var dispatcher = new PipelineDispatcher();
        var task = Task.Run<int>(async () => { await Task.Delay(5); throw new InvalidOperationException("boom"); });
        var ex = Assert.Throws<InvalidOperationException>(() => dispatcher.Run(task));
        Assert.Equal("boom", ex.Message);
    }

    [Fact]
    public void Cancellation_ends_the_wait()
    {
        using var dispatcher = new PipelineDispatcher();
        using var cts = new CancellationTokenSource(50);
        var task = Task.Delay(Timeout.Infinite, cts.Token);
        Assert.ThrowsAny<OperationCanceledException>(() => dispatcher.Run(task));
    }
}
