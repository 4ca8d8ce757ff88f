using PhraseTms.Client.AsyncRequests;
using PhraseTms.Client.Auth;
using PhraseTms.Client.BackgroundTasks;
using PhraseTms.Client.Connectors;
using PhraseTms.Client.Http;
using PhraseTms.Client.Jobs;
using PhraseTms.Client.Raw;
using PhraseTms.Client.Transfers;

namespace PhraseTms.Client;

/// <summary>
/// The Phrase TMS client: one pipeline, and the API areas built on it. It uses the authenticator it is given but does
/// not own it (a <see cref="Connection.PhraseTmsSession"/> owns both).
/// </summary>
public sealed class PhraseTmsClient : IDisposable
{
    public PhraseTmsClient(PhraseTmsClientOptions options, PhraseAuthenticator authenticator)
    {
        Options = options;
        Pipeline = new ApiPipeline(options, authenticator);
        Connectors = new ConnectorsApi(this);
        Jobs = new JobsApi(this);
        AsyncRequests = new AsyncRequestsApi(this);
        BackgroundTasks = new BackgroundTasksApi(this);
        Raw = new RawApi(this);
        Transfers = new TransfersApi(this);
    }

    public PhraseTmsClientOptions Options { get; }

    /// <summary>Where the client tells what it does (<see cref="PhraseTmsClientOptions.Log"/>, the only way it logs).</summary>
    public IClientLog Log => Options.Log;

    /// <summary>The one HTTP pipeline.</summary>
    public ApiPipeline Pipeline { get; }

    /// <summary>GET /api2/v1/connectorAsyncTasks.</summary>
    public ConnectorsApi Connectors { get; }

    /// <summary>POST /api2/v1/projects/{projectUid}/jobs/connectorTask.</summary>
    public JobsApi Jobs { get; }

    /// <summary>GET /api2/v1/async/{id} and the one waiter for asynchronous work.</summary>
    public AsyncRequestsApi AsyncRequests { get; }

    /// <summary>lastBackgroundTask of translation memories and term bases.</summary>
    public BackgroundTasksApi BackgroundTasks { get; }

    /// <summary>Any endpoint (Invoke-PhraseTmsRequest).</summary>
    public RawApi Raw { get; }

    /// <summary>Streamed uploads and downloads of any endpoint.</summary>
    public TransfersApi Transfers { get; }

    public void Dispose() => Pipeline.Dispose();
}
