using PhraseTms.Client.Connectors;
using PhraseTms.Client.Errors;
using PhraseTms.Client.Http;
using PhraseTms.Client.Paging;
using PhraseTms.Emulator;
using PhraseTms.Tests.Support;

namespace PhraseTms.Tests.Client;

[Collection(EmulatorCollection.Name)]
public sealed class ConnectorAsyncTaskTests(EmulatorFixture fixture)
{
    private PhraseTmsEmulator Emulator => fixture.Emulator;
    private DateTimeOffset Now => Emulator.Data.Now;

    private IReadOnlyList<ConnectorTask> Served(string project) => Emulator.Data.ConnectorTasks[project];

    /// <summary>The served tasks (already in the API's order) created in [from, to).</summary>
    private static List<ConnectorTask> InWindow(IEnumerable<ConnectorTask> tasks, DateTimeOffset from, DateTimeOffset to) =>
        tasks.Where(t => t.DateCreated >= from && t.DateCreated < to).ToList();

    private async Task<(List<ConnectorAsyncTask> Items, Pager<ConnectorAsyncTask> Pager, IReadOnlyList<RecordedRequest> Requests)> ListAsync(
        ConnectorAsyncTaskQuery query, PagingOptions paging)
    {
        using var client = Clients.WithToken(Emulator);
        var before = Emulator.Requests.All.Count;
        var pager = client.Connectors.GetConnectorAsyncTasks(query, paging);
        var items = await pager.ToListAsync();
        var requests = Emulator.Requests.All.Skip(before).Where(r => r.Path.EndsWith("/connectorAsyncTasks")
            && r.Query.Contains("projectUid=" + query.ProjectUid)).ToList();
        return (items, pager, requests);
    }

    [Fact]
    public async Task Streams_every_task_of_a_ten_day_window_across_pages_in_the_served_order()
    {
        var from = Now.AddDays(-11);
        var to = Now.AddHours(1);
        var expected = InWindow(Served(SeedIds.DemoProject), from, to);
        Assert.True(expected.Count > 1000, $"the seed should be large enough to page, got {expected.Count}");

        var (items, pager, requests) = await ListAsync(
            new ConnectorAsyncTaskQuery { ProjectUid = SeedIds.DemoProject, DateCreatedFrom = from, DateCreatedTo = to },
            new PagingOptions { PageSize = 250 });

        Assert.Equal(expected.Select(t => t.Id), items.Select(t => t.Id));
        Assert.Equal(expected.Count, pager.TotalElements);
        Assert.Equal((expected.Count + 249) / 250, requests.Count);
        Assert.All(items, t => Assert.Equal(SeedIds.DemoProject, t.ProjectUid));
        Assert.All(items, t => Assert.False(string.IsNullOrEmpty(t.ProjectName)));
    }

    [Fact]
    public async Task Without_dates_the_api_default_window_of_the_last_24_hours_applies()
    {
        // The emulator's clock runs on from Data.Now: its window is "24 h before the moment it answered".
        var before = Emulator.UtcNow;
        var (items, _, requests) = await ListAsync(new ConnectorAsyncTaskQuery { ProjectUid = SeedIds.DemoProject }, new PagingOptions { PageSize = 1000 });
        var after = Emulator.UtcNow;
        var widest = InWindow(Served(SeedIds.DemoProject), before.AddHours(-24), after.AddHours(1));
        var narrowest = InWindow(Served(SeedIds.DemoProject), after.AddHours(-24), before.AddHours(1));
        Assert.Subset(widest.Select(t => t.Id).ToHashSet(), items.Select(t => t.Id!).ToHashSet());
        Assert.Superset(narrowest.Select(t => t.Id).ToHashSet(), items.Select(t => t.Id!).ToHashSet());
        Assert.Equal(items.OrderByDescending(t => t.DateCreated).ThenByDescending(t => long.Parse(t.Id!)).Select(t => t.Id), items.Select(t => t.Id));
        Assert.True(narrowest.Count > 100, $"the default window should hold many tasks, got {narrowest.Count}");
        Assert.DoesNotContain("dateCreatedFrom", requests[0].Query);
    }

    [Fact]
    public async Task Task_type_and_processing_type_filters_are_sent_as_repeated_parameters_and_applied()
    {
        var from = Now.AddDays(-11);
        var expected = InWindow(Served(SeedIds.DemoProject), from, Now.AddHours(1))
            .Where(t => t.TaskType is "DOWNLOAD" or "UPLOAD" && t.TaskProcessingType == "API").ToList();
        Assert.NotEmpty(expected);

        var (items, _, requests) = await ListAsync(new ConnectorAsyncTaskQuery
        {
            ProjectUid = SeedIds.DemoProject,
            DateCreatedFrom = from,
            TaskTypes = [ConnectorTaskType.DOWNLOAD, ConnectorTaskType.UPLOAD],
            TaskProcessingTypes = [ConnectorTaskProcessingType.API],
        }, new PagingOptions { PageSize = 1000 });

        Assert.Equal(expected.Select(t => t.Id), items.Select(t => t.Id));
        Assert.Contains("taskType=DOWNLOAD&taskType=UPLOAD", requests[0].Query);
        Assert.Contains("taskProcessingType=API", requests[0].Query);
    }

    [Fact]
    public async Task Date_filters_are_sent_as_utc_iso_8601_and_applied()
    {
        var localZone = new DateTimeOffset(Now.AddDays(-3).DateTime, TimeSpan.FromHours(2));
        var processedFrom = Now.AddDays(-2);
        var expected = InWindow(Served(SeedIds.DemoProject), localZone, Now)
            .Where(t => t.DateProcessed is { } p && p >= processedFrom).ToList();
        Assert.NotEmpty(expected);

        var (items, _, requests) = await ListAsync(new ConnectorAsyncTaskQuery
        {
            ProjectUid = SeedIds.DemoProject,
            DateCreatedFrom = localZone,
            DateCreatedTo = Now,
            DateProcessedFrom = processedFrom,
        }, new PagingOptions { PageSize = 1000 });

        Assert.Equal(expected.Select(t => t.Id), items.Select(t => t.Id));
        var sent = requests[0].QueryParameters["dateCreatedFrom"].Single();
        Assert.EndsWith("Z", sent);
        Assert.Equal(localZone.UtcDateTime, DateTimeOffset.Parse(sent).UtcDateTime);
        Assert.Single(requests[0].QueryParameters["dateProcessedFrom"]);
    }

    [Fact]
    public async Task Items_carry_typed_fields_and_dates_written_with_plus0000()
    {
        var (items, _, _) = await ListAsync(new ConnectorAsyncTaskQuery { ProjectUid = SeedIds.DemoProject, DateCreatedFrom = Now.AddDays(-11) },
            new PagingOptions { PageSize = 1000 });
        var byId = items.ToDictionary(t => t.Id!);
        foreach (var served in Served(SeedIds.DemoProject).Where(t => byId.ContainsKey(t.Id)).Take(200))
        {
            var got = byId[served.Id];
            Assert.Equal(served.DateCreated, got.DateCreated);
            Assert.Equal(served.DateProcessed, got.DateProcessed);
            Assert.Equal(served.Status, got.StatusText);
            Assert.Equal(served.JobFileName, got.JobFileName);
            Assert.Equal(served.TargetLang, got.TargetLang);
            Assert.Equal(served.ErrorMessage, got.ErrorMessage);
        }
        var error = byId[SeedIds.DownloadError];
        Assert.Equal(ConnectorTaskStatus.ERROR, error.Status);
        Assert.Equal(ConnectorTaskType.DOWNLOAD, error.TaskType);
        Assert.False(string.IsNullOrEmpty(error.ErrorMessage));
    }

    [Fact]
    public async Task Unknown_enum_values_are_kept_as_text_and_do_not_throw()
    {
        var (items, _, _) = await ListAsync(new ConnectorAsyncTaskQuery { ProjectUid = SeedIds.DemoProject }, new PagingOptions { PageSize = 1000 });
        var paused = Assert.Single(items, t => t.Id == SeedIds.DownloadPaused);
        Assert.Null(paused.Status);
        Assert.Equal("PAUSED", paused.StatusText);
        var sync = Assert.Single(items, t => t.Id == SeedIds.SyncSuccess);
        Assert.Null(sync.TaskType);
        Assert.Equal("SYNC", sync.TaskTypeText);
        Assert.Equal(ConnectorTaskStatus.SUCCESS, sync.Status);
    }

    [Fact]
    public async Task An_empty_project_gives_no_item_after_one_request()
    {
        var (items, pager, requests) = await ListAsync(new ConnectorAsyncTaskQuery { ProjectUid = SeedIds.EmptyProject }, new PagingOptions { PageSize = 100 });
        Assert.Empty(items);
        Assert.Equal(0, pager.TotalElements);
        Assert.Single(requests);
    }

    [Fact]
    public async Task Exactly_one_full_page_is_read_with_one_request()
    {
        var (items, _, requests) = await ListAsync(new ConnectorAsyncTaskQuery { ProjectUid = SeedIds.OnePageProject }, new PagingOptions { PageSize = 1000 });
        Assert.Equal(1000, items.Count);
        Assert.Equal(1000, items.Select(t => t.Id).Distinct().Count());
        Assert.Single(requests);
    }

    [Fact]
    public async Task A_partial_last_page_ends_the_list()
    {
        var (items, pager, requests) = await ListAsync(new ConnectorAsyncTaskQuery { ProjectUid = SeedIds.PartialProject }, new PagingOptions { PageSize = 1000 });
        Assert.Equal(2345, items.Count);
        Assert.Equal(2345, items.Select(t => t.Id).Distinct().Count());
        Assert.Equal(2345, pager.TotalElements);
        Assert.Equal(["0", "1", "2"], requests.Select(r => r.QueryParameters["pageNumber"].Single()));
    }

    [Fact]
    public async Task First_smaller_than_a_page_asks_for_just_that_many()
    {
        var expected = InWindow(Served(SeedIds.PartialProject), Now.AddHours(-24), Now.AddHours(1)).Take(5);
        var (items, pager, requests) = await ListAsync(new ConnectorAsyncTaskQuery { ProjectUid = SeedIds.PartialProject },
            new PagingOptions { PageSize = 1000, First = 5 });
        Assert.Equal(expected.Select(t => t.Id), items.Select(t => t.Id));
        var request = Assert.Single(requests);
        Assert.Equal("5", request.QueryParameters["pageSize"].Single());
        Assert.Equal(2345, pager.TotalElements);
    }

    [Fact]
    public async Task Skip_across_pages_starts_at_the_page_holding_the_first_wanted_item()
    {
        var expected = InWindow(Served(SeedIds.PartialProject), Now.AddHours(-24), Now.AddHours(1)).Skip(1500).Take(600);
        var (items, _, requests) = await ListAsync(new ConnectorAsyncTaskQuery { ProjectUid = SeedIds.PartialProject },
            new PagingOptions { PageSize = 1000, Skip = 1500, First = 600 });
        Assert.Equal(expected.Select(t => t.Id), items.Select(t => t.Id));
        Assert.Equal(["1", "2"], requests.Select(r => r.QueryParameters["pageNumber"].Single()));
    }

    [Fact]
    public async Task First_zero_with_total_count_asks_one_item_for_the_total()
    {
        var (items, pager, requests) = await ListAsync(new ConnectorAsyncTaskQuery { ProjectUid = SeedIds.PartialProject },
            new PagingOptions { PageSize = 1000, First = 0, IncludeTotalCount = true });
        Assert.Empty(items);
        Assert.Equal(2345, pager.TotalElements);
        Assert.Equal("1", Assert.Single(requests).QueryParameters["pageSize"].Single());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void A_page_size_outside_1_to_1000_is_refused_before_any_request(int pageSize)
    {
        using var client = Clients.WithToken(Emulator);
        var before = Emulator.Requests.Count;
        var ex = Assert.Throws<PhraseTmsValidationException>(() =>
            client.Connectors.GetConnectorAsyncTasks(new ConnectorAsyncTaskQuery { ProjectUid = SeedIds.DemoProject }, new PagingOptions { PageSize = pageSize }));
        Assert.Equal("InvalidPageSize", ex.ErrorId);
        Assert.Equal(pageSize, ex.Value);
        Assert.Equal(before, Emulator.Requests.Count);
    }

    [Theory]
    [InlineData("../admin")]
    [InlineData("a/b?x=1")]
    [InlineData("")]
    [InlineData("uid with space")]
    public void A_hostile_project_uid_is_refused_before_any_request(string uid)
    {
        using var client = Clients.WithToken(Emulator);
        var before = Emulator.Requests.Count;
        var ex = Assert.Throws<PhraseTmsValidationException>(() =>
            client.Connectors.GetConnectorAsyncTasks(new ConnectorAsyncTaskQuery { ProjectUid = uid }, new PagingOptions()));
        Assert.Equal(PhraseErrorKind.InvalidArgument, ex.Kind);
        Assert.Equal("ProjectUid", ex.ParameterName);
        Assert.Equal(before, Emulator.Requests.Count);
    }

    [Fact]
    public void A_reversed_date_range_is_refused_before_any_request()
    {
        using var client = Clients.WithToken(Emulator);
        var ex = Assert.Throws<PhraseTmsValidationException>(() => client.Connectors.GetConnectorAsyncTasks(
            new ConnectorAsyncTaskQuery { ProjectUid = SeedIds.DemoProject, DateCreatedFrom = Now, DateCreatedTo = Now.AddDays(-1) }, new PagingOptions()));
        Assert.Equal("InvalidDateRange", ex.ErrorId);
    }

    [Fact]
    public async Task The_servers_own_validation_error_is_mapped_with_its_error_code()
    {
        using var client = Clients.WithToken(Emulator);
        var call = new ApiCall(HttpMethod.Get, "api2/v1/connectorAsyncTasks").Query("projectUid", SeedIds.DemoProject).Query("pageSize", 1001);
        var ex = await Assert.ThrowsAsync<PhraseTmsApiException>(() => client.Pipeline.SendRawAsync(call, default));
        Assert.Equal(400, ex.StatusCode);
        Assert.Equal("InvalidArguments", ex.ErrorId);
        Assert.Equal(PhraseErrorKind.InvalidArgument, ex.Kind);
        Assert.Contains("pageSize", ex.Message);
        Assert.Equal("GET", ex.Request!.Method);
        Assert.Contains("/api2/v1/connectorAsyncTasks?projectUid=aBcD123&pageSize=1001", ex.Request.PathAndQuery);
    }

    [Fact]
    public async Task An_unknown_project_is_not_found()
    {
        using var client = Clients.WithToken(Emulator);
        var pager = client.Connectors.GetConnectorAsyncTasks(new ConnectorAsyncTaskQuery { ProjectUid = "noSuchProject" }, new PagingOptions());
        var ex = await Assert.ThrowsAsync<PhraseTmsApiException>(() => pager.ToListAsync());
        Assert.Equal(PhraseErrorKind.NotFound, ex.Kind);
        Assert.Equal(404, ex.StatusCode);
    }
}
