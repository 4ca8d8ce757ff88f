using System.Globalization;
using System.Runtime.InteropServices;
using PhraseTms.Emulator;

namespace PhraseTms.Benchmarks;

/// <summary>
/// Paging benchmark: the module's pager against a hand-written HttpClient + JsonTextReader loop (the client-side limit),
/// both reading the same pages from the emulator on 127.0.0.1 in the same run. Prints one line per scenario.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        if (args is ["--help"] or ["-h"])
        {
            Console.WriteLine(BenchOptions.Usage);
            return 0;
        }
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}\n{BenchOptions.Usage}");
            return 2;
        }

        Console.WriteLine($"PhraseTms paging benchmark ({(options.Quick ? "quick" : "full")}): {Environment.ProcessorCount} cores, " +
                          $".NET {Environment.Version}, {RuntimeInformation.OSDescription}, emulator in-process on 127.0.0.1, " +
                          $"load average {Measure.LoadAverage() ?? "n/a"}");
        var ok = await new Scenarios(options).RunAsync();
        Console.WriteLine($"done; load average {Measure.LoadAverage() ?? "n/a"}");
        return ok ? 0 : 1;
    }
}
