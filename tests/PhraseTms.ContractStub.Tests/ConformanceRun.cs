using Newtonsoft.Json.Linq;
using PhraseTms.ContractStub.Description;
using PhraseTms.ContractStub.Journal;
using PhraseTms.ContractStub.Validation;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace PhraseTms.ContractStub.Tests;

/// <summary>
/// Sends one conforming request per operation of the committed description over HTTP, then holds each answer
/// against its own response schema; prints <c>Contract stub: 405 operations, 405 conforming requests, 0 violations</c>.
/// </summary>
public sealed class ConformanceRun : IAsyncLifetime
{
    private readonly IMessageSink _sink;

    public ConformanceRun(IMessageSink sink) => _sink = sink;

    public ContractStub Stub { get; private set; } = null!;
    public List<(ApiOperation Operation, JournalEntry Entry, HttpResponseMessage Response, byte[] Body)> Results { get; } = [];
    public List<Violation> AnswerViolations { get; } = [];

    public async Task InitializeAsync()
    {
        Stub = await ContractStub.StartAsync(TestPaths.Description);
        var builder = new ConformingRequests(Stub.Description);
        using var http = new HttpClient();
        foreach (var op in Stub.Description.Operations)
        {
            var response = await http.SendAsync(builder.For(op).ToHttp(Stub.BaseUri));
            var body = await response.Content.ReadAsByteArrayAsync();
            Results.Add((op, Stub.Requests[^1], response, body));
            CheckAnswer(op, response, body);
        }
        var violations = Stub.Violations.Count + AnswerViolations.Count;
        var conforming = Results.Count(r => r.Entry.Operation == r.Operation.Key && r.Entry.Violations.Count == 0);
        _sink.OnMessage(new DiagnosticMessage(
            $"Contract stub: {Stub.Description.Operations.Count} operations, {conforming} conforming requests, {violations} violations"));
    }

    /// <summary>The stub's validator on the stub's own answer: the status, and the body against the response schema.</summary>
    private void CheckAnswer(ApiOperation op, HttpResponseMessage response, byte[] body)
    {
        var into = new ViolationList(op.Key);
        var expected = op.Response?.Status ?? 204;
        if ((int)response.StatusCode != expected) into.Add("answer", $"status {(int)response.StatusCode}, described {expected}");
        if (op.Response is { Schema: { } schema, Binary: false } && expected != 204)
        {
            if (BodyRules.Parse(body, "answer", into) is { } token)
                Stub.Validator.Json.Validate(token, schema, JsonDirection.Response, "answer", into);
        }
        else if (op.Response is { Binary: true })
        {
            if (response.Content.Headers.ContentType?.MediaType != "application/octet-stream") into.Add("answer", "binary answer not octet-stream");
            if (response.Content.Headers.ContentDisposition?.FileName is null) into.Add("answer", "binary answer without a filename");
            if (body.Length == 0) into.Add("answer", "binary answer without bytes");
        }
        else if (body.Length > 0) into.Add("answer", "a body where the description has none");
        AnswerViolations.AddRange(into.Items);
    }

    public async Task DisposeAsync() => await Stub.DisposeAsync();
}
