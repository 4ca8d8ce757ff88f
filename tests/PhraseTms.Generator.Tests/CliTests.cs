using System.Diagnostics;

namespace PhraseTms.Generator.Tests;

// The tool as a user runs it (its dll, from the repository root): exit codes and the one summary line.
public class CliTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = TestPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PhraseTms.Generator.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "the tool did not finish in a minute");
        return (process.ExitCode, output.Result, error.Result);
    }

    [Fact]
    public void Import_writes_where_out_says_and_prints_one_summary_line()
    {
        var folder = Directory.CreateTempSubdirectory("phrasetms-cli-").FullName;
        try
        {
            var target = Path.Combine(folder, "fixture.api.json");
            var (exit, output, error) = Run("import", TestPaths.Fixture("small-openapi3.json"), "--out", target);
            Assert.True(exit == 0, error);
            Assert.StartsWith("Imported 10 operations (GET 4, POST 5, PUT 0, DELETE 1, PATCH 0; 9 from the document, 1 from the supplement), 3 tags,", output);
            Assert.True(File.Exists(target)); // the committed supplement is merged: its connector tag makes the third
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [Fact]
    public void A_missing_or_foreign_document_is_an_error_and_no_arguments_show_the_usage()
    {
        var missing = Run("import", "no-such-file.yaml", "--out", Path.Combine(Path.GetTempPath(), "unused.json"));
        Assert.Equal(1, missing.Exit);
        Assert.StartsWith("error: ", missing.Err);
        var usage = Run();
        Assert.Equal(2, usage.Exit);
        Assert.Contains("import <swagger-or-openapi file>", usage.Err);
        Assert.Contains("generate-docs", usage.Err);
    }
}
