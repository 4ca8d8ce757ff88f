using System.Collections;
using System.Security;
using PhraseTms.Emulator;

namespace PhraseTms.PowerShell.Tests.Support;

/// <summary>The base of the tests: a fresh runspace with the module per test, the collection's emulator.</summary>
public abstract class ModuleTest(EmulatorFixture fixture) : IDisposable
{
    protected PhraseTmsEmulator Emulator { get; } = fixture.Emulator;

    protected PowerShellSession PowerShell { get; } = new();

    /// <summary>$BaseUri (the emulator) and $Token (the demo API token), plus any other parameters.</summary>
    protected Hashtable Parameters(params (string Name, object? Value)[] more)
    {
        var parameters = new Hashtable { ["BaseUri"] = Emulator.BaseUri.ToString(), ["Token"] = Secure(PhraseTmsEmulator.DemoApiToken) };
        foreach (var (name, value) in more) parameters[name] = value;
        return parameters;
    }

    /// <summary>Makes a session with the demo API token current.</summary>
    protected void Connect() => PowerShell.Run("param($BaseUri, $Token) Connect-PhraseTms -Token $Token -BaseUri $BaseUri", Parameters());

    /// <summary>The requests the emulator received while <paramref name="action"/> ran (the tests run one at a time).</summary>
    protected IReadOnlyList<RecordedRequest> RequestsDuring(Action action)
    {
        var before = Emulator.Requests.Count;
        action();
        return Emulator.Requests.All.Skip(before).ToList();
    }

    protected static SecureString Secure(string value)
    {
        var s = new SecureString();
        foreach (var c in value) s.AppendChar(c);
        s.MakeReadOnly();
        return s;
    }

    public void Dispose()
    {
        PowerShell.Dispose();
        GC.SuppressFinalize(this);
    }
}
