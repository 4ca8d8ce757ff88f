using System.Security;
using PhraseTms.Client;
using PhraseTms.Client.Auth;
using PhraseTms.Client.Connectors;
using PhraseTms.Client.Paging;

namespace PhraseTms.Benchmarks;

/// <summary>The module: the client's pager exactly as Get-ConnectorAsyncTask drives it (page size, prefetch from the session).</summary>
internal sealed class ModuleReader : IItemSource
{
    private readonly PhraseTmsClient _client;

    public ModuleReader(Uri baseUri, string token, int? prefetch)
    {
        var options = new PhraseTmsClientOptions { BaseUri = baseUri };
        if (prefetch is { } n) options = new PhraseTmsClientOptions { BaseUri = baseUri, PrefetchPages = n };
        _client = new PhraseTmsClient(options, new TokenAuthenticator(Secure(token), TokenType.ApiToken));
    }

    public int Prefetch => _client.Options.PrefetchPages;

    public string Name => $"module (prefetch {Prefetch})";

    public IAsyncEnumerable<ConnectorAsyncTask> Read(string projectUid, int pageSize) =>
        _client.Connectors.GetConnectorAsyncTasks(
            new ConnectorAsyncTaskQuery { ProjectUid = projectUid },
            new PagingOptions { PageSize = pageSize, Prefetch = _client.Options.PrefetchPages });

    private static SecureString Secure(string value)
    {
        var s = new SecureString();
        foreach (var c in value) s.AppendChar(c);
        s.MakeReadOnly();
        return s;
    }

    public void Dispose() => _client.Dispose();
}

/// <summary>Something that lists every connector task of a project, item by item.</summary>
internal interface IItemSource : IDisposable
{
    string Name { get; }

    IAsyncEnumerable<ConnectorAsyncTask> Read(string projectUid, int pageSize);
}
