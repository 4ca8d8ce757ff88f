namespace PhraseTms.ContractStub.Tests;

public sealed class BodyRuleTests(StubFixture f) : IClassFixture<StubFixture>
{
    private const string Clients = "POST /api2/v1/clients";

    [Fact]
    public void Conforming_body_passes() => Assert.Empty(f.Check(f.Conforming(Clients).WithJson("{\"name\":\"Acme\",\"note\":\"n\"}")));

    [Fact]
    public void Unknown_body_field() =>
        Assert.Equal(["body $: unknown field 'nmae' (not in ClientEditDto)", "body $: required field 'name' of ClientEditDto is missing"],
            f.Check(f.Conforming(Clients).WithJson("{\"nmae\":\"Acme\"}")));

    [Fact]
    public void Unknown_nested_field_through_a_ref() =>
        Assert.Contains("body $.priceList: unknown field 'id2' (not in IdReference)",
            f.Check(f.Conforming(Clients).WithJson("{\"name\":\"Acme\",\"priceList\":{\"id2\":\"1\"}}")));

    [Theory]
    [InlineData("{\"name\":5}", "body $.name: number 5 where a string is expected")]
    [InlineData("{\"name\":\"a\",\"displayNoteInProject\":\"yes\"}", "body $.displayNoteInProject: string \"yes\" where a boolean is expected")]
    [InlineData("[1]", "body $: an array where an object (ClientEditDto) is expected")]
    public void Wrong_body_type(string json, string message) => Assert.Contains(message, f.Check(f.Conforming(Clients).WithJson(json)));

    [Fact]
    public void Missing_required_body_field() =>
        Assert.Equal(["body $: required field 'name' of ClientEditDto is missing"], f.Check(f.Conforming(Clients).WithJson("{\"note\":\"n\"}")));

    [Fact]
    public void Required_field_sent_as_null() =>
        Assert.Equal(["body $: required field 'name' of ClientEditDto is null"], f.Check(f.Conforming(Clients).WithJson("{\"name\":null}")));

    [Fact]
    public void Read_only_field_sent() =>
        Assert.Contains("body $.id: read-only field 'id' of ScimUserCoreDto must not be sent",
            f.Check(f.Conforming("PUT /api2/v1/scim/Users/{userId}").WithJson(
                "{\"id\":\"1\",\"userName\":\"u\",\"emails\":[],\"name\":{}}")));

    [Fact]
    public void A_subtype_field_is_accepted_in_a_base_typed_body()
    {
        // AbstractUserCreateDto's subtypes add fields: a GUEST's "client" is fine in the base's body.
        var spec = f.Conforming("POST /api2/v3/users");
        var body = Newtonsoft.Json.Linq.JObject.Parse(System.Text.Encoding.UTF8.GetString(spec.Body!));
        body["client"] = new Newtonsoft.Json.Linq.JObject { ["uid"] = "Stub0000000000000001" };
        Assert.Empty(f.Check(spec.WithJson(body.ToString())));
        body["notAnyones"] = true;
        Assert.Contains("body $: unknown field 'notAnyones' (not in AbstractUserCreateDto)", f.Check(spec.WithJson(body.ToString())));
    }

    [Fact]
    public void Enum_and_date_in_body()
    {
        var spec = f.Conforming("POST /api2/v1/projects/{projectUid}/jobs/{jobUid}/setStatus").WithJson("{\"requestedStatus\":\"DONE\"}");
        Assert.Contains(f.Check(spec), m => m.StartsWith("body $.requestedStatus: 'DONE' is not one of NEW, "));
    }

    [Fact]
    public void Wrong_content_type()
    {
        var spec = f.Conforming(Clients).WithJson("{\"name\":\"Acme\"}");
        spec.ContentType = "text/plain; charset=utf-8";
        Assert.Equal(["header Content-Type: 'text/plain' is not application/json"], f.Check(spec));
        spec.ContentType = null;
        Assert.Equal(["header Content-Type: missing (expected application/json)"], f.Check(spec));
    }

    [Fact]
    public void Octet_stream_upload_with_json_content_type()
    {
        var spec = f.Conforming("POST /api2/v1/bilingualFiles/preview");
        spec.ContentType = "application/json";
        Assert.Equal(["header Content-Type: 'application/json' is not application/octet-stream"], f.Check(spec));
    }

    [Fact]
    public void Body_where_the_operation_has_none()
    {
        var spec = f.Conforming("DELETE /api2/v1/clients/{clientUid}").WithJson("{}");
        Assert.Equal(["body: the operation takes no body (2 bytes sent)"], f.Check(spec));
    }

    [Fact]
    public void Missing_body() =>
        Assert.Equal(["body: required but missing"], f.Check(new RequestSpec
        {
            Method = "POST", PathAndQuery = "/api2/v1/clients", Headers = { ["Authorization"] = ConformingRequests.Token },
        }));

    [Fact]
    public void Not_json() =>
        Assert.Contains(f.Check(f.Conforming(Clients).WithJson("{name:")), m => m.StartsWith("body: not JSON"));

    [Fact]
    public void Multipart_without_its_required_file_part()
    {
        var form = new MultipartFormDataContent("b") { { new StringContent("x"), "sourceFileName" }, { new StringContent("y"), "nope" } };
        var spec = f.Conforming("POST /api2/v1/connectors/{connectorId}/folders/{folder}");
        spec.ContentType = form.Headers.ContentType!.ToString();
        spec.Body = form.ReadAsByteArrayAsync().Result;
        Assert.Equal(["form nope: not a form field (known: file, sourceFileName, subfolderName, mimeType, commitMessage)",
                      "form file: required part missing"], f.Check(spec));
    }

    [Fact]
    public void Multipart_file_part_without_filename()
    {
        var form = new MultipartFormDataContent("b") { { new ByteArrayContent([1, 2]), "file" } };
        var spec = f.Conforming("POST /api2/v2/bilingualFiles");
        spec.ContentType = form.Headers.ContentType!.ToString();
        spec.Body = form.ReadAsByteArrayAsync().Result;
        Assert.Equal(["form file: a file part without a filename"], f.Check(spec));
    }
}
