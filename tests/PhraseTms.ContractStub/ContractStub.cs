using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PhraseTms.ContractStub.Description;
using PhraseTms.ContractStub.Journal;
using PhraseTms.ContractStub.Matching;
using PhraseTms.ContractStub.Samples;
using PhraseTms.ContractStub.Validation;

namespace PhraseTms.ContractStub;

/// <summary>
/// Serves every operation of the API description on http://127.0.0.1:&lt;free port&gt;/web: each request is matched to
/// one operation, held against the description (violations journaled, never answered as errors, so a run reports them
/// all) and answered with a schema-shaped success body. Unmatched requests get a 404.
/// </summary>
public sealed class ContractStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RequestJournal _journal = new();

    private ContractStub(ApiDescription api, WebApplication app)
    {
        Description = api;
        var shapes = new Shapes(api);
        Matcher = new OperationMatcher(api);
        Validator = new RequestValidator(shapes);
        Answers = new AnswerBuilder(new SampleBuilder(shapes));
        _app = app;
    }

    public ApiDescription Description { get; }
    public OperationMatcher Matcher { get; }
    public RequestValidator Validator { get; }
    public AnswerBuilder Answers { get; }

    /// <summary>http://127.0.0.1:port/web/ — the API is under <c>api2/…</c> below it.</summary>
    public Uri BaseUri { get; private set; } = null!;

    public IReadOnlyList<JournalEntry> Requests => _journal.Entries;
    public IReadOnlyList<Violation> Violations => Requests.SelectMany(e => e.Violations).ToList();

    /// <summary>The distinct operation keys the requests matched (<c>GET /api2/v1/projects</c>), sorted.</summary>
    public IReadOnlyList<string> OperationsCalled =>
        Requests.Where(e => e.IsMatched).Select(e => e.Operation).Distinct().OrderBy(k => k, StringComparer.Ordinal).ToList();

    public static async Task<ContractStub> StartAsync(string descriptionPath)
    {
        var api = ApiDescription.Load(descriptionPath);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(ContractStub).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, PassiveLifetime>();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
        });
        var app = builder.Build();
        var stub = new ContractStub(api, app);
        app.Run(stub.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        stub.BaseUri = new Uri(address.TrimEnd('/') + OperationMatcher.BasePath + "/");
        return stub;
    }

    /// <summary>Forgets the journal (between tests sharing one stub).</summary>
    public void Reset() => _journal.Clear();

    /// <summary>The numbers for the conformance line; <paramref name="expectedOperations"/> defaults to all.</summary>
    public ConformanceSummary Summary(IEnumerable<string>? expectedOperations = null) =>
        ConformanceSummary.Of(expectedOperations ?? Description.Operations.Select(o => o.Key), Requests);

    /// <summary>Matches, checks and answers one request without HTTP (the same path every served request takes).</summary>
    public (string Operation, IReadOnlyList<Violation> Violations, Answer Answer) Handle(StubRequest request)
    {
        var match = Matcher.Match(request.Method, request.RawPath);
        if (match.Operation is not { } op)
        {
            var unmatched = new ViolationList(JournalEntry.Unmatched);
            unmatched.Add("path", $"no operation for {request.Method} {request.RawPath}");
            foreach (var p in match.Problems) unmatched.Add("path", p);
            var notFound = new Answer(404, "application/json",
                System.Text.Encoding.UTF8.GetBytes("{\"errorCode\":\"ResourceNotFound\",\"errorDescription\":\"contract stub: no such operation\"}"),
                new Dictionary<string, string>());
            return (JournalEntry.Unmatched, unmatched.Items, notFound);
        }
        var violations = new ViolationList(op.Key);
        foreach (var p in match.Problems) violations.Add("path", p);
        Validator.Validate(op, match.PathValues, request, violations);
        return (op.Key, violations.Items, Answers.Build(op, match.PathValues, request));
    }

    private async Task HandleAsync(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var h in context.Request.Headers) headers[h.Key] = h.Value.ToString();
        var request = new StubRequest { Method = context.Request.Method, RawTarget = raw, Headers = headers, Body = buffer.ToArray() };

        var (operation, violations, answer) = Handle(request);
        _journal.Add(request.Method, raw, operation, violations, answer.Status, answer.Text);

        context.Response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers) context.Response.Headers[name] = value;
        if (answer.ContentType is { } contentType)
        {
            context.Response.ContentType = contentType;
            context.Response.ContentLength = answer.Body.Length;
            await context.Response.Body.WriteAsync(answer.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Ignores console signals: an in-process host must not hook the test runner's Ctrl+C.</summary>
    private sealed class PassiveLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
