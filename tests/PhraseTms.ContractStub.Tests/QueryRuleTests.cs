namespace PhraseTms.ContractStub.Tests;

public sealed class QueryRuleTests(StubFixture f) : IClassFixture<StubFixture>
{
    private const string Tasks = "GET /api2/v1/connectorAsyncTasks";

    [Fact]
    public void Conforming_request_has_no_violations() => Assert.Empty(f.Check(f.Conforming(Tasks)));

    [Fact]
    public void Unknown_query_name() =>
        Assert.Contains("query pagesize: not a parameter of this operation", f.Check(f.Conforming(Tasks).WithQuery("pagesize", "5")));

    [Theory]
    [InlineData("abc", "query pageSize: 'abc' is not an int32")]
    [InlineData("3000000000", "query pageSize: '3000000000' is not an int32")]
    [InlineData("1.5", "query pageSize: '1.5' is not an int32")]
    [InlineData("1001", "query pageSize: 1001 is above the maximum 1000")]
    [InlineData("0", "query pageSize: 0 is below the minimum 1")]
    public void Wrong_integer(string value, string message) =>
        Assert.Contains(message, f.Check(f.Conforming(Tasks).WithQuery("pageSize", value)));

    [Theory]
    [InlineData("9223372036854775807", null)]
    [InlineData("9223372036854775808", "query businessUnitId: '9223372036854775808' is not an int64")]
    [InlineData("12a", "query businessUnitId: '12a' is not an int64")]
    public void Int64_range(string value, string? message)
    {
        var found = f.Check(f.Conforming("GET /api2/v1/projects").WithQuery("businessUnitId", value));
        if (message is null) Assert.Empty(found);
        else Assert.Contains(message, found);
    }

    [Fact]
    public void Unescaped_plus_in_a_date_is_a_space() =>
        Assert.Contains("query dateCreatedFrom: '2026-12-01T10:00:00 00:00' is not an ISO 8601 date-time in UTC (Z, +0000 or +00:00)" +
                        " — an unescaped '+' arrives as a space",
            f.Check(new RequestSpec
            {
                Method = "GET",
                PathAndQuery = "/api2/v1/connectorAsyncTasks?projectUid=p&dateCreatedFrom=2026-12-01T10:00:00+00:00",
                Headers = { ["Authorization"] = ConformingRequests.Token },
            }));

    [Theory]
    [InlineData("2026-12-01T10:00:00+02:00")]
    [InlineData("2026-12-01T10:00:00")]
    [InlineData("12/01/2026 10:00")]
    public void Date_not_in_utc(string value) =>
        Assert.Contains($"query dateCreatedFrom: '{value}' is not an ISO 8601 date-time in UTC (Z, +0000 or +00:00)",
            f.Check(f.Conforming(Tasks).WithQuery("dateCreatedFrom", value)));

    [Theory]
    [InlineData("2026-12-01T10:00:00Z")]
    [InlineData("2026-12-01T10:00:00.123Z")]
    [InlineData("2026-12-01T10:00:00+0000")]
    [InlineData("2026-12-01T10:00:00+00:00")]
    public void Utc_dates_pass(string value) => Assert.Empty(f.Check(f.Conforming(Tasks).WithQuery("dateCreatedFrom", value)));

    [Fact]
    public void Wrong_enum_in_an_array() =>
        Assert.Contains("query taskType: 'upload' is not one of DOWNLOAD, REIMPORT, REIMPORT_TARGET, UPLOAD",
            f.Check(f.Conforming(Tasks).WithQuery("taskType", "upload")));

    [Fact]
    public void Multi_array_sent_comma_separated() =>
        Assert.Contains("query taskType: 'UPLOAD,DOWNLOAD' is not one of DOWNLOAD, REIMPORT, REIMPORT_TARGET, UPLOAD " +
                        "(collectionFormat multi: repeat the name, taskType=a&taskType=b)",
            f.Check(f.Conforming(Tasks).WithQuery("taskType", "UPLOAD,DOWNLOAD")));

    [Fact]
    public void Multi_array_repeated_passes() =>
        Assert.Empty(f.Check(f.Conforming(Tasks).WithQuery("taskType", "UPLOAD", "DOWNLOAD", "REIMPORT")));

    [Fact]
    public void Missing_required_query() =>
        Assert.Contains("query projectUid: required but missing", f.Check(f.Conforming(Tasks).WithQuery("projectUid")));

    [Fact]
    public void Scalar_given_twice() =>
        Assert.Contains("query projectUid: given 2 times (not an array)", f.Check(f.Conforming(Tasks).WithQuery("projectUid", "a", "b")));

    [Theory]
    [InlineData("True")]
    [InlineData("1")]
    public void Boolean_is_true_or_false(string value) =>
        Assert.Contains($"query all: '{value}' is not a boolean (true or false)", f.Check(f.Conforming("GET /api2/v1/async").WithQuery("all", value)));

    [Fact]
    public void Wrong_enum() =>
        Assert.Contains("query from: 'XLSX' is not one of MXLF, DOCX", f.Check(f.Conforming("POST /api2/v1/bilingualFiles/convert").WithQuery("from", "XLSX")));
}
