using PhraseTms.Infrastructure;

namespace PhraseTms.Tests.Module;

/// <summary>
/// The module's bridge between client tasks and the pipeline thread: posted actions run on the owner thread, and
/// every way out (a posted action that throws, a consumer that stops early) cancels the work and waits for it to end
/// before going on. (Ctrl+C → PipelineStoppedException is covered in real pwsh by tests/PhraseTms.Core.Tests.ps1.)
/// </summary>
public sealed class PipelineBridgeTests
{
    [Fact]
    public void Actions_posted_from_other_threads_run_on_the_owner_thread_while_it_waits()
    {
        var bridge = new PipelineBridge(CancellationToken.None);
        var owner = Environment.CurrentManagedThreadId;
        var ranOn = new List<int>();
        var result = bridge.Run(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 3; i++)
            {
                bridge.Post(() => ranOn.Add(Environment.CurrentManagedThreadId));
                await Task.Delay(10);
            }
            return 42;
        }));
        Assert.Equal(42, result);
        Assert.Equal([owner, owner, owner], ranOn);
    }

    [Fact]
    public void Exceptions_of_the_task_surface_unwrapped()
    {
        var bridge = new PipelineBridge(CancellationToken.None);
        var ex = Assert.Throws<InvalidOperationException>(() =>
            bridge.Run<int>(_ => Task.Run<int>(async () => { await Task.Delay(5); throw new InvalidOperationException("boom"); })));
        Assert.Equal("boom", ex.Message);
    }

    [Fact]
    public void Cancellation_ends_the_wait()
    {
        var bridge = new PipelineBridge(CancellationToken.None);
        using var cts = new CancellationTokenSource(50);
        Assert.ThrowsAny<OperationCanceledException>(() => bridge.Run(async _ =>
        {
            await Task.Delay(Timeout.Infinite, cts.Token);
            return 0;
        }));
    }

    [Fact]
    public void A_posted_action_that_throws_cancels_the_call_and_waits_for_its_end()
    {
        var bridge = new PipelineBridge(CancellationToken.None);
        var ended = false;
        var polls = 0;
        var ex = Assert.Throws<InvalidOperationException>(() => bridge.Run(ct => Task.Run(async () =>
        {
            try
            {
                // A waiter: reports, then polls until cancelled.
                bridge.Post(() => throw new InvalidOperationException("Stop preference"));
                while (true)
                {
                    await Task.Delay(20, ct);
                    Interlocked.Increment(ref polls);
                }
            }
            finally { ended = true; }
#pragma warning disable CS0162 // the loop ends by cancellation only
            return 0;
#pragma warning restore CS0162
        })));
        Assert.Equal("Stop preference", ex.Message);
        Assert.True(ended, "the call had ended when the exception left Run");
        var after = Volatile.Read(ref polls);
        Thread.Sleep(100);
        Assert.Equal(after, Volatile.Read(ref polls));
    }

    [Fact]
    public void A_throwing_action_posted_while_a_stream_waits_for_its_next_page_cancels_and_disposes_the_stream()
    {
        var bridge = new PipelineBridge(CancellationToken.None);
        var source = new Source(bridge, throwWhileWaiting: true);
        var seen = new List<int>();
        Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var item in bridge.Stream(source)) seen.Add(item);
        });
        Assert.Equal([0, 1], seen);
        Assert.True(source.Cancelled, "the page in flight was cancelled");
        Assert.True(source.Disposed, "the sequence was disposed before the exception went on");
    }

    [Fact]
    public void A_consumer_that_stops_early_cancels_and_disposes_the_stream_before_it_goes_on()
    {
        var bridge = new PipelineBridge(CancellationToken.None);
        var source = new Source(bridge, throwWhileWaiting: false);
        foreach (var item in bridge.Stream(source))
            if (item == 1) break; // Select-Object -First 2
        Assert.True(source.Cancelled);
        Assert.True(source.Disposed);
    }

    [Fact]
    public void Items_already_there_are_handed_out_without_waiting_and_posted_lines_come_in_order()
    {
        var bridge = new PipelineBridge(CancellationToken.None);
        var lines = new List<string>();
        IEnumerable<int> Items()
        {
            foreach (var item in bridge.Stream(Pages()))
            {
                lines.Add($"item {item}");
                yield return item;
            }
        }
        async IAsyncEnumerable<int> Pages()
        {
            for (var page = 0; page < 3; page++)
            {
                await Task.Run(() => bridge.Post(() => lines.Add($"page {page}")));
                await Task.Delay(1);
                for (var i = 0; i < 2; i++) yield return page * 2 + i;
            }
        }
        Assert.Equal([0, 1, 2, 3, 4, 5], Items().ToList());
        Assert.Equal(["page 0", "item 0", "item 1", "page 1", "item 2", "item 3", "page 2", "item 4", "item 5"], lines);
    }

    [Fact]
    public void The_enter_hook_runs_before_each_step_so_work_between_items_does_not_steal_the_log()
    {
        var current = "";
        var bridge = new PipelineBridge(CancellationToken.None, () => current = "stream");
        var seenBySource = new List<string>();
        async IAsyncEnumerable<int> Source()
        {
            for (var i = 0; i < 3; i++)
            {
                seenBySource.Add(current);
                await Task.Yield();
                yield return i;
            }
        }
        foreach (var _ in bridge.Stream(Source())) current = "downstream cmdlet";
        Assert.Equal(["stream", "stream", "stream"], seenBySource);
        Assert.Equal(7, bridge.Run(_ => { seenBySource.Add(current); return Task.FromResult(7); }));
        Assert.Equal("stream", seenBySource[^1]);
    }

    [Fact]
    public void Pages_are_handed_out_item_by_item_and_a_consumer_that_stops_mid_page_lets_them_go()
    {
        var bridge = new PipelineBridge(CancellationToken.None);
        var asked = 0;
        var disposed = false;
        async IAsyncEnumerable<PhraseTms.Client.Paging.PageSlice<int>> Pages()
        {
            try
            {
                asked++;
                await Task.Yield();
                yield return new([0, 1, 2, 3], 1, 3); // the wanted items 1..3 of a page
                asked++;
                yield return new([9], 0, 1);
            }
            finally { disposed = true; }
        }
        Assert.Equal([1, 2, 3, 9], bridge.StreamPages(Pages()).ToList());

        asked = 0;
        var seen = new List<int>();
        foreach (var item in bridge.StreamPages(Pages()))
        {
            seen.Add(item);
            if (seen.Count == 2) break; // Select-Object -First 2, in the middle of the first page
        }
        Assert.Equal([1, 2], seen);
        Assert.Equal(1, asked); // the next page is asked for only once this one is handed out
        Assert.True(disposed, "the pages were let go before the consumer went on");
    }

    [Fact]
    public void Ctrl_c_in_the_middle_of_a_page_stops_at_the_next_item()
    {
        using var stop = new CancellationTokenSource();
        var bridge = new PipelineBridge(stop.Token);
        async IAsyncEnumerable<PhraseTms.Client.Paging.PageSlice<int>> Pages()
        {
            await Task.Yield();
            yield return new([0, 1, 2, 3, 4], 0, 5);
        }
        var seen = new List<int>();
        Assert.Throws<System.Management.Automation.PipelineStoppedException>(() =>
        {
            foreach (var item in bridge.StreamPages(Pages()))
            {
                seen.Add(item);
                if (item == 1) stop.Cancel();
            }
        });
        Assert.Equal([0, 1], seen);
    }

    /// <summary>Two items at once, then a page that never comes (until cancelled); records what happened to it.</summary>
    private sealed class Source(PipelineBridge bridge, bool throwWhileWaiting) : IAsyncEnumerable<int>
    {
        public bool Cancelled { get; private set; }
        public bool Disposed { get; private set; }

        public async IAsyncEnumerator<int> GetAsyncEnumerator(CancellationToken ct = default)
        {
            try
            {
                yield return 0;
                yield return 1;
                await Task.Yield();
                if (throwWhileWaiting) bridge.Post(() => throw new InvalidOperationException("downstream stopped"));
                try { await Task.Delay(Timeout.Infinite, ct); }
                catch (OperationCanceledException) { Cancelled = true; throw; }
                yield return 2;
            }
            finally
            {
                Cancelled |= ct.IsCancellationRequested;
                Disposed = true;
            }
        }
    }
}
