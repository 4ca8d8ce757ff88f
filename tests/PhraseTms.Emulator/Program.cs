using System.Globalization;
using System.Runtime.InteropServices;

namespace PhraseTms.Emulator;

/// <summary>Standalone emulator: dotnet run --project tests/PhraseTms.Emulator -- [options]. Prints four parseable lines,
/// then serves until Ctrl+C or SIGTERM (stdin is ignored). Bad arguments: usage on stderr, exit code 2.</summary>
public static class Program
{
    private const string Usage = """
        Usage: PhraseTms.Emulator [--port N] [--seed N] [--bench-items N] [--page-latency-ms N] [--async-polls N] [--access-token-lifetime-sec N] [--verbose]
          --port N             TCP port on 127.0.0.1 (default 0 = any free port)
          --seed N             seed of the generated data (default 42)
          --bench-items N      add project benchProject01 with N connector tasks (default 0)
          --page-latency-ms N  delay before every connectorAsyncTasks page (default 0)
          --async-polls N      polls before created async requests finish (default 2)
          --access-token-lifetime-sec N
                               lifetime of access tokens from /idm/oauth/token (default 14400 = 4 h)
          --verbose            log one line per request (method, path, query, status)
        """;

    public static async Task<int> Main(string[] args)
    {
        EmulatorOptions options;
        try
        {
            options = ParseArguments(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}\n{Usage}");
            return 2;
        }
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(Usage);
            return 0;
        }

        PhraseTmsEmulator emulator;
        try
        {
            emulator = await PhraseTmsEmulator.StartAsync(options);
        }
        catch (IOException ex)
        {
            await Console.Error.WriteLineAsync($"error: cannot listen on 127.0.0.1:{options.Port}: {ex.Message}");
            return 1;
        }

        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

        foreach (var line in Banner(emulator)) Console.Out.WriteLine(line);
        Console.Out.Flush();

        await stop.Task;
        await emulator.DisposeAsync();
        return 0;
    }

    /// <summary>The start-up lines scripts parse. They show the demo credentials on purpose: they are public fixtures.</summary>
    private static IEnumerable<string> Banner(PhraseTmsEmulator emulator) =>
    [
        $"PhraseTms emulator listening on {emulator.BaseUri}",
        $"Demo user: {PhraseTmsEmulator.DemoUserName} / {PhraseTmsEmulator.DemoPassword}",
        $"Demo API token: {PhraseTmsEmulator.DemoApiToken}",
        $"Demo project: {PhraseTmsEmulator.DemoProjectUid}",
        $"Demo platform token: {PhraseTmsEmulator.DemoPlatformToken} (identity service {emulator.IdentityUri})",
    ];

    internal static EmulatorOptions ParseArguments(string[] args)
    {
        var options = new EmulatorOptions { Quiet = true };
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string? inline = null;
            var eq = arg.IndexOf('=');
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                inline = arg[(eq + 1)..];
                arg = arg[..eq];
            }
            int Value(int min, int max)
            {
                var text = inline ?? (i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value"));
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) || v < min || v > max)
                    throw new ArgumentException($"{arg}: '{text}' is not an integer between {min} and {max}");
                return v;
            }
            switch (arg)
            {
                case "--port": options.Port = Value(0, 65535); break;
                case "--seed": options.Seed = Value(0, int.MaxValue); break;
                case "--bench-items": options.BenchItems = Value(0, 20_000_000); break;
                case "--page-latency-ms": options.PageLatency = TimeSpan.FromMilliseconds(Value(0, 600_000)); break;
                case "--async-polls": options.AsyncPollsToFinish = Value(0, 1_000_000); break;
                case "--access-token-lifetime-sec": options.AccessTokenLifetime = TimeSpan.FromSeconds(Value(1, 864_000)); break;
                case "--verbose" when inline is null: options.Quiet = false; break;
                case "--help" or "-h" when inline is null: break;
                default: throw new ArgumentException($"unknown argument '{args[i]}'");
            }
        }
        return options;
    }
}
