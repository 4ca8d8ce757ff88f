using PhraseTms.Client.Errors;
using PhraseTms.Emulator;

namespace PhraseTms.Tests.Resilience;

/// <summary>Creating jobs is not idempotent: a POST that may have reached the server is never sent again.</summary>
[Collection(ReliabilityCollection.Name)]
public sealed class PostFaultTests(ReliabilityLedger ledger)
{
    private const string JobsPath = "/jobs/connectorTask";

    [Fact]
    public async Task A_429_on_a_post_is_retried_because_the_server_refused_it_before_doing_anything()
    {
        await using var lab = await FaultLab.StartAsync();
        lab.Fault("POST", JobsPath, new Fault(FaultKind.TooManyRequests) { StatusCode = 429 });
        using var client = lab.TokenClient();
        var response = await FaultLab.PostJobAsync(client);
        Assert.Equal(201, response.StatusCode);
        Assert.Equal([429, 201], lab.Posts.Select(p => p.StatusCode));
        Assert.Single(lab.Emulator.Data.CreatedJobs);
        ledger.Scenario("POST answered 429");
        ledger.PostsCounted(lab.Posts.Count);
    }

    [Fact]
    public async Task A_401_on_a_post_with_credentials_held_logs_in_again_and_sends_it_once_more()
    {
        await using var lab = await FaultLab.StartAsync();
        lab.Fault("POST", JobsPath, new Fault(FaultKind.ExpireToken));
        using var client = lab.LoginClient();
        Assert.Equal(201, (await FaultLab.PostJobAsync(client)).StatusCode);
        Assert.Equal([401, 201], lab.Posts.Select(p => p.StatusCode));
        Assert.Single(lab.Emulator.Data.CreatedJobs);
        ledger.Scenario("POST with an expired token");
        ledger.PostsCounted(lab.Posts.Count);
    }

    private static readonly Dictionary<string, (Fault Fault, PhraseErrorKind Kind, string ErrorId, bool JobCreated)> NotResentCases = new()
    {
        ["POST answered 500"] = (new Fault(FaultKind.ServerError) { StatusCode = 500 }, PhraseErrorKind.InvalidResult, "InternalError", false),
        ["POST answered 502"] = (new Fault(FaultKind.ServerError) { StatusCode = 502 }, PhraseErrorKind.Connection, "InternalError", false),
        ["POST answered 503"] = (new Fault(FaultKind.ServerError) { StatusCode = 503 }, PhraseErrorKind.Connection, "InternalError", false),
        ["POST answered 504"] = (new Fault(FaultKind.ServerError) { StatusCode = 504 }, PhraseErrorKind.Connection, "InternalError", false),
        ["POST answered an HTML 502"] = (new Fault(FaultKind.HtmlPage) { StatusCode = 502 }, PhraseErrorKind.Connection, "Http502", false),
        ["POST reset before headers"] = (new Fault(FaultKind.ResetBeforeHeaders), PhraseErrorKind.Connection, "ConnectionFailed", false),
        ["POST reset mid-body (job created)"] = (new Fault(FaultKind.ResetMidBody), PhraseErrorKind.Connection, "ConnectionFailed", true),
        ["POST timed out"] = (new Fault(FaultKind.Latency) { Delay = TimeSpan.FromSeconds(30) }, PhraseErrorKind.Timeout, "RequestTimeout", false),
    };

    public static TheoryData<string> NotResent() => new(NotResentCases.Keys);

    [Theory]
    [MemberData(nameof(NotResent))]
    public async Task A_post_that_may_have_reached_the_server_is_sent_exactly_once_and_the_error_says_so(string scenario)
    {
        var (fault, kind, errorId, jobCreated) = NotResentCases[scenario];
        await using var lab = await FaultLab.StartAsync();
        lab.Fault("POST", JobsPath, fault);
        using var client = lab.TokenClient();
        var (ex, elapsed) = await FaultLab.FailsAsync<PhraseTmsApiException>(() => FaultLab.PostJobAsync(client));
        Assert.Single(lab.Posts);
        Assert.Equal(kind, ex.Kind);
        Assert.Equal(errorId, ex.ErrorId);
        Assert.True(ex.MayHaveReachedServer);
        Assert.Contains("POST /api2/v1/projects/aBcD123/jobs/connectorTask?downloadTaskId=100000001", ex.Message);
        Assert.Contains("was NOT re-sent", ex.Message);
        Assert.NotNull(ex.RecommendedAction);
        Assert.Equal(jobCreated ? 1 : 0, lab.Emulator.Data.CreatedJobs.Count);
        Assert.True(elapsed < FaultLab.RequestTimeout + TimeSpan.FromSeconds(3), $"took {elapsed}");
        ledger.Scenario(scenario);
        ledger.PostsCounted(lab.Posts.Count);
    }
}
