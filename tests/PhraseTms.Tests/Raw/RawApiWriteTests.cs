using System.Collections;
using System.Collections.Specialized;
using Newtonsoft.Json.Linq;
using PhraseTms.Client.Errors;
using PhraseTms.Client.Raw;
using PhraseTms.Emulator;
using PhraseTms.Tests.Resilience;

namespace PhraseTms.Tests.Raw;

/// <summary>Requests that change the emulator (jobs, faults, tokens): each test has its own (FaultLab).</summary>
public sealed class RawApiWriteTests
{
    private static RawRequest CreateJobs(object body) => RawRequest.Create("POST", $"/api2/v1/projects/{SeedIds.DemoProject}/jobs/connectorTask",
        new OrderedDictionary { ["downloadTaskId"] = SeedIds.DownloadSuccessHtml, ["continuous"] = false }, body);

    [Fact]
    public async Task A_post_with_a_table_body_creates_what_the_api_creates()
    {
        await using var lab = await FaultLab.StartAsync();
        using var client = lab.TokenClient();
        var response = await client.Raw.SendAsync(CreateJobs(new Hashtable { ["targetLangs"] = new[] { "de", "fr_fr" } }), default);

        Assert.Equal(201, response.StatusCode);
        var answer = (JObject)RawApi.ReadJson(response)!;
        Assert.Equal(["de", "fr_fr"], answer["jobs"]!.Select(j => (string)j["targetLang"]!));
        Assert.Equal("IMPORT_JOB", (string?)answer["asyncRequest"]!["action"]);
        var created = Assert.Single(lab.Emulator.Data.CreatedJobs);
        Assert.Equal(SeedIds.DownloadSuccessHtml, created.DownloadTaskId);
        Assert.Equal(["de", "fr_fr"], created.TargetLangs);
        var request = Assert.Single(lab.Emulator.Requests.Matching("POST", "/jobs/connectorTask"));
        Assert.Equal("downloadTaskId=100000001&continuous=false", request.Query);
    }

    [Fact]
    public async Task A_json_string_body_reaches_the_server_byte_for_byte()
    {
        await using var lab = await FaultLab.StartAsync();
        const string body = "{\n  \"targetLangs\": [ \"it\" ]\n}";
        using var client = lab.TokenClient();
        await client.Raw.SendAsync(CreateJobs(body), default);
        Assert.Equal(body, Assert.Single(lab.Emulator.Requests.Matching("POST", "/jobs/connectorTask")).Body);
    }

    [Fact]
    public async Task A_post_that_fails_on_the_server_is_not_sent_again()
    {
        await using var lab = await FaultLab.StartAsync();
        lab.Emulator.Faults.Add("POST", "/jobs/connectorTask", new Fault(FaultKind.ServerError));
        using var client = lab.TokenClient();
        var ex = await Assert.ThrowsAsync<PhraseTmsApiException>(() =>
            client.Raw.SendAsync(CreateJobs(new Hashtable { ["targetLangs"] = new[] { "de" } }), default));
        Assert.Equal(500, ex.StatusCode);
        Assert.Single(lab.Emulator.Requests.Matching("POST", "/jobs/connectorTask"));
        Assert.Empty(lab.Emulator.Data.CreatedJobs);
    }

    [Fact]
    public async Task A_throttled_post_is_retried_after_retry_after_and_a_failed_get_is_retried()
    {
        await using var lab = await FaultLab.StartAsync();
        lab.Emulator.Faults.Add("POST", "/jobs/connectorTask", new Fault(FaultKind.TooManyRequests) { RetryAfter = "0" });
        lab.Emulator.Faults.Add("GET", "/async/", new Fault(FaultKind.ServerError) { StatusCode = 503 });
        using var client = lab.TokenClient();

        var created = RawApi.ReadJson(await client.Raw.SendAsync(CreateJobs(new Hashtable { ["targetLangs"] = new[] { "de" } }), default))!;
        var asyncId = (string)created["asyncRequest"]!["id"]!;
        var polled = RawApi.ReadJson(await client.Raw.SendAsync(RawRequest.Create("GET", $"/api2/v1/async/{asyncId}"), default))!;

        Assert.Equal([429, 201], lab.Emulator.Requests.Matching("POST", "/jobs/connectorTask").Select(r => r.StatusCode));
        Assert.Single(lab.Emulator.Data.CreatedJobs);
        Assert.Equal([503, 200], lab.Emulator.Requests.Matching("GET", "/async/").Select(r => r.StatusCode));
        Assert.Equal(asyncId, (string?)polled["id"]);
    }

    [Fact]
    public async Task An_expired_login_is_renewed_once_and_the_request_repeated()
    {
        await using var lab = await FaultLab.StartAsync();
        using var client = lab.LoginClient();
        await client.Raw.SendAsync(RawRequest.Create("GET", "/api2/v1/auth/whoAmI"), default);
        lab.Emulator.ExpireAllTokens();

        var who = RawApi.ReadJson(await client.Raw.SendAsync(RawRequest.Create("GET", "/api2/v1/auth/whoAmI"), default))!;

        Assert.Equal(PhraseTmsEmulator.DemoUserName, (string?)who["user"]!["userName"]);
        Assert.Equal([200, 401, 200], lab.Emulator.Requests.Matching("GET", "/auth/whoAmI").Select(r => r.StatusCode));
        Assert.Equal(2, lab.Emulator.Requests.Matching("POST", "/auth/login").Count);
    }

    [Fact]
    public async Task An_empty_answer_reads_as_nothing_and_a_text_answer_as_text()
    {
        await using var lab = await FaultLab.StartAsync();
        lab.Emulator.Faults.Add("GET", "/async/", new Fault(FaultKind.EmptyBody));
        lab.Emulator.Faults.Add("GET", "/async/", new Fault(FaultKind.WrongContentType));
        using var client = lab.TokenClient();
        var request = RawRequest.Create("GET", $"/api2/v1/async/{SeedIds.AsyncFinishedOk}");

        Assert.Null(RawApi.ReadJson(await client.Raw.SendAsync(request, default)));
        var text = RawApi.ReadJson(await client.Raw.SendAsync(request, default));
        Assert.Equal(JTokenType.String, text!.Type);
        Assert.Equal("OK", (string?)text);
    }
}
