using System.Diagnostics;
using PhraseTms.Client;
using PhraseTms.Client.Connectors;
using PhraseTms.Client.Errors;
using PhraseTms.Client.Paging;
using PhraseTms.Emulator;
using PhraseTms.Tests.Support;

namespace PhraseTms.Tests.Client;

/// <summary>
/// The pipeline reads answer bodies itself (into a pooled buffer, parsed without a string): whole JSON or a clear
/// InvalidResult naming the request, never a half object; a body cut or stalled mid-way is a transport failure.
/// Each test starts its own emulator (faults).
/// </summary>
public sealed class ResponseBodyTests
{
    private static Pager<ConnectorAsyncTask> List(PhraseTmsClient client, string project = SeedIds.PartialProject) =>
        client.Connectors.GetConnectorAsyncTasks(new ConnectorAsyncTaskQuery { ProjectUid = project }, new PagingOptions { PageSize = 1000 });

    private static PhraseTmsClient NoRetries(PhraseTmsEmulator emulator, TimeSpan? timeout = null, Func<HttpMessageHandler, HttpMessageHandler>? handler = null,
        RecordingLog? log = null) =>
        Clients.WithToken(emulator, log, configure: o => new PhraseTmsClientOptions
        {
            BaseUri = o.BaseUri, Log = o.Log, MaxRetries = 0, RequestTimeout = timeout ?? o.RequestTimeout, ConfigureHandler = handler,
        });

    private static IEnumerable<string?> ServedIds(PhraseTmsEmulator emulator, string project) =>
        emulator.Data.ConnectorTasks[project].Select(t => t.Id);

    [Theory]
    [InlineData(false, 100)]
    [InlineData(true, 4096)]
    public void A_body_buffer_is_wiped_before_it_goes_back_to_the_pool(bool readFailed, int wiped)
    {
        // Bodies may hold secrets (a login's token). The part written is wiped; all of it when a read failed mid-way.
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(4096);
        Assert.Equal(4096, buffer.Length);
        buffer.AsSpan().Fill(0xAB);
        PhraseTms.Client.Http.ResponseBody.Release(buffer, 100, readFailed);
        Assert.All(buffer[..wiped], b => Assert.Equal(0, b));
        Assert.All(buffer[wiped..], b => Assert.Equal(0xAB, b));
    }

    [Theory]
    [InlineData(FaultKind.TruncatedJson, "InvalidJson")]
    [InlineData(FaultKind.EmptyBody, "EmptyResponse")]
    [InlineData(FaultKind.WrongContentType, "UnexpectedContentType")]
    [InlineData(FaultKind.HtmlPage, "UnexpectedContentType")]
    public async Task A_successful_answer_that_is_not_whole_json_is_an_invalid_result_naming_the_request(FaultKind kind, string errorId)
    {
        await using var emulator = await PhraseTmsEmulator.StartAsync();
        emulator.Faults.Add("GET", "/connectorAsyncTasks", new Fault(kind) { StatusCode = kind == FaultKind.HtmlPage ? 200 : 0 });
        using var client = Clients.WithToken(emulator);

        var ex = await Assert.ThrowsAsync<PhraseTmsApiException>(() => List(client).ToListAsync());

        Assert.Equal(PhraseErrorKind.InvalidResult, ex.Kind);
        Assert.Equal(errorId, ex.ErrorId);
        Assert.Equal(200, ex.StatusCode);
        Assert.Contains("GET /api2/v1/connectorAsyncTasks?projectUid=partial0001", ex.Message);
        Assert.Single(emulator.Requests.Matching("GET", "/connectorAsyncTasks")); // a bad answer is not asked again
    }

    [Fact]
    public async Task An_error_page_is_mapped_with_an_excerpt_of_its_body()
    {
        await using var emulator = await PhraseTmsEmulator.StartAsync();
        emulator.Faults.Add("GET", "/connectorAsyncTasks", new Fault(FaultKind.HtmlPage));
        using var client = NoRetries(emulator);

        var ex = await Assert.ThrowsAsync<PhraseTmsApiException>(() => List(client).ToListAsync());

        Assert.Equal(502, ex.StatusCode);
        Assert.Contains("502 Bad Gateway", ex.Message);
    }

    [Fact]
    public async Task A_body_cut_mid_way_is_a_connection_failure_and_not_a_half_list()
    {
        await using var emulator = await PhraseTmsEmulator.StartAsync();
        emulator.Faults.Add("GET", "/connectorAsyncTasks", new Fault(FaultKind.ResetMidBody));
        using var client = NoRetries(emulator);

        var ex = await Assert.ThrowsAsync<PhraseTmsApiException>(() => List(client).ToListAsync());

        Assert.Equal(PhraseErrorKind.Connection, ex.Kind);
        Assert.Equal("ConnectionFailed", ex.ErrorId);
    }

    [Fact]
    public async Task A_body_stalling_past_the_request_timeout_times_out()
    {
        await using var emulator = await PhraseTmsEmulator.StartAsync();
        // Headers at once, then ten chunks 400 ms apart: 3.6 s for the body.
        emulator.Faults.Add("GET", "/connectorAsyncTasks", new Fault(FaultKind.SlowBody) { Delay = TimeSpan.FromMilliseconds(400) });
        using var client = NoRetries(emulator, timeout: TimeSpan.FromSeconds(1));

        var watch = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<PhraseTmsApiException>(() => List(client).ToListAsync());

        Assert.Equal(PhraseErrorKind.Timeout, ex.Kind);
        Assert.Equal("RequestTimeout", ex.ErrorId);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task A_body_arriving_in_slow_chunks_within_the_timeout_is_read_whole()
    {
        await using var emulator = await PhraseTmsEmulator.StartAsync();
        emulator.Faults.Add("GET", "/connectorAsyncTasks", new Fault(FaultKind.SlowBody) { Delay = TimeSpan.FromMilliseconds(20) });
        using var client = NoRetries(emulator);

        var items = await List(client).ToListAsync();

        Assert.Equal(ServedIds(emulator, SeedIds.PartialProject), items.Select(t => t.Id));
    }

    [Fact]
    public async Task A_body_of_unknown_length_is_read_whole_and_its_size_logged()
    {
        await using var emulator = await PhraseTmsEmulator.StartAsync();
        var log = new RecordingLog();
        using var client = NoRetries(emulator, handler: inner => new WithoutContentLength(inner), log: log);

        var items = await List(client).ToListAsync();

        Assert.Equal(ServedIds(emulator, SeedIds.PartialProject), items.Select(t => t.Id));
        Assert.Contains(log.Lines, l => l.Contains("pageNumber=0") && l.Contains("→ 200") && l.Contains(" KB"));
    }

    /// <summary>Turns every answer into one of unknown length (as a chunked answer would be).</summary>
    private sealed class WithoutContentLength(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var response = await base.SendAsync(request, ct);
            var original = response.Content;
            var streamed = new StreamContent(await original.ReadAsStreamAsync(ct));
            foreach (var header in original.Headers.Where(h => h.Key != "Content-Length"))
                streamed.Headers.TryAddWithoutValidation(header.Key, header.Value);
            response.Content = streamed;
            Assert.Null(streamed.Headers.ContentLength);
            return response;
        }
    }
}
