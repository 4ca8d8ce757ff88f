using System.Diagnostics;
using Newtonsoft.Json;
using PhraseTms.Client.Connectors;
using PhraseTms.Client.Serialization;
using PhraseTms.Emulator;

namespace PhraseTms.Benchmarks;

/// <summary>
/// J1: the client's JSON reading alone, on one thread, no HTTP: a page of the emulator's tasks read by PhraseJson
/// (its fast UTF-8 reader) against Newtonsoft's serializer with the same settings (the reflection path it replaced).
/// Process CPU time is the figure (it barely moves with the machine's load); wall time is printed alongside.
/// </summary>
internal static class ParseScenario
{
    public static async Task<bool> RunAsync(BenchOptions o)
    {
        byte[] page;
        await using (var emulator = await PhraseTmsEmulator.StartAsync(new EmulatorOptions { BenchItems = o.PageSize }))
        using (var http = new HttpClient())
        {
            http.DefaultRequestHeaders.Add("Authorization", "ApiToken " + PhraseTmsEmulator.DemoApiToken);
            page = await http.GetByteArrayAsync($"{emulator.BaseUri.AbsoluteUri.TrimEnd('/')}/api2/v1/connectorAsyncTasks?projectUid={SeedIds.BenchProject}&pageNumber=0&pageSize={o.PageSize}");
        }
        var newtonsoft = JsonSerializer.Create(PhraseJson.Settings);
        int Fast() => PhraseJson.Deserialize<ConnectorAsyncTaskPage>(page)!.Content.Count;
        int Reference()
        {
            using var text = new StreamReader(new MemoryStream(page), System.Text.Encoding.UTF8, true, 16 * 1024);
            using var reader = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None };
            return newtonsoft.Deserialize<ConnectorAsyncTaskPage>(reader)!.Content.Count;
        }
        var pages = Math.Max(1, o.Items / o.PageSize);
        var fast = Time(Fast, pages, o.P1Runs);
        var reference = Time(Reference, pages, o.P1Runs);
        Console.WriteLine($"J1 info {pages * o.PageSize:N0} items parsed ({pages} times a page of {o.PageSize}, {page.Length / 1024.0:0} KB), one thread: " +
                          $"PhraseJson {fast.Cpu:0} ms CPU ({fast.Wall:0} ms), Newtonsoft serializer with the same settings {reference.Cpu:0} ms CPU ({reference.Wall:0} ms), " +
                          $"ratio {fast.Cpu / reference.Cpu:0.00}x [median of {o.P1Runs}]");
        return true;
    }

    private static (double Cpu, double Wall) Time(Func<int> parse, int pages, int runs)
    {
        for (var i = 0; i < Math.Min(pages, 20); i++) parse();
        var cpu = new List<double>();
        var wall = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            GC.Collect();
            var before = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < pages; i++) parse();
            wall.Add(watch.Elapsed.TotalMilliseconds);
            cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds);
        }
        return (Measure.Median(cpu), Measure.Median(wall));
    }
}
