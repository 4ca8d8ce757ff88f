using PhraseTms.Client.AsyncRequests;
using PhraseTms.Client.Errors;
using PhraseTms.Client.Jobs;
using PhraseTms.Emulator;
using PhraseTms.Tests.Support;

namespace PhraseTms.Tests.Client;

/// <summary>Job creation and waiting when the network misbehaves: each test starts its own emulator (faults).</summary>
public sealed class JobCreationFaultTests : IAsyncLifetime
{
    private PhraseTmsEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await PhraseTmsEmulator.StartAsync(new EmulatorOptions());

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private Task<JobCreateResult> CreateAsync(PhraseTms.Client.PhraseTmsClient client) =>
        client.Jobs.CreateFromConnectorTaskAsync(SeedIds.DemoProject, SeedIds.DownloadSuccessHtml, new JobCreateRequest { TargetLangs = ["de"] }, null, default);

    private int Posts => _emulator.Requests.Matching("POST", "/jobs/connectorTask").Count;

    [Theory]
    [InlineData(FaultKind.ServerError)]
    [InlineData(FaultKind.ResetBeforeHeaders)]
    [InlineData(FaultKind.ResetMidBody)]
    public async Task A_post_that_may_have_reached_the_server_is_sent_once(FaultKind kind)
    {
        _emulator.Faults.Add("POST", "/jobs/connectorTask", new Fault(kind) { Times = int.MaxValue });
        using var client = Clients.WithToken(_emulator);
        var ex = await Assert.ThrowsAnyAsync<PhraseTmsException>(() => CreateAsync(client));
        Assert.Equal(1, Posts);
        var api = Assert.IsType<PhraseTmsApiException>(ex);
        if (kind == FaultKind.ServerError) Assert.Equal(500, api.StatusCode);
        else Assert.True(api.MayHaveReachedServer, $"{kind}: {api.Message}");
    }

    [Fact]
    public async Task A_throttled_post_was_refused_before_anything_happened_and_is_sent_again()
    {
        _emulator.Faults.Add("POST", "/jobs/connectorTask", new Fault(FaultKind.TooManyRequests) { RetryAfter = "0" });
        using var client = Clients.WithToken(_emulator);
        var result = await CreateAsync(client);
        Assert.Single(result.Jobs);
        Assert.Equal(2, Posts);
        Assert.Single(_emulator.Data.CreatedJobs);
    }

    [Fact]
    public async Task A_poll_that_fails_is_retried_by_the_pipeline_and_the_wait_goes_on()
    {
        using var client = Clients.WithToken(_emulator);
        var created = await CreateAsync(client);
        _emulator.Faults.Add("GET", "/async/", new Fault(FaultKind.ServerError) { StatusCode = 503, SkipFirst = 1 });
        var finished = await client.AsyncRequests.Waiter.WaitAsync(created.AsyncRequest!, AsyncRequestTests.Fast, null, default);
        Assert.Equal(AsyncRequestState.Succeeded, finished.State);
        Assert.Contains(_emulator.Requests.All, r => r.Path.StartsWith("/api2/v1/async/") && r.StatusCode == 503);
    }
}
