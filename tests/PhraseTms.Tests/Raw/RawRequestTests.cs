using System.Collections;
using System.Collections.Specialized;
using Newtonsoft.Json.Linq;
using PhraseTms.Client.Connectors;
using PhraseTms.Client.Errors;
using PhraseTms.Client.Raw;

namespace PhraseTms.Tests.Raw;

/// <summary>What Invoke-PhraseTmsRequest sends: method, path, query and body, checked before anything is sent.</summary>
public sealed class RawRequestTests
{
    [Theory]
    [InlineData("/api2/v1/projects", "api2/v1/projects")]
    [InlineData("/api2/v1/projects/", "api2/v1/projects")]
    [InlineData("/api2/v1/projects/a b/jobs", "api2/v1/projects/a%20b/jobs")]
    [InlineData("/api2/v1/files/%2e%2e", "api2/v1/files/%252e%252e")]
    [InlineData("/api2/v1/files/ü:x", "api2/v1/files/%C3%BC%3Ax")]
    public void A_path_is_kept_under_api2_with_every_segment_escaped(string given, string sent) =>
        Assert.Equal(sent, RawPath.Normalize(given));

    [Theory]
    [InlineData("")]
    [InlineData("api2/v1/projects")]
    [InlineData("/web/api2/v1/projects")]
    [InlineData("https://evil.example.com/api2/v1/projects")]
    [InlineData("//evil.example.com/api2/v1/projects")]
    [InlineData("/api2/../admin")]
    [InlineData("/api2/v1/./projects")]
    [InlineData("/api2/v1//projects")]
    [InlineData("/api2/v1/projects?pageSize=5")]
    [InlineData("/api2/v1/projects#top")]
    [InlineData("/api2/v1\\projects")]
    [InlineData("/api2/v1/pro\njects")]
    public void A_path_outside_the_api_or_with_a_query_is_refused_with_InvalidPath(string path)
    {
        var ex = Assert.Throws<PhraseTmsValidationException>(() => RawRequest.Create("GET", path));
        Assert.Equal("InvalidPath", ex.ErrorId);
        Assert.Equal("Path", ex.ParameterName);
        Assert.Equal(path, ex.Value);
        Assert.Equal(PhraseErrorKind.InvalidArgument, ex.Kind);
    }

    [Theory]
    [InlineData("get", "GET")]
    [InlineData("Post", "POST")]
    [InlineData("PUT", "PUT")]
    [InlineData("patch", "PATCH")]
    [InlineData("DELETE", "DELETE")]
    public void The_five_methods_are_accepted_in_any_case(string given, string sent) =>
        Assert.Equal(sent, RawRequest.Create(given, "/api2/v1/projects").Method.Method);

    [Theory]
    [InlineData("HEAD")]
    [InlineData("TRACE")]
    [InlineData("")]
    public void Other_methods_are_refused_with_InvalidMethod(string method)
    {
        var ex = Assert.Throws<PhraseTmsValidationException>(() => RawRequest.Create(method, "/api2/v1/projects"));
        Assert.Equal("InvalidMethod", ex.ErrorId);
        Assert.Equal("Method", ex.ParameterName);
    }

    [Fact]
    public void Query_values_are_formatted_as_the_api_expects_and_lists_repeat_the_name()
    {
        var query = new OrderedDictionary
        {
            ["projectUid"] = "aBcD123",
            ["pageSize"] = 5,
            ["includeArchived"] = true,
            ["dateCreatedFrom"] = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)),
            ["taskType"] = new object[] { ConnectorTaskType.DOWNLOAD, "UPLOAD" },
            ["ratio"] = 0.5,
            ["left out"] = null,
        };
        var sent = RawQuery.From(query);
        Assert.Equal(
            [
                new("projectUid", "aBcD123"), new("pageSize", "5"), new("includeArchived", "true"),
                new("dateCreatedFrom", "2026-01-02T01:04:05.000Z"), new("taskType", "DOWNLOAD"), new("taskType", "UPLOAD"),
                new("ratio", "0.5"),
            ],
            sent);
    }

    [Fact]
    public void The_query_in_the_sent_path_is_escaped()
    {
        var request = RawRequest.Create("GET", "/api2/v1/projects", new Hashtable { ["name"] = "Q&A 100%" });
        Assert.Equal("/api2/v1/projects?name=Q%26A%20100%25", request.PathAndQuery);
        Assert.Equal("GET /api2/v1/projects?name=Q%26A%20100%25", request.ToString());
    }

    [Fact]
    public void A_table_as_a_query_value_is_refused()
    {
        var ex = Assert.Throws<PhraseTmsValidationException>(() =>
            RawRequest.Create("GET", "/api2/v1/projects", new Hashtable { ["filter"] = new Hashtable { ["a"] = 1 } }));
        Assert.Equal("InvalidQuery", ex.ErrorId);
        Assert.Equal("Query", ex.ParameterName);
    }

    [Fact]
    public void A_table_body_keeps_its_keys_as_written_and_converts_values()
    {
        var body = new OrderedDictionary
        {
            ["targetLangs"] = new[] { "de", "fr_fr" },
            ["Due"] = new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero),
            ["X_Custom"] = ConnectorTaskType.UPLOAD,
            ["nested"] = new Hashtable { ["count"] = 3L, ["none"] = null },
        };
        var text = JsonBody.From(body)!;
        Assert.Contains("\"Due\":\"2026-05-01T12:00:00.000Z\"", text);
        var json = JObject.Parse(text);
        Assert.Equal(["targetLangs", "Due", "X_Custom", "nested"], json.Properties().Select(p => p.Name));
        Assert.Equal(new[] { "de", "fr_fr" }, json["targetLangs"]!.Values<string>());
        Assert.Equal("UPLOAD", (string?)json["X_Custom"]);
        Assert.Equal(3L, (long)json["nested"]!["count"]!);
        Assert.Equal(JTokenType.Null, json["nested"]!["none"]!.Type);
    }

    [Fact]
    public void A_model_object_in_a_body_is_written_in_camel_case()
    {
        var json = JObject.Parse(JsonBody.From(new Hashtable { ["task"] = new ConnectorAsyncTask { Id = "1", JobFileName = "a.html" } })!);
        Assert.Equal("1", (string?)json["task"]!["id"]);
        Assert.Equal("a.html", (string?)json["task"]!["jobFileName"]);
    }

    [Fact]
    public void A_json_string_body_is_sent_exactly_as_given()
    {
        const string text = "{ \"targetLangs\" : [\"de\"],\n  \"due\": \"2026-05-01T12:00:00+0000\" }";
        Assert.Equal(text, RawRequest.Create("POST", "/api2/v1/x", body: text).Body);
    }

    [Theory]
    [InlineData("{\"a\": ")]
    [InlineData("not json")]
    [InlineData("{} {}")]
    public void A_string_body_that_is_not_json_is_refused(string text)
    {
        var ex = Assert.Throws<PhraseTmsValidationException>(() => RawRequest.Create("POST", "/api2/v1/x", body: text));
        Assert.Equal("InvalidBody", ex.ErrorId);
        Assert.Equal("Body", ex.ParameterName);
        Assert.Equal(text, ex.Value);
    }

    [Fact]
    public void No_body_or_an_empty_string_sends_no_body() =>
        Assert.All(new object?[] { null, "", "  " }, b => Assert.Null(RawRequest.Create("DELETE", "/api2/v1/x", body: b).Body));

    [Fact]
    public void Host_objects_are_unwrapped_by_the_adapter_at_every_level()
    {
        // Stands in for PowerShell's PSObject: the module passes an adapter that unwraps it.
        var body = new Wrapped(new Hashtable { ["list"] = new Wrapped(new object[] { new Wrapped("x"), 2 }) });
        var query = new Hashtable { ["name"] = new Wrapped(new[] { new Wrapped("a"), new Wrapped("b") }) };
        static object? Unwrap(object value) => value is Wrapped w ? w.Value : value;

        var request = RawRequest.Create("POST", "/api2/v1/x", query, body, Unwrap);

        Assert.Equal("""{"list":["x",2]}""", request.Body);
        Assert.Equal([new("name", "a"), new("name", "b")], request.Query);
    }

    [Fact]
    public void A_body_nested_too_deep_is_refused()
    {
        var list = new ArrayList();
        var inner = list;
        for (var i = 0; i < 100; i++) { var next = new ArrayList(); inner.Add(next); inner = next; }
        Assert.Equal("InvalidBody", Assert.Throws<PhraseTmsValidationException>(() => JsonBody.From(list)).ErrorId);
    }

    private sealed record Wrapped(object Value);
}
