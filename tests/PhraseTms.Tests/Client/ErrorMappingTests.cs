using System.Text;
using PhraseTms.Client.Errors;

namespace PhraseTms.Tests.Client;

public sealed class ErrorMappingTests
{
    private static readonly RequestInfo Request = new("GET", "/api2/v1/connectorAsyncTasks?projectUid=p");

    [Fact]
    public void A_phrase_json_error_gives_its_code_and_description()
    {
        var ex = ErrorResponseParser.FromResponse(Request, 403, "application/json",
            Encoding.UTF8.GetBytes("""{"errorCode":"AuthAccessDenied","errorDescription":"You may not."}"""));
        Assert.Equal("AuthAccessDenied", ex.ErrorId);
        Assert.Equal("AuthAccessDenied", ex.ErrorCode);
        Assert.Equal("You may not.", ex.ErrorDescription);
        Assert.Equal(PhraseErrorKind.PermissionDenied, ex.Kind);
        Assert.Contains("GET /api2/v1/connectorAsyncTasks?projectUid=p", ex.Message);
        Assert.Contains("403", ex.Message);
    }

    [Fact]
    public void An_oauth_error_gives_its_error_and_description()
    {
        var ex = ErrorResponseParser.FromResponse(new RequestInfo("POST", "https://eu.phrase.com/idm/oauth/token"), 400, "application/json",
            Encoding.UTF8.GetBytes("""{"error":"invalid_grant","error_description":"The subject token is revoked"}"""));
        Assert.Equal("invalid_grant", ex.ErrorCode);
        Assert.Equal("The subject token is revoked", ex.ErrorDescription);
        Assert.Equal(PhraseErrorKind.InvalidArgument, ex.Kind);
        Assert.Contains("POST https://eu.phrase.com/idm/oauth/token failed with HTTP 400 invalid_grant", ex.Message);
    }

    [Fact]
    public void A_form_body_shows_its_field_names_only()
    {
        var form = new PhraseTms.Client.Http.FormFields([new("grant_type", "x"), new("subject_token", "secret-value")]);
        Assert.Equal("grant_type=…&subject_token=…", form.ToString());
        Assert.Equal("grant_type=x&subject_token=secret-value", form.Encode());
        var call = new PhraseTms.Client.Http.ApiCall(HttpMethod.Post, new Uri("https://us.phrase.com/idm/oauth/token")).Form(() => form.Fields);
        Assert.True(call.Anonymous);
        Assert.Equal("POST https://us.phrase.com/idm/oauth/token", call.Info.ToString());
    }

    [Fact]
    public void An_html_error_page_gives_the_status_and_a_readable_excerpt()
    {
        var html = "<html><head><style>body{color:red}</style><title>502 Bad Gateway</title></head><body><h1>Bad   Gateway</h1><p>nginx</p></body></html>";
        var ex = ErrorResponseParser.FromResponse(Request, 502, "text/html", Encoding.UTF8.GetBytes(html));
        Assert.Equal("Http502", ex.ErrorId);
        Assert.Null(ex.ErrorCode);
        Assert.Equal(PhraseErrorKind.Connection, ex.Kind);
        Assert.Contains("502 Bad Gateway Bad Gateway nginx", ex.Message);
        Assert.DoesNotContain("<", ex.Message.Replace("<html", ""));
        Assert.DoesNotContain("color:red", ex.Message);
    }

    [Fact]
    public void An_empty_error_body_still_gives_a_clear_error()
    {
        var ex = ErrorResponseParser.FromResponse(Request, 500, null, []);
        Assert.Equal("Http500", ex.ErrorId);
        Assert.Equal(PhraseErrorKind.InvalidResult, ex.Kind);
        Assert.Contains("no body", ex.Message);
    }

    [Fact]
    public void Broken_json_in_an_error_body_is_treated_as_text()
    {
        var ex = ErrorResponseParser.FromResponse(Request, 400, "application/json", Encoding.UTF8.GetBytes("{\"errorCode\":\"Inva"));
        Assert.Equal("Http400", ex.ErrorId);
        Assert.Equal(PhraseErrorKind.InvalidArgument, ex.Kind);
    }

    [Theory]
    [InlineData(401, null, PhraseErrorKind.Authentication)]
    [InlineData(403, null, PhraseErrorKind.PermissionDenied)]
    [InlineData(403, "ApiLimitReached", PhraseErrorKind.LimitsExceeded)]
    [InlineData(404, null, PhraseErrorKind.NotFound)]
    [InlineData(400, null, PhraseErrorKind.InvalidArgument)]
    [InlineData(429, null, PhraseErrorKind.LimitsExceeded)]
    [InlineData(500, null, PhraseErrorKind.InvalidResult)]
    [InlineData(503, null, PhraseErrorKind.Connection)]
    public void Statuses_map_to_kinds(int status, string? code, PhraseErrorKind kind) =>
        Assert.Equal(kind, ErrorResponseParser.KindOf(status, code));
}
