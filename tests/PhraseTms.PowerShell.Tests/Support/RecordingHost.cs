using System.Collections.Concurrent;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace PhraseTms.PowerShell.Tests.Support;

/// <summary>
/// A host that records what PowerShell writes to the screen (the -WhatIf messages go nowhere else) and refuses to
/// prompt: a test that would wait for input (a missing mandatory parameter, -Confirm) fails instead of hanging.
/// </summary>
public sealed class RecordingHost : PSHost
{
    private readonly RecordingUserInterface _ui = new();

    /// <summary>Every line written to the host, in order.</summary>
    public IReadOnlyList<string> Lines => _ui.Lines.ToArray();

    /// <summary>The fields PowerShell asked for (e.g. a mandatory parameter left unbound), refused each time.</summary>
    public IReadOnlyList<string> Prompts => _ui.Prompts.ToArray();

    public override string Name => "PhraseTms.PowerShell.Tests";
    public override Version Version { get; } = new(1, 0);
    public override Guid InstanceId { get; } = Guid.NewGuid();
    public override PSHostUserInterface UI => _ui;
    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;
    public override void SetShouldExit(int exitCode) { }
    public override void EnterNestedPrompt() => throw new NotSupportedException();
    public override void ExitNestedPrompt() => throw new NotSupportedException();
    public override void NotifyBeginApplication() { }
    public override void NotifyEndApplication() { }

    private sealed class RecordingUserInterface : PSHostUserInterface
    {
        private readonly object _lock = new();
        private string _partial = "";

        public ConcurrentQueue<string> Lines { get; } = new();

        public ConcurrentQueue<string> Prompts { get; } = new();

        // No raw console: the formatter then uses its default width (Out-String -Width sets it explicitly).
        public override PSHostRawUserInterface? RawUI => null;

        public override void Write(string value)
        {
            lock (_lock) _partial += value;
        }

        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Write(value);

        public override void WriteLine(string value)
        {
            lock (_lock)
            {
                Lines.Enqueue(_partial + value);
                _partial = "";
            }
        }

        public override void WriteErrorLine(string value) => WriteLine(value);
        public override void WriteDebugLine(string message) => WriteLine("DEBUG: " + message);
        public override void WriteVerboseLine(string message) => WriteLine("VERBOSE: " + message);
        public override void WriteWarningLine(string message) => WriteLine("WARNING: " + message);
        public override void WriteProgress(long sourceId, ProgressRecord record) { }

        public override string ReadLine() => throw Prompting();
        public override SecureString ReadLineAsSecureString() => throw Prompting();
        public override Dictionary<string, PSObject> Prompt(string caption, string message, System.Collections.ObjectModel.Collection<FieldDescription> descriptions)
        {
            foreach (var field in descriptions) Prompts.Enqueue(field.Name);
            throw Prompting();
        }
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw Prompting();
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
            PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw Prompting();
        public override int PromptForChoice(string caption, string message, System.Collections.ObjectModel.Collection<ChoiceDescription> choices, int defaultChoice) => throw Prompting();

        private static NotSupportedException Prompting() => new("The test host cannot prompt: pass every parameter (and -Confirm:$false).");
    }
}
