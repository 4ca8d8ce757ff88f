using System.Diagnostics;

namespace PhraseTms.Benchmarks;

/// <summary>One pass over a list: total time, time to the first item, what was read, and (when probed) memory growth.</summary>
internal readonly record struct RunResult(double TotalMs, double FirstItemMs, double CpuMs, long Items, long Checksum, double ManagedGrowthMb, double WorkingSetGrowthMb);

internal static class Measure
{
    /// <summary>Consumes every item one at a time (touching its id and date, as a pipeline would).</summary>
    public static async Task<RunResult> RunAsync(IItemSource source, string projectUid, int pageSize, bool probeMemory = false)
    {
        var probe = probeMemory ? MemoryProbe.Start() : null;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        double firstItemMs = 0;
        long items = 0, checksum = 0;
        await foreach (var task in source.Read(projectUid, pageSize))
        {
            if (items == 0) firstItemMs = watch.Elapsed.TotalMilliseconds;
            items++;
            checksum += task.Id!.Length + task.DateCreated!.Value.UtcTicks / TimeSpan.TicksPerSecond % 1009;
            if (probe is not null && items % 500 == 0) probe.Sample();
        }
        var totalMs = watch.Elapsed.TotalMilliseconds;
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        probe?.Sample();
        return new RunResult(totalMs, firstItemMs, cpuMs, items, checksum, probe?.ManagedGrowthMb ?? 0, probe?.WorkingSetGrowthMb ?? 0);
    }

    /// <summary>The 1-minute load average (Linux), to tell a quiet machine from a busy one; null elsewhere.</summary>
    public static string? LoadAverage()
    {
        try { return File.ReadAllText("/proc/loadavg").Split(' ')[0]; }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}

/// <summary>Peak growth of the managed heap and of the process working set over a starting point taken after a full GC.</summary>
internal sealed class MemoryProbe
{
    private readonly long _managedStart;
    private readonly long _workingSetStart;
    private long _managedPeak;
    private long _workingSetPeak;

    private MemoryProbe()
    {
        _managedStart = _managedPeak = GC.GetTotalMemory(forceFullCollection: false);
        _workingSetStart = _workingSetPeak = Environment.WorkingSet;
    }

    public static MemoryProbe Start()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return new MemoryProbe();
    }

    public void Sample()
    {
        _managedPeak = Math.Max(_managedPeak, GC.GetTotalMemory(forceFullCollection: false));
        _workingSetPeak = Math.Max(_workingSetPeak, Environment.WorkingSet);
    }

    public double ManagedGrowthMb => (_managedPeak - _managedStart) / 1048576.0;

    public double WorkingSetGrowthMb => (_workingSetPeak - _workingSetStart) / 1048576.0;
}
