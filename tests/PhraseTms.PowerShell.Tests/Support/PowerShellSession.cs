using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace PhraseTms.PowerShell.Tests.Support;

/// <summary>
/// A runspace of the hosted PowerShell with the built module (out/PhraseTms/PhraseTms.psd1) imported, as a user would
/// import it. Runs scripts with parameters (a script takes them with <c>param(...)</c>) and returns every stream.
/// </summary>
public sealed class PowerShellSession : IDisposable
{
    public PowerShellSession()
    {
        var state = InitialSessionState.CreateDefault2();
        state.ImportPSModule(Repo.ModuleManifest);
        // A module that fails to import must fail the test here, not later as "command not found".
        state.ThrowOnRunspaceOpenError = true;
        Runspace = RunspaceFactory.CreateRunspace(Host, state);
        Runspace.Open();
    }

    public RecordingHost Host { get; } = new();

    public Runspace Runspace { get; }

    /// <summary>Runs a script to its end; a terminating error is returned in <see cref="PowerShellResult.Terminated"/>.</summary>
    public PowerShellResult Invoke(string script, IDictionary? parameters = null)
    {
        using var ps = Create(script, parameters);
        var output = new PSDataCollection<PSObject>();
        RuntimeException? terminated = null;
        try { ps.Invoke(null, output); }
        catch (RuntimeException ex) { terminated = ex; }
        return PowerShellResult.From(ps, output, terminated);
    }

    /// <summary>Runs a script that must not end with a terminating error (non-terminating ones are returned).</summary>
    public PowerShellResult Run(string script, IDictionary? parameters = null)
    {
        var result = Invoke(script, parameters);
        if (result.Terminated is { } ex)
            throw new Xunit.Sdk.XunitException($"The script ended with a terminating error {ex.ErrorRecord.FullyQualifiedErrorId}: {ex.Message}");
        return result;
    }

    /// <summary>Starts a script on the pipeline thread and returns at once.</summary>
    public RunningScript Start(string script, IDictionary? parameters = null) => new(Create(script, parameters));

    private System.Management.Automation.PowerShell Create(string script, IDictionary? parameters)
    {
        var ps = System.Management.Automation.PowerShell.Create(Runspace);
        ps.AddScript(script);
        if (parameters is not null) ps.AddParameters(parameters);
        return ps;
    }

    public void Dispose() => Runspace.Dispose();
}

/// <summary>A script running asynchronously; <see cref="Stop"/> is what Ctrl+C does.</summary>
public sealed class RunningScript : IDisposable
{
    private readonly System.Management.Automation.PowerShell _ps;
    private readonly PSDataCollection<PSObject> _output = new();
    internal RunningScript(System.Management.Automation.PowerShell ps)
    {
        _ps = ps;
        Completion = RunAsync();
    }

    /// <summary>Completes when the script has ended (finished, failed or stopped), with every stream.</summary>
    public Task<PowerShellResult> Completion { get; }

    public PSInvocationState State => _ps.InvocationStateInfo.State;

    /// <summary>Stops the pipeline as Ctrl+C does; returns once PowerShell has stopped it.</summary>
    public void Stop() => _ps.Stop();

    private async Task<PowerShellResult> RunAsync()
    {
        RuntimeException? terminated = null;
        try { await _ps.InvokeAsync<PSObject, PSObject>(null, _output); }
        catch (RuntimeException ex) { terminated = ex; }
        return PowerShellResult.From(_ps, _output, terminated);
    }

    public void Dispose() => _ps.Dispose();
}

/// <summary>What a script wrote: its output and each of its streams, and the terminating error it ended with, if any.</summary>
public sealed record PowerShellResult(
    IReadOnlyList<PSObject> Output,
    IReadOnlyList<ErrorRecord> Errors,
    IReadOnlyList<string> Verbose,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<ProgressSnapshot> Progress,
    RuntimeException? Terminated)
{
    // Progress: the records as PowerShell kept them, read when the script has ended; a cmdlet that changed a record
    // after writing it would show here (each update of a bar must be a record of its own).
    internal static PowerShellResult From(System.Management.Automation.PowerShell ps, PSDataCollection<PSObject> output,
        RuntimeException? terminated) =>
        new(output.ToList(), ps.Streams.Error.ToList(), ps.Streams.Verbose.Select(v => v.Message).ToList(),
            ps.Streams.Warning.Select(w => w.Message).ToList(),
            ps.Streams.Progress.Select(r => new ProgressSnapshot(r.ActivityId, r.Activity, r.StatusDescription, r.PercentComplete, r.RecordType) { ParentActivityId = r.ParentActivityId }).ToList(),
            terminated);
}

public static class PSObjectExtensions
{
    /// <summary>A property as PowerShell sees it. The module's types are not referenced here: its assemblies are
    /// PowerShell's to load from out/PhraseTms, so the tests read objects as scripts do.</summary>
    public static object? Get(this PSObject value, string property) =>
        (value.Properties[property] ?? throw new Xunit.Sdk.XunitException($"{value.TypeNames[0]} has no property {property}")).Value;

    /// <summary>A property as text (null stays null).</summary>
    public static string? Text(this PSObject value, string property) => value.Get(property)?.ToString();

    /// <summary>Asserts the object is of the module's type <paramref name="typeName"/> (e.g. "PhraseTms.AsyncRequest").</summary>
    public static PSObject OfType(this PSObject value, string typeName)
    {
        Assert.Equal(typeName, value.TypeNames[0]);
        return value;
    }
}

/// <summary>A progress record as it was when written.</summary>
public sealed record ProgressSnapshot(int ActivityId, string Activity, string StatusDescription, int PercentComplete, ProgressRecordType RecordType)
{
    /// <summary>The bar this one is a child of (-1: none).</summary>
    public int ParentActivityId { get; init; } = -1;
}
