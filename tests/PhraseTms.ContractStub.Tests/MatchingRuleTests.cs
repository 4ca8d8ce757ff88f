using System.Net;
using PhraseTms.ContractStub.Journal;

namespace PhraseTms.ContractStub.Tests;

public sealed class MatchingRuleTests(StubFixture f) : IClassFixture<StubFixture>
{
    private string OperationOf(string method, string path) =>
        f.Stub.Handle(new Validation.StubRequest { Method = method, RawTarget = "/web" + path }).Operation;

    [Theory]
    [InlineData("GET", "/api2/v1/async/status", "GET /api2/v1/async/status")]
    [InlineData("GET", "/api2/v1/async/17", "GET /api2/v1/async/{asyncRequestId}")]
    [InlineData("POST", "/api2/v2/projects/applyTemplate/references", "POST /api2/v2/projects/applyTemplate/{templateUid}")]
    [InlineData("POST", "/api2/v2/projects/p1/references", "POST /api2/v2/projects/{projectUid}/references")]
    [InlineData("GET", "/api2/v1/transMemories/downloadCleaned/metadata", "GET /api2/v1/transMemories/downloadCleaned/{asyncRequestId}")]
    [InlineData("PUT", "/api2/v1/projects/p1/jobs/batch", "PUT /api2/v1/projects/{projectUid}/jobs/batch")]
    [InlineData("GET", "/api2/v1/projects/p%20q", "GET /api2/v1/projects/{projectUid}")]
    public void Literal_segments_win_over_parameters(string method, string path, string key) =>
        Assert.Equal(key, OperationOf(method, path));

    [Theory]
    [InlineData("GET", "/api2/v1/nothing")]
    [InlineData("PATCH", "/api2/v1/projects")]
    [InlineData("GET", "/api2/v1/projects/p1/extra/segments/here")]
    public void Unmatched_requests_are_journaled_as_unmatched(string method, string path)
    {
        var (operation, violations, answer) = f.Stub.Handle(new Validation.StubRequest { Method = method, RawTarget = "/web" + path });
        Assert.Equal(JournalEntry.Unmatched, operation);
        Assert.Equal(404, answer.Status);
        Assert.Contains(violations, v => v.Message == $"no operation for {method} /web{path}");
    }

    [Fact]
    public async Task Escaped_slash_in_a_segment_over_http()
    {
        f.Stub.Reset();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(f.Stub.BaseUri, "api2/v1/projects/a%2Fb"));
        request.Headers.TryAddWithoutValidation("Authorization", ConformingRequests.Token);
        using var response = await http.SendAsync(request);
        var entry = Assert.Single(f.Stub.Requests);
        Assert.Equal("GET /api2/v1/projects/{projectUid}", entry.Operation);
        Assert.Equal("/web/api2/v1/projects/a%2Fb", entry.RawTarget);
        Assert.Equal(["path: path segment 'a%2Fb' has an escaped '/' (servers split or refuse it)"],
            entry.Violations.Select(v => $"{v.Where}: {v.Message}"));
    }

    [Fact]
    public void Dot_segment() =>
        Assert.Contains("path: path segment '%2E%2E' is a dot-segment (it would be collapsed)",
            f.Check(f.Conforming("GET /api2/v1/projects/{projectUid}").WithPath("/api2/v1/projects/%2E%2E")));

    [Theory]
    [InlineData("/api2/v1/projects/p1/", "path: path ends with '/' (the API's paths do not)")]
    [InlineData("/api2/v1/projects/a%5Cb", "path: path segment 'a%5Cb' has an escaped '\\' (servers treat it as '/' or refuse it)")]
    [InlineData("/api2/v1//projects", "path: path has an empty segment ('//')")]
    public void Trailing_slash_and_empty_segment(string path, string message) =>
        Assert.Contains(message, f.Stub.Handle(new Validation.StubRequest { Method = "GET", RawTarget = "/web" + path }).Violations
            .Select(v => $"{v.Where}: {v.Message}"));

    [Fact]
    public void Integer_path_id_is_digits() =>
        Assert.Contains("path asyncRequestId: '-5' is not an integer id (digits only)",
            f.Check(f.Conforming("GET /api2/v1/async/{asyncRequestId}").WithPath("/api2/v1/async/-5")));

    [Fact]
    public async Task Missing_authorization_over_http()
    {
        f.Stub.Reset();
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(f.Stub.BaseUri, "api2/v1/async/status"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // violations are journaled, not answered
        Assert.Equal(["header Authorization: missing (ApiToken <token> or Bearer <token>)"],
            f.Stub.Violations.Select(v => $"{v.Where}: {v.Message}"));
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("ApiToken")]
    [InlineData("apitoken abc")]
    public void Malformed_authorization(string value)
    {
        var spec = f.Conforming("GET /api2/v1/async/status");
        spec.Headers["Authorization"] = value;
        Assert.Equal(["header Authorization: is not 'ApiToken <token>' or 'Bearer <token>'"], f.Check(spec));
    }

    [Fact]
    public void Bearer_is_accepted_and_logins_need_no_token()
    {
        var bearer = f.Conforming("GET /api2/v1/async/status");
        bearer.Headers["Authorization"] = "Bearer abc.def";
        Assert.Empty(f.Check(bearer));
        var login = f.Conforming("POST /api2/v3/auth/login");
        login.Headers.Remove("Authorization");
        Assert.Empty(f.Check(login));
        var other = f.Conforming("POST /api2/v1/auth/loginOther");
        other.Headers.Remove("Authorization");
        Assert.Contains("header Authorization: missing (ApiToken <token> or Bearer <token>)", f.Check(other));
    }
}
