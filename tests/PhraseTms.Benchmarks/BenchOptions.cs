using System.Globalization;

namespace PhraseTms.Benchmarks;

/// <summary>Command line of the benchmark (see <see cref="Usage"/>).</summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tests/PhraseTms.Benchmarks -- [--quick] [options]
          --quick            fewer repetitions (under two minutes on 2 cores)
          --items N          items of P1/P2 (default 100000)
          --stream-items N   items of P3 (default 1000000)
          --page-size N      items per page (default 1000)
          --latency-ms N     per-page latency of P2/P4 (default 25)
          --prefetch N       the module's PrefetchPages (default: the client's default)
          --runs N           timed runs per side for P1 (P2: half, at least 3)
          --only LIST        scenarios to run, e.g. P1,P3, J1 or T1,T2 (default J1, P1-P4)
          --transfers        also run T1/T2: an upload and a download through the module vs raw HttpClient
          --transfer-mb N    size of the T1/T2 transfers in MB (default 1024 = 1 GiB)
          --verbose          print every timed run
        """;

    public bool Quick { get; init; }
    public int Items { get; init; } = 100_000;
    public int StreamItems { get; init; } = 1_000_000;
    public int PageSize { get; init; } = 1000;
    public int LatencyMs { get; init; } = 25;
    public int? Prefetch { get; init; }
    public int? Runs { get; init; }
    public bool Verbose { get; init; }
    public int TransferMb { get; init; } = 1024;
    public IReadOnlySet<string> Only { get; init; } = new HashSet<string> { "J1", "P1", "P2", "P3", "P4" };

    public int P1Runs => Runs ?? (Quick ? 5 : 15);
    public int P2Runs => Math.Max(3, Runs / 2 ?? (Quick ? 3 : 7));
    public int P3Runs => Quick ? 1 : 3;
    public int TransferRuns => Runs ?? (Quick ? 5 : 7);

    public bool Wants(string scenario) => Only.Contains(scenario);

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Number(int min) => int.TryParse(Next(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min
                ? n : throw new ArgumentException($"{args[i - 1]} needs a whole number >= {min}");
            o = args[i] switch
            {
                "--quick" => o with { Quick = true },
                "--verbose" => o with { Verbose = true },
                "--items" => o with { Items = Number(1) },
                "--stream-items" => o with { StreamItems = Number(1) },
                "--page-size" => o with { PageSize = Number(1) },
                "--latency-ms" => o with { LatencyMs = Number(0) },
                "--prefetch" => o with { Prefetch = Number(1) },
                "--runs" => o with { Runs = Number(1) },
                "--transfers" => o with { Only = o.Only.Union(["T1", "T2"]).ToHashSet() },
                "--transfer-mb" => o with { TransferMb = Number(1) },
                "--only" => o with { Only = Next().ToUpperInvariant().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet() },
                _ => throw new ArgumentException($"unknown argument {args[i]}"),
            };
        }
        return o;
    }
}
