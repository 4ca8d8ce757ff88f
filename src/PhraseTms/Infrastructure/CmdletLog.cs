using PhraseTms.Client.Http;
using PhraseTms.Client.Threading;

namespace PhraseTms.Infrastructure;

/// <summary>Forwards the client's log to the cmdlet's -Verbose / -Debug / warning streams, on the pipeline thread.</summary>
internal sealed class CmdletLog(PhraseTmsCmdlet cmdlet, PipelineDispatcher dispatcher) : IClientLog
{
    public void Verbose(string message) => dispatcher.Post(() => cmdlet.WriteVerbose(message));
    public void Debug(string message) => dispatcher.Post(() => cmdlet.WriteDebug(message));
    public void Warning(string message) => dispatcher.Post(() => cmdlet.WriteWarning(message));
}
