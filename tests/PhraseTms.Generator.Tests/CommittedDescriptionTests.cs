using PhraseTms.Generator.Import;
using PhraseTms.Generator.Model;
using Xunit.Abstractions;

namespace PhraseTms.Generator.Tests;

// api/phrase-tms.api.json as committed: the counts of the 2024-02 Swagger document plus the supplement.
public class CommittedDescriptionTests(ITestOutputHelper output)
{
    internal static ApiDescription Committed { get; } = ApiJson.Read<ApiDescription>(RepoPaths.Description(TestPaths.Root));

    [Fact]
    public void Holds_the_documents_operations_by_method_and_the_supplements()
    {
        var fromDocument = Committed.Operations.Where(o => o.Origin == "document").ToList();
        Assert.Equal(404, fromDocument.Count);
        var byMethod = fromDocument.GroupBy(o => o.Method).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["GET"] = 163, ["POST"] = 133, ["PUT"] = 57, ["DELETE"] = 47, ["PATCH"] = 4 }, byMethod);
        var supplement = Assert.Single(Committed.Operations, o => o.Origin == "supplement");
        Assert.Equal("GET /api2/v1/connectorAsyncTasks", supplement.Key);
        Assert.True(supplement.Paged);
        Assert.Equal("ConnectorAsyncTaskDto", supplement.PageItem);
    }

    [Fact]
    public void Counts_match_the_document()
    {
        var c = Committed.Counts;
        output.WriteLine(Importer.SummaryLine(Committed));
        Assert.Equal(ApiJson.Serialize(Importer.Count(Committed)), ApiJson.Serialize(c)); // the counts block is not stale
        Assert.Equal(405, c.Operations);
        Assert.Equal(46, c.Tags);          // 46 in the document's tag list, all used ("XML Assistant" is the last)
        Assert.Equal(46, Committed.Source.DeclaredTags);
        Assert.Equal(666, Committed.Definitions.Values.Count(d => d.Origin == "document"));
        Assert.Equal(670, c.Definitions);  // + 4 from the supplement (the connector task page, its item, sort)
        Assert.Equal(52, c.Paged);         // 51 in the document + connectorAsyncTasks
        Assert.Equal(17, c.Uploads);
        Assert.Equal(13, c.OctetStreamUploads);
        Assert.Equal(6, c.MultipartUploads);
        Assert.Equal(17, c.BinaryResponses);
        Assert.Equal(21, c.Async);
        Assert.Equal(5, Committed.Operations.Count(o => o.MemsourceHeader is not null));
    }

    [Fact]
    public void Knows_the_facts_the_first_release_relies_on()
    {
        Operation Op(string key) => Committed.Operations.Single(o => o.Key == key);
        var fromTask = Op("POST /api2/v1/projects/{projectUid}/jobs/connectorTask");
        Assert.Equal("JobCreateRequestDto", fromTask.RequestBody!.Schema!.Ref);
        Assert.True(fromTask.Async);
        var projects = Op("GET /api2/v1/projects");
        Assert.True(projects.Paged);
        Assert.Equal(50m, projects.Parameters.Single(p => p.Name == "pageSize").Maximum);
        Assert.Equal("multi", projects.Parameters.Single(p => p.Name == "statuses").CollectionFormat);
        Assert.Equal("JobCreateRequestDto", Op("POST /api2/v1/projects/{projectUid}/jobs").MemsourceHeader!.Schema!.Ref);
        Assert.Equal("asyncRequests[].asyncRequest", Op("POST /api2/v2/analyses").AsyncRequestProperty);
        Assert.True(Op("GET /api2/v1/projects/{projectUid}/jobs/{jobUid}/original").BinaryResponse);
    }

    [RealDocumentFact, Trait("Category", "RealDocument")]
    public void Regenerates_byte_identically_from_the_document()
    {
        var document = TestPaths.RealDocument()!;
        var fresh = Importer.ImportFile(document, RepoPaths.Supplement(TestPaths.Root), out var notes);
        Assert.Empty(notes);
        output.WriteLine(Importer.SummaryLine(fresh));
        var committed = File.ReadAllText(RepoPaths.Description(TestPaths.Root));
        Assert.True(committed == ApiJson.Serialize(fresh),
            "api/phrase-tms.api.json is stale: run `dotnet run --project tools/PhraseTms.Generator -- import <document>`");
    }
}
