using System.Net;
using Newtonsoft.Json.Linq;
using PhraseTms.ContractStub.Samples;

namespace PhraseTms.ContractStub.Tests;

public sealed class AnswerTests(StubFixture f) : IClassFixture<StubFixture>
{
    private static readonly HttpClient Http = new();

    private async Task<(HttpResponseMessage Response, string Body)> Send(RequestSpec spec)
    {
        var response = await Http.SendAsync(spec.ToHttp(f.Stub.BaseUri));
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Dates kept as sent.</summary>
    private static JObject Parse(string json) =>
        (JObject)JToken.ReadFrom(new Newtonsoft.Json.JsonTextReader(new StringReader(json)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None });

    [Theory]
    [InlineData(1, 3, 3)]
    [InlineData(2, 6, 3)]
    [InlineData(50, 2, 1)]
    public async Task A_pager_reads_to_the_end_in_a_few_requests(int pageSize, int total, int pages)
    {
        var items = new List<JToken>();
        for (var page = 0; ; page++)
        {
            var (_, body) = await Send(f.Conforming("GET /api2/v1/async").WithQuery("pageNumber", $"{page}").WithQuery("pageSize", $"{pageSize}"));
            var json = Parse(body);
            Assert.Equal(total, (int)json["totalElements"]!);
            Assert.Equal(pages, (int)json["totalPages"]!);
            Assert.Equal(pageSize, (int)json["pageSize"]!);
            Assert.Equal(((JArray)json["content"]!).Count, (int)json["numberOfElements"]!);
            items.AddRange((JArray)json["content"]!);
            if (page + 1 >= (int)json["totalPages"]!) break;
        }
        Assert.Equal(total, items.Count);
        Assert.Equal(total, items.Select(i => (string)i["id"]!).Distinct().Count()); // pages hold different items
    }

    [Fact]
    public async Task A_page_past_the_end_is_empty()
    {
        var (_, body) = await Send(f.Conforming("GET /api2/v1/async").WithQuery("pageNumber", "3").WithQuery("pageSize", "2"));
        Assert.Empty((JArray)Parse(body)["content"]!);
    }

    [Fact]
    public async Task Without_pageSize_the_described_default_applies()
    {
        var (_, body) = await Send(f.Conforming("GET /api2/v1/async").WithQuery("pageSize").WithQuery("pageNumber"));
        var json = Parse(body);
        Assert.Equal(50, (int)json["pageSize"]!);
        Assert.Equal(2, ((JArray)json["content"]!).Count);
    }

    [Fact]
    public async Task Values_are_deterministic_and_shaped()
    {
        var (_, first) = await Send(f.Conforming("GET /api2/v1/async/{asyncRequestId}"));
        var (_, second) = await Send(f.Conforming("GET /api2/v1/async/{asyncRequestId}"));
        Assert.Equal(first, second);
        var json = Parse(first);
        Assert.Equal("PRE_ANALYSE", (string?)json["action"]);                // enums: the first value
        Assert.Equal(SampleValues.DateTime, (string?)json["dateCreated"]);
        Assert.Matches("^[A-Za-z0-9]{20}$", (string?)json["project"]!["uid"]);
        Assert.Equal("name-6", (string?)json["project"]!["name"]);
        Assert.Equal(2, ((JArray)json["asyncResponse"]!["warnings"]!).Count); // arrays of 2
        Assert.Null(json["parent"]);                                          // a cycle, cut
    }

    [Fact]
    public async Task Async_request_id_is_answered_as_finished()
    {
        var (_, created) = await Send(f.Conforming("POST /api2/v3/projects/{projectUid}/jobs/preTranslate"));
        var id = (string)Parse(created)["asyncRequest"]!["id"]!;
        var (response, body) = await Send(f.Conforming("GET /api2/v1/async/{asyncRequestId}").WithPath($"/api2/v1/async/{id}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Parse(body);
        Assert.Equal(id, (string?)request["id"]);
        Assert.NotNull(request["asyncResponse"]);
        Assert.Null(request["asyncResponse"]!["errorCode"]);
    }

    [Fact]
    public async Task Binary_answers_are_bytes_with_a_filename()
    {
        var (response, body) = await Send(f.Conforming("GET /api2/v1/projects/{projectUid}/jobs/{jobUid}/original"));
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(AnswerBuilder.BinaryFileName, response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("contract-stub", body);
    }

    [Theory]
    [InlineData("DELETE /api2/v1/clients/{clientUid}", 204)]
    [InlineData("POST /api2/v1/clients", 201)]
    [InlineData("POST /api2/v2/transMemories/{transMemoryUid}/import", 202)]
    [InlineData("GET /api2/v1/async/status", 200)]
    public async Task Status_is_the_described_success(string key, int status)
    {
        var (response, body) = await Send(f.Conforming(key));
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(status == 204, body.Length == 0);
    }

    [Fact]
    public async Task The_journal_records_operation_violations_and_answer()
    {
        f.Stub.Reset();
        await Send(f.Conforming("GET /api2/v1/async/status").WithQuery("bogus", "1"));
        await Send(f.Conforming("GET /api2/v1/async/status"));
        await Send(new RequestSpec { Method = "GET", PathAndQuery = "/api2/v1/nothing" });
        Assert.Equal(3, f.Stub.Requests.Count);
        var first = f.Stub.Requests[0];
        Assert.Equal("GET /api2/v1/async/status", first.Operation);
        Assert.Equal(["query bogus: not a parameter of this operation"], first.Violations.Select(v => $"{v.Where}: {v.Message}"));
        Assert.Equal(200, first.Status);
        Assert.NotNull(Parse(first.ResponseBody!));
        Assert.Equal(["GET /api2/v1/async/status"], f.Stub.OperationsCalled);
        Assert.Equal("unmatched", f.Stub.Requests[2].Operation);
        var summary = f.Stub.Summary(["GET /api2/v1/async/status", "GET /api2/v1/async"]);
        Assert.Equal("API conformance: 2 operations, 1 cmdlets, 3 requests checked, 1 unmapped", summary.Line(1));
        Assert.Equal((1, 2), (summary.Unmatched, summary.Violations)); // the unmatched path, the bogus query
        f.Stub.Reset();
        Assert.Empty(f.Stub.Requests);
    }
}
