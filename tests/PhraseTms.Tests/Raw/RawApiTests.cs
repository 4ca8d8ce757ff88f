using System.Collections;
using System.Collections.Specialized;
using Newtonsoft.Json.Linq;
using PhraseTms.Client.Errors;
using PhraseTms.Client.Paging;
using PhraseTms.Client.Raw;
using PhraseTms.Emulator;
using PhraseTms.Tests.Support;

namespace PhraseTms.Tests.Raw;

/// <summary>Any endpoint through the one pipeline, against the shared emulator (reads only).</summary>
[Collection(EmulatorCollection.Name)]
public sealed class RawApiTests(EmulatorFixture fixture)
{
    private PhraseTmsEmulator Emulator => fixture.Emulator;

    private static Hashtable Project(string uid) => new() { ["projectUid"] = uid };

    /// <summary>Runs the work and returns what the emulator received meanwhile.</summary>
    private async Task<List<RecordedRequest>> Sent(Func<Task> work)
    {
        var before = Emulator.Requests.Count;
        await work();
        return Emulator.Requests.All.Skip(before).ToList();
    }

    [Fact]
    public async Task A_get_returns_the_answer_as_json_with_dates_kept_as_sent()
    {
        using var client = Clients.WithToken(Emulator);
        JToken? answer = null;
        var sent = await Sent(async () =>
        {
            var response = await client.Raw.SendAsync(RawRequest.Create("GET", "/api2/v1/connectorAsyncTasks",
                new OrderedDictionary { ["projectUid"] = SeedIds.OnePageProject, ["pageSize"] = 3 }), default);
            answer = RawApi.ReadJson(response);
        });

        var request = Assert.Single(sent);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/api2/v1/connectorAsyncTasks", request.Path);
        Assert.Equal($"projectUid={SeedIds.OnePageProject}&pageSize=3", request.Query);
        Assert.Equal($"ApiToken {PhraseTmsEmulator.DemoApiToken}", request.AuthorizationHeader);
        var page = Assert.IsType<JObject>(answer);
        Assert.Equal(1000, (long)page["totalElements"]!);
        Assert.Equal(3, ((JArray)page["content"]!).Count);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$", (string)page["content"]![0]!["dateCreated"]!);
    }

    [Fact]
    public async Task All_pages_through_a_list_with_the_one_pager_and_matches_the_typed_cmdlet()
    {
        using var client = Clients.WithToken(Emulator);
        var expected = Emulator.Data.ConnectorTasks[SeedIds.PartialProject].Select(t => t.Id).ToList();
        List<JToken> items = [];
        Pager<JToken>? pager = null;
        var sent = await Sent(async () =>
        {
            pager = client.Raw.Page(RawRequest.Create("GET", "/api2/v1/connectorAsyncTasks", Project(SeedIds.PartialProject)),
                new PagingOptions { PageSize = 1000 });
            items = await pager.ToListAsync();
        });

        Assert.Equal(expected, items.Select(i => (string)i["id"]!));
        Assert.Equal(2345, pager!.TotalElements);
        Assert.Equal(["0", "1", "2"], sent.Select(r => r.QueryParameters["pageNumber"].Single()));
        Assert.All(sent, r => Assert.Equal("1000", r.QueryParameters["pageSize"].Single()));
        Assert.All(sent, r => Assert.Equal(SeedIds.PartialProject, r.QueryParameters["projectUid"].Single()));
    }

    [Fact]
    public async Task First_and_skip_shape_the_requests_as_for_typed_lists()
    {
        using var client = Clients.WithToken(Emulator);
        var expected = Emulator.Data.ConnectorTasks[SeedIds.PartialProject].Skip(1500).Take(600).Select(t => t.Id).ToList();
        List<JToken> items = [];
        var sent = await Sent(async () => items = await client.Raw
            .Page(RawRequest.Create("GET", "/api2/v1/connectorAsyncTasks", Project(SeedIds.PartialProject)),
                new PagingOptions { PageSize = 1000, Skip = 1500, First = 600 })
            .ToListAsync());

        Assert.Equal(expected, items.Select(i => (string)i["id"]!));
        Assert.Equal(["1", "2"], sent.Select(r => r.QueryParameters["pageNumber"].Single()));
    }

    [Fact]
    public async Task All_on_an_answer_that_is_not_a_page_fails_with_NotAPage()
    {
        using var client = Clients.WithToken(Emulator);
        var pager = client.Raw.Page(RawRequest.Create("GET", $"/api2/v1/async/{SeedIds.AsyncFinishedOk}"), new PagingOptions());
        var ex = await Assert.ThrowsAsync<PhraseTmsApiException>(() => pager.ToListAsync());
        Assert.Equal("NotAPage", ex.ErrorId);
        Assert.Equal(PhraseErrorKind.InvalidResult, ex.Kind);
        Assert.Contains($"/api2/v1/async/{SeedIds.AsyncFinishedOk}", ex.Message);
    }

    [Theory]
    [InlineData("pageNumber")]
    [InlineData("PageSize")]
    public void All_refuses_paging_keys_in_the_query_when_the_pager_is_made(string key)
    {
        using var client = Clients.WithToken(Emulator);
        var query = Project(SeedIds.OnePageProject);
        query[key] = 2;
        var ex = Assert.Throws<PhraseTmsValidationException>(() =>
            client.Raw.Page(RawRequest.Create("GET", "/api2/v1/connectorAsyncTasks", query), new PagingOptions()));
        Assert.Equal("PagingInQuery", ex.ErrorId);
        Assert.Equal("Query", ex.ParameterName);
    }

    [Fact]
    public async Task Api_errors_are_mapped_as_for_typed_calls()
    {
        using var client = Clients.WithToken(Emulator);
        var notFound = await Assert.ThrowsAsync<PhraseTmsApiException>(() =>
            client.Raw.SendAsync(RawRequest.Create("GET", "/api2/v1/connectorAsyncTasks", Project("noSuchProject")), default));
        Assert.Equal("ResourceNotFound", notFound.ErrorId);
        Assert.Equal(PhraseErrorKind.NotFound, notFound.Kind);
        Assert.Equal(404, notFound.StatusCode);

        var invalid = await Assert.ThrowsAsync<PhraseTmsApiException>(() =>
            client.Raw.SendAsync(RawRequest.Create("GET", "/api2/v1/connectorAsyncTasks"), default));
        Assert.Equal("InvalidArguments", invalid.ErrorId);
        Assert.Equal(PhraseErrorKind.InvalidArgument, invalid.Kind);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task Every_method_reaches_the_server_with_the_session_token(string method)
    {
        using var client = Clients.WithToken(Emulator);
        PhraseTmsApiException? error = null;
        var sent = await Sent(async () => error = await Assert.ThrowsAsync<PhraseTmsApiException>(() =>
            client.Raw.SendAsync(RawRequest.Create(method, "/api2/v1/noSuchResource/aBcD123", body: new Hashtable { ["name"] = "x" }), default)));

        var request = Assert.Single(sent);   // a 404 is not retried, whatever the method
        Assert.Equal(method, request.Method);
        Assert.Equal("/api2/v1/noSuchResource/aBcD123", request.Path);
        Assert.Equal("""{"name":"x"}""", request.Body);
        Assert.StartsWith("application/json", request.ContentType);
        Assert.Equal($"ApiToken {PhraseTmsEmulator.DemoApiToken}", request.AuthorizationHeader);
        Assert.Equal("NotFound", error!.ErrorId);
    }

    [Fact]
    public async Task Escaped_segments_reach_the_server_as_one_segment_never_as_a_dot_segment()
    {
        using var client = Clients.WithToken(Emulator);
        var sent = await Sent(async () => await Assert.ThrowsAsync<PhraseTmsApiException>(() =>
            client.Raw.SendAsync(RawRequest.Create("GET", "/api2/v1/async/%2e%2e/x y"), default)));
        var request = Assert.Single(sent);
        Assert.StartsWith("/api2/v1/async/", request.Path);
        Assert.DoesNotContain("/../", request.Path);
        Assert.EndsWith("/x y", request.Path);
    }
}
