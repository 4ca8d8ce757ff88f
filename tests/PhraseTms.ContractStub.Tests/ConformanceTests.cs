using Newtonsoft.Json.Linq;
using PhraseTms.ContractStub.Samples;

namespace PhraseTms.ContractStub.Tests;

public sealed class ConformanceTests(ConformanceRun run) : IClassFixture<ConformanceRun>
{
    [Fact]
    public void Every_operation_is_reached_by_its_conforming_request()
    {
        Assert.Equal(405, run.Stub.Description.Operations.Count);
        var wrong = run.Results.Where(r => r.Entry.Operation != r.Operation.Key).Select(r => $"{r.Operation.Key} → {r.Entry.Operation}");
        Expect.None(wrong);
        Assert.Equal(405, run.Stub.OperationsCalled.Count);
        Assert.Empty(run.Stub.Summary().Unmapped);
    }

    [Fact]
    public void Conforming_requests_have_no_violations()
    {
        Expect.None(run.Stub.Violations);
    }

    [Fact]
    public void Every_answer_validates_against_its_own_response_schema()
    {
        Expect.None(run.AnswerViolations);
    }

    [Fact]
    public void Answers_fill_every_property_of_the_top_level_model()
    {
        var shapes = new Description.Shapes(run.Stub.Description);
        var unfilled = new List<string>();
        foreach (var (op, entry, _, _) in run.Results)
        {
            if (op.Response?.Schema?.Ref is not { } name || entry.ResponseBody is null) continue;
            var body = JObject.Parse(entry.ResponseBody);
            foreach (var p in shapes.Of(name)!.Own)
                if (body[p.Name] is null && !(name.StartsWith("AsyncResponse") && p.Name.StartsWith("error")) && !IsCycle(p, name))
                    unfilled.Add($"{op.Key}: {name}.{p.Name}");
        }
        Expect.None(unfilled);
    }

    private static bool IsCycle(Description.ApiProperty p, string owner) => p.Ref == owner || p.Items?.Ref == owner;

    [Fact]
    public void Async_answers_carry_an_id_that_async_answers_as_finished()
    {
        var async = run.Results.Single(r => r.Operation.Key == AnswerBuilder.AsyncRequestKey);
        var body = JObject.Parse(async.Entry.ResponseBody!);
        Assert.Equal("1", (string?)body["id"]);
        Assert.NotNull(body["asyncResponse"]);
        Assert.Null(body["asyncResponse"]!["errorCode"]);
        var create = run.Results.Single(r => r.Operation.Key == "POST /api2/v1/projects/{projectUid}/jobs");
        Assert.Equal(201, (int)create.Response.StatusCode);
        var id = (string?)JObject.Parse(create.Entry.ResponseBody!)["asyncRequest"]!["id"];
        Assert.Matches("^[0-9]+$", id);
    }

    [Fact]
    public void The_answer_check_is_not_vacuous()
    {
        // The validator that passed every answer flags a spoiled one.
        var op = run.Stub.Description.Operations.Single(o => o.Key == "GET /api2/v1/async/{asyncRequestId}");
        var into = new Validation.ViolationList(op.Key);
        var answer = (JObject)Validation.BodyRules.Parse(run.Results.Single(r => r.Operation == op).Body, "answer", into)!;
        answer["action"] = "NOT_AN_ACTION";
        answer["dateCreated"] = 5;
        answer["extra"] = true;
        run.Stub.Validator.Json.Validate(answer, op.Response!.Schema!, Validation.JsonDirection.Response, "answer", into);
        Assert.Equal([
            "answer $.action: 'NOT_AN_ACTION' is not one of PRE_ANALYSE, POST_ANALYSE, COMPARE_ANALYSE, PARENT_ANALYSE, PRE_TRANSLATE, " +
            "ASYNC_TRANSLATE, IMPORT_JOB, IMPORT_FILE, ALIGN, EXPORT_TMX_BY_QUERY, EXPORT_TMX, IMPORT_TMX, IMPORT_TBX, INSERT_INTO_TM, " +
            "DELETE_TM, CLEAR_TM, QA, QA_V3, UPDATE_CONTINUOUS_JOB, UPDATE_SOURCE, UPDATE_TARGET, EXTRACT_CLEANED_TMS, GLOSSARY_PUT, " +
            "GLOSSARY_DELETE, CREATE_PROJECT, EXPORT_COMPLETE_FILE, IMPORT_ANNOTATIONS, FILE_FLOW_CONVERTER_IMPORT, " +
            "FILE_FLOW_MT_PRETRANSLATE, FILE_FLOW_QUALITY_ESTIMATION",
            "answer $.dateCreated: number 5 where a string is expected",
            "answer $: unknown field 'extra' (not in AsyncRequestDto)",
        ], into.Items.Select(v => $"{v.Where}: {v.Message}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Summary_gives_the_conformance_line()
    {
        var expected = run.Stub.Description.Operations.Select(o => o.Key).Where(k => k != AnswerBuilder.AsyncRequestKey).ToList();
        var summary = run.Stub.Summary(expected);
        Assert.Equal("API conformance: 404 operations, 7 cmdlets, 405 requests checked, 0 unmapped", summary.Line(7));
        var missing = run.Stub.Summary(expected.Append("GET /api2/v9/nothing"));
        Assert.Equal(["GET /api2/v9/nothing"], missing.Unmapped);
    }
}
