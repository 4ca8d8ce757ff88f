using PhraseTms.Client.Connectors;
using PhraseTms.Client.Serialization;

namespace PhraseTms.Tests.Client;

public sealed class SerializationTests
{
    [Theory]
    [InlineData("2023-11-07T05:31:56Z", "2023-11-07T05:31:56+00:00")]
    [InlineData("2023-11-07T05:31:56+0000", "2023-11-07T05:31:56+00:00")]
    [InlineData("2023-11-07T05:31:56.123+0000", "2023-11-07T05:31:56.123+00:00")]
    [InlineData("2023-11-07T07:31:56+02:00", "2023-11-07T05:31:56+00:00")]
    [InlineData("2023-11-07T00:01:56-0530", "2023-11-07T05:31:56+00:00")]
    [InlineData("2023-11-07T05:31:56", "2023-11-07T05:31:56+00:00")]
    public void Dates_parse_with_every_offset_style_the_api_writes(string text, string expected)
    {
        Assert.True(PhraseDateConverter.TryParse(text, out var value));
        Assert.Equal(DateTimeOffset.Parse(expected), value);
        Assert.Equal(DateTimeOffset.Parse(expected).UtcDateTime, value.UtcDateTime);
    }

    [Theory]
    [InlineData("2024-02-29T23:59:59.9999999+0000", "2024-02-29T23:59:59.9999999+00:00")]
    [InlineData("2023-11-07T07:31:56.5+02:00", "2023-11-07T07:31:56.5+02:00")]
    [InlineData("2023-11-07T00:01:56.04-0530", "2023-11-07T00:01:56.04-05:30")]
    [InlineData("2023-11-07T05:31:56z", "2023-11-07T05:31:56+00:00")]
    [InlineData(" 2023-11-07T05:31:56Z ", "2023-11-07T05:31:56+00:00")]
    [InlineData("2023-11-07T05:31:56.12345678Z", "2023-11-07T05:31:56.1234568+00:00")]
    [InlineData("2023-11-07 05:31:56Z", "2023-11-07T05:31:56+00:00")]
    public void Dates_keep_their_fraction_and_the_offset_written(string text, string expected)
    {
        Assert.True(PhraseDateConverter.TryParse(text, out var value));
        var want = DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(want.Ticks, value.Ticks);
        Assert.Equal(want.Offset, value.Offset);
    }

    [Theory]
    [InlineData("2023-02-29T00:00:00Z")]
    [InlineData("2023-11-07T24:00:00Z")]
    [InlineData("2023-13-07T05:31:56Z")]
    [InlineData("2023-11-07T05:31:56+1500")]
    [InlineData("2023-11-07T05:31:56+02:0")]
    [InlineData("2023-11-07T05:31:5xZ")]
    [InlineData("not a date")]
    public void Impossible_dates_are_refused(string text) =>
        Assert.False(PhraseDateConverter.TryParse(text, out _));

    [Fact]
    public void Dates_are_written_as_utc_with_z()
    {
        var local = new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.FromHours(2));
        Assert.Equal("2024-03-01T08:00:00.000Z", PhraseDateConverter.Format(local));
    }

    [Fact]
    public void A_task_deserialises_with_unknown_fields_ignored_and_unknown_enums_kept()
    {
        var json = """
            {"id":"7","status":"BRAND_NEW_STATUS","taskType":"REIMPORT_TARGET","taskProcessingType":"SUBMITTER_PORTAL",
             "dateCreated":"2023-11-07T05:31:56+0000","dateProcessed":null,"futureField":{"x":[1,2]},"jobFileName":"a.html"}
            """;
        var task = PhraseJson.Deserialize<ConnectorAsyncTask>(System.Text.Encoding.UTF8.GetBytes(json))!;
        Assert.Equal("7", task.Id);
        Assert.Null(task.Status);
        Assert.Equal("BRAND_NEW_STATUS", task.StatusText);
        Assert.Equal(ConnectorTaskType.REIMPORT_TARGET, task.TaskType);
        Assert.Equal(ConnectorTaskProcessingType.SUBMITTER_PORTAL, task.TaskProcessingType);
        Assert.Equal(new DateTimeOffset(2023, 11, 7, 5, 31, 56, TimeSpan.Zero), task.DateCreated);
        Assert.Null(task.DateProcessed);
    }

    [Fact]
    public void A_malformed_date_is_a_json_error_naming_the_path()
    {
        var json = """{"content":[{"id":"1","dateCreated":"yesterday"}]}""";
        var ex = Assert.ThrowsAny<Newtonsoft.Json.JsonException>(() =>
            PhraseJson.Deserialize<ConnectorAsyncTaskPage>(System.Text.Encoding.UTF8.GetBytes(json)));
        Assert.Contains("yesterday", ex.Message);
        Assert.Contains("dateCreated", ex.Message);
    }

    [Theory]
    [InlineData("error", ConnectorTaskStatus.ERROR)]
    [InlineData("CONVERTER_ERROR", ConnectorTaskStatus.CONVERTER_ERROR)]
    public void Enum_names_parse_case_insensitively(string text, ConnectorTaskStatus expected) =>
        Assert.Equal(expected, ApiEnum.Parse<ConnectorTaskStatus>(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("UNKNOWN_THING")]
    public void Absent_numeric_or_unknown_enum_text_gives_null(string? text) =>
        Assert.Null(ApiEnum.Parse<ConnectorTaskStatus>(text));
}
