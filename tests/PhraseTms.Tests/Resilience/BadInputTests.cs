using System.Security;
using PhraseTms.Client;
using System.Collections;
using PhraseTms.Client.AsyncRequests;
using PhraseTms.Client.Auth;
using PhraseTms.Client.BackgroundTasks;
using PhraseTms.Client.Jobs;
using PhraseTms.Client.Connection;
using PhraseTms.Client.Connectors;
using PhraseTms.Client.Errors;
using PhraseTms.Client.Http;
using PhraseTms.Client.Paging;
using PhraseTms.Client.Serialization;
using PhraseTms.Emulator;
using PhraseTms.Tests.Support;

namespace PhraseTms.Tests.Resilience;

/// <summary>
/// Bad inputs across the cmdlets' client calls: each is refused with a validation error (stable ErrorId, the parameter,
/// the offending value) before any request — the emulator's request count proves it.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class BadInputTests(ReliabilityLedger ledger) : IAsyncLifetime
{
    private PhraseTmsEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await PhraseTmsEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static Task List(PhraseTmsClient c, ConnectorAsyncTaskQuery query, PagingOptions? paging = null) =>
        c.Connectors.GetConnectorAsyncTasks(query, paging ?? new PagingOptions()).ToListAsync();

    private static ConnectorAsyncTaskQuery Demo => new() { ProjectUid = SeedIds.DemoProject };

    private static Task Job(PhraseTmsClient c, JobCreateRequest request, string project = SeedIds.DemoProject, string task = SeedIds.DownloadSuccessHtml) =>
        c.Jobs.CreateFromConnectorTaskAsync(project, task, request, null, default);

    private static JobCreateRequest De(Action<JobCreateRequest> change)
    {
        var request = new JobCreateRequest { TargetLangs = ["de"] };
        change(request);
        return request;
    }

    private static JobCreateRequest De() => De(_ => { });

    private static Task Map<T>(IDictionary hashtable) => Task.FromResult(DictionaryMapper.Map<T>(hashtable, typeof(T).Name));

    private static Task Connect(PhraseTmsEmulator e, ConnectionSettings s) =>
        PhraseTmsSession.ConnectAsync(s, null, default);

    private static SecureString S(string v) => Clients.Secure(v);

    private static Func<string, string?> Env(params (string, string)[] vars) => n => vars.FirstOrDefault(v => v.Item1 == n).Item2;

    /// <summary>name → (what is done, expected ErrorId, expected parameter).</summary>
    private static readonly Dictionary<string, (Func<PhraseTmsClient, PhraseTmsEmulator, Task> Act, string ErrorId, string Parameter)> Cases = new()
    {
        ["page size 0"] = ((c, _) => List(c, Demo, new() { PageSize = 0 }), "InvalidPageSize", "PageSize"),
        ["page size 1001"] = ((c, _) => List(c, Demo, new() { PageSize = 1001 }), "InvalidPageSize", "PageSize"),
        ["negative -Skip"] = ((c, _) => List(c, Demo, new() { Skip = -1 }), "InvalidSkip", "Skip"),
        ["negative -First"] = ((c, _) => List(c, Demo, new() { First = -3 }), "InvalidFirst", "First"),
        ["prefetch 0"] = ((c, _) => List(c, Demo, new() { Prefetch = 0 }), "InvalidPrefetch", "Prefetch"),
        ["project uid ../admin"] = ((c, _) => List(c, new() { ProjectUid = "../admin" }), "InvalidIdentifier", "ProjectUid"),
        ["project uid a/b?x=1"] = ((c, _) => List(c, new() { ProjectUid = "a/b?x=1" }), "InvalidIdentifier", "ProjectUid"),
        ["project uid with %2F"] = ((c, _) => List(c, new() { ProjectUid = "a%2Fb" }), "InvalidIdentifier", "ProjectUid"),
        ["project uid with a newline"] = ((c, _) => List(c, new() { ProjectUid = "abc\r\nX-Evil: 1" }), "InvalidIdentifier", "ProjectUid"),
        ["empty project uid"] = ((c, _) => List(c, new() { ProjectUid = "" }), "EmptyIdentifier", "ProjectUid"),
        ["whitespace project uid"] = ((c, _) => List(c, new() { ProjectUid = "   " }), "EmptyIdentifier", "ProjectUid"),
        ["101-character project uid"] = ((c, _) => List(c, new() { ProjectUid = new string('a', 101) }), "InvalidIdentifier", "ProjectUid"),
        ["created-from after created-to"] = ((c, _) => List(c, Demo with { DateCreatedFrom = Now, DateCreatedTo = Now.AddDays(-1) }), "InvalidDateRange", "DateCreatedFrom"),
        ["processed-from after processed-to"] = ((c, _) => List(c, Demo with { DateProcessedFrom = Now, DateProcessedTo = Now.AddHours(-1) }), "InvalidDateRange", "DateProcessedFrom"),
        ["undefined task type"] = ((c, _) => List(c, Demo with { TaskTypes = [(ConnectorTaskType)42] }), "InvalidEnumValue", "TaskType"),
        ["undefined processing type"] = ((c, _) => List(c, Demo with { TaskProcessingTypes = [(ConnectorTaskProcessingType)(-1)] }), "InvalidEnumValue", "TaskProcessingType"),
        ["http:// base uri to a remote host"] = ((_, e) => Connect(e, new() { BaseUri = "http://cloud.memsource.com/web", Token = S("t") }), "InsecureBaseUri", "BaseUri"),
        ["ftp:// base uri"] = ((_, e) => Connect(e, new() { BaseUri = "ftp://cloud.memsource.com/web", Token = S("t") }), "InvalidBaseUri", "BaseUri"),
        ["relative base uri"] = ((_, e) => Connect(e, new() { BaseUri = "cloud.memsource.com/web", Token = S("t") }), "InvalidBaseUri", "BaseUri"),
        ["base uri with user info"] = ((_, e) => Connect(e, new() { BaseUri = $"http://u:p@127.0.0.1:{e.BaseUri.Port}/web", Token = S("t") }), "InvalidBaseUri", "BaseUri"),
        ["base uri with a token query"] = ((_, e) => Connect(e, new() { BaseUri = $"{e.BaseUri}?token=x", Token = S("t") }), "InvalidBaseUri", "BaseUri"),
        ["empty token"] = ((_, e) => Connect(e, new() { BaseUri = e.BaseUri.ToString(), Token = S("") }), "EmptyToken", "Token"),
        ["empty user name"] = ((_, e) => Connect(e, new() { BaseUri = e.BaseUri.ToString(), UserName = " ", Password = S("p") }), "EmptyUserName", "Credential"),
        ["empty password"] = ((_, e) => Connect(e, new() { BaseUri = e.BaseUri.ToString(), UserName = "demo", Password = S("") }), "EmptyPassword", "Credential"),
        ["hostile organization uid"] = ((_, e) => Connect(e, new() { BaseUri = e.BaseUri.ToString(), UserName = "demo", Password = S("p"), OrganizationUserUid = "../x" }), "InvalidIdentifier", "OrganizationUid"),
        ["empty platform token"] = ((_, e) => Connect(e, new() { BaseUri = e.BaseUri.ToString(), PlatformToken = S("") }), "EmptyPlatformToken", "PlatformToken"),
        ["platform token with a foreign base uri and no identity uri"] = ((_, e) => Connect(e, new() { BaseUri = "https://proxy.example.test/web", PlatformToken = S("p") }), "IdentityUriRequired", "IdentityUri"),
        ["http:// identity uri to a remote host"] = ((_, e) => Connect(e, new() { IdentityUri = "http://eu.phrase.com/idm/oauth/token", PlatformToken = S("p") }), "InsecureIdentityUri", "IdentityUri"),
        ["identity uri with a token query"] = ((_, e) => Connect(e, new() { BaseUri = e.BaseUri.ToString(), IdentityUri = $"{e.IdentityUri}?subject_token=x", PlatformToken = S("p") }), "InvalidIdentityUri", "IdentityUri"),
        ["relative identity uri"] = ((_, e) => Connect(e, new() { IdentityUri = "idm/oauth/token", PlatformToken = S("p") }), "InvalidIdentityUri", "IdentityUri"),
        ["PHRASETMS_IDENTITY_URI over http"] = ((_, e) => Connect(e, ConnectionSettings.FromEnvironment(Env(("PHRASETMS_PLATFORM_TOKEN", "p"), ("PHRASETMS_IDENTITY_URI", "http://example.com/idm/oauth/token")))!), "InsecureIdentityUri", "IdentityUri"),
        ["PHRASETMS_TOKEN_TYPE Basic"] = ((_, _) => Task.FromResult(ConnectionSettings.FromEnvironment(Env(("PHRASETMS_TOKEN", "t"), ("PHRASETMS_TOKEN_TYPE", "Basic")))), "InvalidTokenType", "PHRASETMS_TOKEN_TYPE"),
        ["PHRASETMS_DATACENTER APAC"] = ((_, _) => Task.FromResult(ConnectionSettings.FromEnvironment(Env(("PHRASETMS_TOKEN", "t"), ("PHRASETMS_DATACENTER", "APAC")))), "InvalidDataCenter", "PHRASETMS_DATACENTER"),
        ["PHRASETMS_USERNAME without a password"] = ((_, _) => Task.FromResult(ConnectionSettings.FromEnvironment(Env(("PHRASETMS_USERNAME", "demo")))), "MissingPassword", "PHRASETMS_PASSWORD"),
        ["PHRASETMS_BASE_URI over http"] = ((_, e) => Connect(e, ConnectionSettings.FromEnvironment(Env(("PHRASETMS_TOKEN", "t"), ("PHRASETMS_BASE_URI", "http://example.com/web")))!), "InsecureBaseUri", "BaseUri"),
        ["empty -TargetLang list"] = ((c, _) => Job(c, new() { TargetLangs = [] }), "EmptyTargetLang", "TargetLang"),
        ["empty language code in -TargetLang"] = ((c, _) => Job(c, new() { TargetLangs = ["de", ""] }), "InvalidTargetLang", "TargetLang"),
        ["256-character -Path"] = ((c, _) => Job(c, De(r => r.Path = new string('p', 256))), "PathTooLong", "Path"),
        ["-CallbackUrl that is not a URL"] = ((c, _) => Job(c, De(r => r.CallbackUrl = "not a url")), "InvalidCallbackUrl", "CallbackUrl"),
        ["notify interval 1441 minutes"] = ((c, _) => Job(c, De(r => r.NotifyProvider = new NotifyProvider("7", 1441))), "InvalidNotificationInterval", "NotifyProvider.NotificationIntervalInMinutes"),
        ["notify interval -1 minutes"] = ((c, _) => Job(c, De(r => r.NotifyProvider = new NotifyProvider("7", -1))), "InvalidNotificationInterval", "NotifyProvider.NotificationIntervalInMinutes"),
        ["remote file without a connector token"] = ((c, _) => Job(c, De(r => r.RemoteFile = new JobCreateRemoteFile { RemoteFileName = "a.xml" })), "MissingRemoteFileField", "RemoteFile.ConnectorToken"),
        ["hostile -DownloadTaskId"] = ((c, _) => Job(c, De(), task: "1/../2"), "InvalidIdentifier", "DownloadTaskId"),
        ["hostile -ProjectUid for jobs"] = ((c, _) => Job(c, De(), project: "p?x=1"), "InvalidIdentifier", "ProjectUid"),
        ["hashtable with an unknown key"] = ((_, _) => Map<NotifyProvider>(new Hashtable { ["Intervall"] = 5 }), "UnknownKey", "NotifyProvider.Intervall"),
        ["hashtable with a text for a number"] = ((_, _) => Map<NotifyProvider>(new Hashtable { ["NotificationIntervalInMinutes"] = "soon" }), "InvalidValue", "NotifyProvider.NotificationIntervalInMinutes"),
        ["non-numeric async request -Id"] = ((c, _) => c.AsyncRequests.GetAsync("12;DROP", default), "InvalidIdentifier", "Id"),
        ["hostile -TransMemoryUid"] = ((c, _) => c.BackgroundTasks.GetLastAsync(BackgroundTaskKind.TranslationMemory, "../admin", default), "InvalidIdentifier", "TransMemoryUid"),
        ["hostile -TermBaseUid"] = ((c, _) => c.BackgroundTasks.GetLastAsync(BackgroundTaskKind.TermBase, "a/b?x=1", default), "InvalidIdentifier", "TermBaseUid"),
        ["negative -TimeoutSec"] = ((c, _) => c.AsyncRequests.Waiter.WaitAsync(SeedIds.AsyncNeverFinishes, WaitOptions.Default with { Timeout = TimeSpan.FromSeconds(-5) }, null, default), "InvalidTimeout", "TimeoutSec"),
        ["path segment .."] = ((_, _) => Task.FromResult(PathSegment.Escape("..")), "InvalidPathSegment", "Path"),
        ["non-numeric id"] = ((_, _) => Task.FromResult(PathSegment.NumericId("Id", "12a/../3")), "InvalidIdentifier", "Id"),
    };

    public static TheoryData<string> Names() => new(Cases.Keys);

    [Fact]
    public void The_table_holds_at_least_25_bad_inputs() => Assert.True(Cases.Count >= 25, $"{Cases.Count} cases");

    [Theory]
    [MemberData(nameof(Names))]
    public async Task A_bad_input_is_refused_before_any_request(string name)
    {
        var (act, errorId, parameter) = Cases[name];
        using var client = Clients.WithToken(_emulator);
        var before = _emulator.Requests.Count;
        var ex = await Assert.ThrowsAsync<PhraseTmsValidationException>(() => act(client, _emulator));
        Assert.Equal(errorId, ex.ErrorId);
        Assert.Equal(parameter, ex.ParameterName);
        Assert.Equal(PhraseErrorKind.InvalidArgument, ex.Kind);
        Assert.False(string.IsNullOrWhiteSpace(ex.Message));
        Assert.Equal(before, _emulator.Requests.Count);
        ledger.BadInput(name);
    }
}
