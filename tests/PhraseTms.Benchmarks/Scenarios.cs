using PhraseTms.Emulator;

namespace PhraseTms.Benchmarks;

/// <summary>J1 JSON reading alone, P1 throughput, P2 throughput with per-page latency (prefetch), P3 memory while streaming, P4 time to first item.</summary>
internal sealed class Scenarios(BenchOptions o)
{
    private const string Project = SeedIds.BenchProject;
    private bool _ok = true;
    private long? _checksum;

    public async Task<bool> RunAsync()
    {
        Comparison? noLatency = null, withLatency = null;
        if (o.Wants("J1")) _ok &= await ParseScenario.RunAsync(o);
        if (o.Wants("P1") || o.Wants("P4"))
        {
            noLatency = await CompareAsync(o.Items, TimeSpan.Zero, o.P1Runs);
            if (o.Wants("P1")) Report("P1", $"{o.Items:N0} items, pages of {o.PageSize}, no added latency", noLatency, 1.10);
        }
        if (o.Wants("P2") || o.Wants("P4"))
        {
            withLatency = await CompareAsync(o.Items, TimeSpan.FromMilliseconds(o.LatencyMs), o.P2Runs);
            if (o.Wants("P2")) Report("P2", $"{o.Items:N0} items, pages of {o.PageSize}, {o.LatencyMs} ms per page", withLatency, 0.60);
        }
        if (o.Wants("P3")) await StreamAsync();
        if (o.Wants("P4")) ReportFirstItem(withLatency!, noLatency!);
        if (o.Wants("T1") || o.Wants("T2")) _ok &= await new TransferScenarios(o).RunAsync();
        return _ok;
    }

    /// <summary>Timed runs of the baseline, the module as configured, and the module strictly sequential (prefetch 1).</summary>
    private sealed record Comparison(List<RunResult> Baseline, List<RunResult> Module, List<RunResult> Sequential, int Prefetch)
    {
        public double BaselineMs => Measure.Median(Baseline.Select(r => r.TotalMs));
        public double ModuleMs => Measure.Median(Module.Select(r => r.TotalMs));
        public double SequentialMs => Measure.Median(Sequential.Select(r => r.TotalMs));
        public double BaselineCpuMs => Measure.Median(Baseline.Select(r => r.CpuMs));
        public double ModuleCpuMs => Measure.Median(Module.Select(r => r.CpuMs));
        public double BaselineFirstMs => Measure.Median(Baseline.Select(r => r.FirstItemMs));
        public double ModuleFirstMs => Measure.Median(Module.Select(r => r.FirstItemMs));
    }

    private static Task<PhraseTmsEmulator> StartEmulatorAsync(int items, TimeSpan latency) =>
        PhraseTmsEmulator.StartAsync(new EmulatorOptions { BenchItems = items, PageLatency = latency });

    /// <summary>One warm-up pass each, then <paramref name="runs"/> timed passes each, rotating which side goes first.</summary>
    private async Task<Comparison> CompareAsync(int items, TimeSpan latency, int runs)
    {
        _checksum = null;
        await using var emulator = await StartEmulatorAsync(items, latency);
        using var baseline = new BaselineReader(emulator.BaseUri, PhraseTmsEmulator.DemoApiToken);
        using var module = new ModuleReader(emulator.BaseUri, PhraseTmsEmulator.DemoApiToken, o.Prefetch);
        using var sequential = new ModuleReader(emulator.BaseUri, PhraseTmsEmulator.DemoApiToken, prefetch: 1);
        var comparison = new Comparison([], [], [], module.Prefetch);
        var sides = new (IItemSource Source, List<RunResult> Results)[]
        {
            (baseline, comparison.Baseline), (module, comparison.Module), (sequential, comparison.Sequential),
        };
        foreach (var (source, _) in sides) Check(source, await Measure.RunAsync(source, Project, o.PageSize), items);
        if (latency == TimeSpan.Zero) await ReportServingAsync(baseline, items);
        for (var run = 0; run < runs; run++)
        {
            for (var k = 0; k < sides.Length; k++)
            {
                var (source, results) = sides[(run + k) % sides.Length];
                results.Add(Check(source, await Measure.RunAsync(source, Project, o.PageSize), items));
            }
            if (o.Verbose)
                Console.WriteLine($"   run {run + 1}: " + string.Join(", ", sides.Select(s =>
                    $"{s.Source.Name} {s.Results[^1].TotalMs:0.0} ms (first item {s.Results[^1].FirstItemMs:0.00} ms)")));
        }
        return comparison;
    }

    /// <summary>What one page costs the emulator and the socket alone (no parsing): it must stay well below the client's cost.</summary>
    private async Task ReportServingAsync(BaselineReader raw, int items)
    {
        var pages = Math.Max(1, items / o.PageSize);
        var samples = new List<(int Bytes, double Ms)>();
        for (var i = 0; i < 40; i++) samples.Add(await raw.TimeRawPageAsync(Project, o.PageSize, i % pages));
        Console.WriteLine($"E0 info emulator: a page of {o.PageSize} items ({samples[0].Bytes / 1024.0:0} KB) served and received raw in " +
                          $"{Measure.Median(samples.Select(s => s.Ms)):0.00} ms [median of {samples.Count} GETs, no parsing]");
    }

    private void Report(string id, string what, Comparison c, double target)
    {
        var ratio = c.ModuleMs / c.BaselineMs;
        Line(id, ratio <= target,
            $"{what}: module {c.ModuleMs:0.0} ms (prefetch {c.Prefetch}), baseline {c.BaselineMs:0.0} ms (sequential), " +
            $"ratio {ratio:0.00}x (target <= {target:0.00}x); module with prefetch 1: {c.SequentialMs:0.0} ms, " +
            $"{c.SequentialMs / c.BaselineMs:0.00}x; process CPU (emulator included) module {c.ModuleCpuMs:0} ms, baseline {c.BaselineCpuMs:0} ms " +
            $"[median of {c.Module.Count}]");
    }

    private void ReportFirstItem(Comparison withLatency, Comparison noLatency)
    {
        var ratio = withLatency.ModuleFirstMs / withLatency.BaselineFirstMs;
        Line("P4", ratio <= 1.10,
            $"time to first item, {o.LatencyMs} ms per page: module {withLatency.ModuleFirstMs:0.0} ms, baseline {withLatency.BaselineFirstMs:0.0} ms, " +
            $"ratio {ratio:0.00}x; no added latency: module {noLatency.ModuleFirstMs:0.00} ms, baseline {noLatency.BaselineFirstMs:0.00} ms " +
            "(target: one page round trip, <= 1.10x)");
    }

    /// <summary>P3: streams the whole list item by item, sampling the managed heap and the working set.</summary>
    private async Task StreamAsync()
    {
        _checksum = null;
        await using var emulator = await StartEmulatorAsync(o.StreamItems, TimeSpan.Zero);
        using var baseline = new BaselineReader(emulator.BaseUri, PhraseTmsEmulator.DemoApiToken);
        using var module = new ModuleReader(emulator.BaseUri, PhraseTmsEmulator.DemoApiToken, o.Prefetch);
        // Warm up (JIT, connections, the emulator's first requests).
        await Measure.RunAsync(baseline, Project, o.PageSize);
        await Measure.RunAsync(module, Project, o.PageSize);
        var fromBaseline = new List<RunResult>();
        var fromModule = new List<RunResult>();
        for (var run = 0; run < o.P3Runs; run++)
        {
            fromBaseline.Add(await Measure.RunAsync(baseline, Project, o.PageSize, probeMemory: true));
            fromModule.Add(await Measure.RunAsync(module, Project, o.PageSize, probeMemory: true));
            Check(baseline, fromBaseline[^1], o.StreamItems);
            Check(module, fromModule[^1], o.StreamItems);
        }
        double Ws(List<RunResult> r) => r.Max(x => x.WorkingSetGrowthMb);
        double Managed(List<RunResult> r) => r.Max(x => x.ManagedGrowthMb);
        double Ms(List<RunResult> r) => Measure.Median(r.Select(x => x.TotalMs));
        var worst = Math.Max(Ws(fromModule), Managed(fromModule));
        Line("P3", worst < 64,
            $"{o.StreamItems:N0} items streamed one by one: module peak growth {Ws(fromModule):0.0} MB working set / {Managed(fromModule):0.0} MB managed " +
            $"in {Ms(fromModule):0} ms (prefetch {module.Prefetch}); baseline {Ws(fromBaseline):0.0} MB / {Managed(fromBaseline):0.0} MB in {Ms(fromBaseline):0} ms; " +
            $"time ratio {Ms(fromModule) / Ms(fromBaseline):0.00}x (target < 64 MB) [worst of {o.P3Runs}]");
    }

    /// <summary>Every side must read exactly the list: the expected count, and the same checksum as the first side read.</summary>
    private RunResult Check(IItemSource source, RunResult result, int expected)
    {
        _checksum ??= result.Checksum;
        if (result.Items != expected || result.Checksum != _checksum)
        {
            _ok = false;
            Console.WriteLine($"MISMATCH: {source.Name} read {result.Items} items (checksum {result.Checksum}); expected {expected} (checksum {_checksum})");
        }
        return result;
    }

    private void Line(string id, bool met, string text)
    {
        if (!met) _ok = false;
        Console.WriteLine($"{id} {(met ? "ok  " : "MISS")} {text}");
    }
}
