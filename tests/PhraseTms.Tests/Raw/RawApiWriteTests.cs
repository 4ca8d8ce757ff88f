using System.Collections;
using System.Collections.Specialized;
using Newtonsoft.Json.Linq;
using PhraseTms.Client.Errors;
using PhraseTms.Client.Raw;
using PhraseTms.Emulator;
using PhraseTms.Tests.Support;

namespace PhraseTms.Tests.Raw;

/// <summary>Requests that change the emulator (jobs, faults, tokens): each test has its own emulator.</summary>
public sealed class RawApiWriteTests : IAsyncLifetime
{
    private PhraseTmsEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await PhraseTmsEmulator.StartAsync(new EmulatorOptions());

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private static RawRequest CreateJobs(object body) => RawRequest.Create("POST", $"/api2/v1/projects/{SeedIds.DemoProject}/jobs/connectorTask",
        new OrderedDictionary { ["downloadTaskId"] = SeedIds.DownloadSuccessHtml, ["continuous"] = false }, body);

    [Fact]
    public async Task A_post_with_a_table_body_creates_what_the_api_creates()
    {
        using var client = Clients.WithToken(_emulator);
        var response = await client.Raw.SendAsync(CreateJobs(new Hashtable { ["targetLangs"] = new[] { "de", "fr_fr" } }), default);

        Assert.Equal(201, response.StatusCode);
        var answer = (JObject)RawApi.ReadJson(response)!;
        Assert.Equal(["de", "fr_fr"], answer["jobs"]!.Select(j => (string)j["targetLang"]!));
        Assert.Equal("IMPORT_JOB", (string?)answer["asyncRequest"]!["action"]);
        var created = Assert.Single(_emulator.Data.CreatedJobs);
        Assert.Equal(SeedIds.DownloadSuccessHtml, created.DownloadTaskId);
        Assert.Equal(["de", "fr_fr"], created.TargetLangs);
        var request = Assert.Single(_emulator.Requests.Matching("POST", "/jobs/connectorTask"));
        Assert.Equal("downloadTaskId=100000001&continuous=false", request.Query);
    }

    [Fact]
    public async Task A_json_string_body_reaches_the_server_byte_for_byte()
    {
        const string body = "{\n  \"targetLangs\": [ \"it\" ]\n}";
        using var client = Clients.WithToken(_emulator);
        await client.Raw.SendAsync(CreateJobs(body), default);
        Assert.Equal(body, Assert.Single(_emulator.Requests.Matching("POST", "/jobs/connectorTask")).Body);
    }

    [Fact]
    public async Task A_post_that_fails_on_the_server_is_not_sent_again()
    {
        _emulator.Faults.Add("POST", "/jobs/connectorTask", new Fault(FaultKind.ServerError));
        using var client = Clients.WithToken(_emulator);
        var ex = await Assert.ThrowsAsync<PhraseTmsApiException>(() =>
            client.Raw.SendAsync(CreateJobs(new Hashtable { ["targetLangs"] = new[] { "de" } }), default));
        Assert.Equal(500, ex.StatusCode);
        Assert.Single(_emulator.Requests.Matching("POST", "/jobs/connectorTask"));
        Assert.Empty(_emulator.Data.CreatedJobs);
    }

    [Fact]
    public async Task A_throttled_post_is_retried_after_retry_after_and_a_failed_get_is_retried()
    {
        _emulator.Faults.Add("POST", "/jobs/connectorTask", new Fault(FaultKind.TooManyRequests) { RetryAfter = "0" });
        _emulator.Faults.Add("GET", "/async/", new Fault(FaultKind.ServerError) { StatusCode = 503 });
        using var client = Clients.WithToken(_emulator);

        var created = RawApi.ReadJson(await client.Raw.SendAsync(CreateJobs(new Hashtable { ["targetLangs"] = new[] { "de" } }), default))!;
        var asyncId = (string)created["asyncRequest"]!["id"]!;
        var polled = RawApi.ReadJson(await client.Raw.SendAsync(RawRequest.Create("GET", $"/api2/v1/async/{asyncId}"), default))!;

        Assert.Equal([429, 201], _emulator.Requests.Matching("POST", "/jobs/connectorTask").Select(r => r.StatusCode));
        Assert.Single(_emulator.Data.CreatedJobs);
        Assert.Equal([503, 200], _emulator.Requests.Matching("GET", "/async/").Select(r => r.StatusCode));
        Assert.Equal(asyncId, (string?)polled["id"]);
    }

    [Fact]
    public async Task An_expired_login_is_renewed_once_and_the_request_repeated()
    {
        using var client = Clients.WithLogin(_emulator);
        await client.Raw.SendAsync(RawRequest.Create("GET", "/api2/v1/auth/whoAmI"), default);
        _emulator.ExpireAllTokens();

        var who = RawApi.ReadJson(await client.Raw.SendAsync(RawRequest.Create("GET", "/api2/v1/auth/whoAmI"), default))!;

        Assert.Equal(PhraseTmsEmulator.DemoUserName, (string?)who["user"]!["userName"]);
        Assert.Equal([200, 401, 200], _emulator.Requests.Matching("GET", "/auth/whoAmI").Select(r => r.StatusCode));
        Assert.Equal(2, _emulator.Requests.Matching("POST", "/auth/login").Count);
    }

    [Fact]
    public async Task An_empty_answer_reads_as_nothing_and_a_text_answer_as_text()
    {
        _emulator.Faults.Add("GET", "/async/", new Fault(FaultKind.EmptyBody));
        _emulator.Faults.Add("GET", "/async/", new Fault(FaultKind.WrongContentType));
        using var client = Clients.WithToken(_emulator);
        var request = RawRequest.Create("GET", $"/api2/v1/async/{SeedIds.AsyncFinishedOk}");

        Assert.Null(RawApi.ReadJson(await client.Raw.SendAsync(request, default)));
        var text = RawApi.ReadJson(await client.Raw.SendAsync(request, default));
        Assert.Equal(JTokenType.String, text!.Type);
        Assert.Equal("OK", (string?)text);
    }
}
