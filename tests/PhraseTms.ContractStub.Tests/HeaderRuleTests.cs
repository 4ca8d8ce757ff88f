namespace PhraseTms.ContractStub.Tests;

public sealed class HeaderRuleTests(StubFixture f) : IClassFixture<StubFixture>
{
    private const string Handovers = "PUT /api2/v1/projects/{projectUid}/fileHandovers";
    private const string UpdateSource = "POST /api2/v1/projects/{projectUid}/jobs/source";
    private const string CreateJobs = "POST /api2/v1/projects/{projectUid}/jobs";

    [Theory]
    [InlineData(Handovers)]
    [InlineData(UpdateSource)]
    [InlineData(CreateJobs)]
    public void Conforming_uploads_pass(string key) => Assert.Empty(f.Check(f.Conforming(key)));

    [Fact]
    public void Missing_memsource_header_where_required()
    {
        var spec = f.Conforming(Handovers);
        spec.Headers.Remove("Memsource");
        Assert.Equal(["header Memsource: required but missing (the upload's JSON metadata)"], f.Check(spec));
    }

    [Fact]
    public void Memsource_header_optional_where_not_required()
    {
        var spec = f.Conforming(UpdateSource);
        spec.Headers.Remove("Memsource");
        Assert.Empty(f.Check(spec));
    }

    [Fact]
    public void Memsource_header_without_its_required_field()
    {
        var spec = f.Conforming(UpdateSource);
        spec.Headers["Memsource"] = "{\"preTranslate\":true,\"jbos\":[]}";
        Assert.Equal(["header Memsource: required field 'jobs' is missing",
                      "header Memsource: unknown field 'jbos' (accepted: jobs, preTranslate, allowAutomaticPostAnalysis, callbackUrl)"], f.Check(spec));
    }

    [Fact]
    public void Memsource_header_held_against_its_schema()
    {
        var spec = f.Conforming(CreateJobs);
        spec.Headers["Memsource"] = "{\"targetLang\":[\"de\"]}";
        Assert.Equal(["header Memsource $: unknown field 'targetLang' (not in JobCreateRequestDto)",
                      "header Memsource $: required field 'targetLangs' of JobCreateRequestDto is missing"], f.Check(spec));
        spec.Headers["Memsource"] = "{targetLangs:";
        Assert.Contains(f.Check(spec), m => m.StartsWith("header Memsource: not JSON"));
    }

    [Fact]
    public void Content_disposition_required_and_as_the_pattern_says()
    {
        var spec = f.Conforming("POST /api2/v1/termBases/{termBaseUid}/upload");
        spec.Headers.Remove("Content-Disposition");
        Assert.Equal(["header Content-Disposition: required but missing (it names the uploaded file)"], f.Check(spec));
        // Only filename*=UTF-8''… is described for term base uploads.
        spec.Headers["Content-Disposition"] = "attachment; filename=\"terms.tbx\"";
        Assert.Equal(["header Content-Disposition: 'attachment; filename=\"terms.tbx\"' does not match ((inline|attachment); )?filename\\*=UTF-8''(.+)"],
            f.Check(spec));
    }

    [Fact]
    public void Content_disposition_either_form_where_the_description_allows_it()
    {
        var spec = f.Conforming(Handovers);
        spec.Headers["Content-Disposition"] = "attachment; filename=\"a.docx\"";
        Assert.Empty(f.Check(spec));
        var preview = f.Conforming("POST /api2/v1/bilingualFiles/preview"); // no pattern described: any filename form
        preview.Headers["Content-Disposition"] = "attachment; filename=a.mxliff";
        Assert.Empty(f.Check(preview));
        preview.Headers["Content-Disposition"] = "attachment";
        Assert.Equal(["header Content-Disposition: 'attachment' has no filename= or filename*="], f.Check(preview));
    }

    [Fact]
    public void Other_required_header_missing()
    {
        var spec = f.Conforming("POST /api2/v1/segmentationRules");
        spec.Headers.Remove("segRule");
        Assert.Equal(["header segRule: required but missing"], f.Check(spec));
    }
}
