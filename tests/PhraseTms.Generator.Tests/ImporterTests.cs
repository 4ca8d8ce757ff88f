using PhraseTms.Generator.Import;
using PhraseTms.Generator.Model;

namespace PhraseTms.Generator.Tests;

public class ImporterTests
{
    private static ApiDescription Import(string fixture, Supplement? supplement = null) =>
        Importer.Import(File.ReadAllText(TestPaths.Fixture(fixture)), supplement, out _);

    private static Operation Op(ApiDescription d, string key) => d.Operations.Single(o => o.Key == key);

    [Fact]
    public void Swagger2_operations_get_a_stable_key_version_tag_and_one_line_summary()
    {
        var d = Import("small-swagger2.yaml");
        Assert.Equal(9, d.Operations.Count);
        var create = Op(d, "POST /api2/v1/projects");
        Assert.Equal(("POST", "/api2/v1/projects", 1, "Project"), (create.Method, create.Path, create.ApiVersion, create.Tag));
        Assert.Equal("Create project", create.Summary);
        Assert.Equal("createProject", create.OperationId);
        var job = Op(d, "POST /api2/v1/projects/{projectUid}/jobs");
        Assert.Equal("Job", job.Tag);
        Assert.Equal(new[] { "Project" }, job.OtherTags);
        Assert.True(Op(d, "DELETE /api2/v1/projects/{projectUid}").Deprecated);
        Assert.Equal(2, Op(d, "POST /api2/v2/files").ApiVersion);
    }

    [Fact]
    public void Parameters_keep_type_enum_collection_format_limits_and_defaults_and_path_level_ones()
    {
        var d = Import("small-swagger2.yaml");
        var list = Op(d, "GET /api2/v1/projects");
        var statuses = list.Parameters.Single(p => p.Name == "statuses");
        Assert.Equal(("query", "array", "multi", "string"), (statuses.In, statuses.Type, statuses.CollectionFormat, statuses.Items!.Type));
        Assert.Equal(new[] { "NEW", "COMPLETED" }, statuses.Items.Enum);
        var size = list.Parameters.Single(p => p.Name == "pageSize");
        Assert.Equal((1m, 50m, "int32", 50L), (size.Minimum!.Value, size.Maximum!.Value, size.Format, (long)size.Default!));
        Assert.Equal("Name or a part of it", list.Parameters.Single(p => p.Name == "name").Description);
        // projectUid is declared on the path item, not on the operation
        var get = Op(d, "GET /api2/v1/projects/{projectUid}");
        Assert.Equal("projectUid", Assert.Single(get.Parameters).Name);
        Assert.True(get.Parameters[0].Required);
        // path parameters first, in path order
        Assert.Equal(new[] { "projectUid", "jobUid" }, Op(d, "GET /api2/v1/projects/{projectUid}/jobs/{jobUid}/original").Parameters.Select(p => p.Name));
    }

    [Fact]
    public void Bodies_are_json_octet_stream_or_multipart_with_form_fields()
    {
        var d = Import("small-swagger2.yaml");
        var json = Op(d, "POST /api2/v1/projects").RequestBody!;
        Assert.Equal(new[] { "json" }, json.ContentTypes);
        Assert.Equal("ProjectCreateDto", json.Schema!.Ref);
        Assert.True(json.Required);
        Assert.False(Op(d, "POST /api2/v1/projects").Upload);

        var octet = Op(d, "POST /api2/v1/projects/{projectUid}/jobs");
        Assert.Equal(new[] { "octet-stream" }, octet.RequestBody!.ContentTypes);
        Assert.True(octet.Upload);

        var multipart = Op(d, "POST /api2/v2/files");
        Assert.Equal(new[] { "multipart" }, multipart.RequestBody!.ContentTypes);
        Assert.True(multipart.Upload);
        Assert.Equal(new[] { ("file", "file", true), ("name", "string", false) },
            multipart.RequestBody.FormFields!.Select(f => (f.Name, f.Type!, f.Required)));
        Assert.Null(Op(d, "GET /api2/v1/projects").RequestBody);

        // a multipart body given as a schema: its properties are the parts
        var parts = Op(d, "POST /api2/v2/projects/{projectUid}/references").RequestBody!.FormFields!;
        Assert.Equal(("file", "array", "file"), (parts[0].Name, parts[0].Type!, parts[0].Items!.Type!));
        Assert.Equal(("json", "object", "application/json", "ReferenceNoteDto"), (parts[1].Name, parts[1].Type!, parts[1].Format!, parts[1].Ref!));
    }

    [Fact]
    public void Derived_facts_paged_async_binary_and_the_Memsource_header()
    {
        var d = Import("small-swagger2.yaml");
        var list = Op(d, "GET /api2/v1/projects");
        Assert.True(list.Paged);
        Assert.Equal("ProjectDto", list.PageItem);
        Assert.False(Op(d, "GET /api2/v1/projects/{projectUid}").Paged);

        var job = Op(d, "POST /api2/v1/projects/{projectUid}/jobs");
        Assert.True(job.Async);
        Assert.Equal("asyncRequest", job.AsyncRequestProperty);
        Assert.False(list.Async);

        var original = Op(d, "GET /api2/v1/projects/{projectUid}/jobs/{jobUid}/original");
        Assert.True(original.BinaryResponse);
        Assert.Null(original.Response!.Schema);
        Assert.False(list.BinaryResponse);
        Assert.Equal(204, Op(d, "DELETE /api2/v1/projects/{projectUid}").Response!.Status);

        var header = job.MemsourceHeader!;
        Assert.False(header.Required);
        Assert.Equal("{\"targetLangs\":[\"de\"]}", header.Example);
        Assert.Equal("JobCreateRequestDto", header.Schema!.Ref); // from the operation the description points to
        Assert.Equal(new[] { ("targetLangs", true), ("due", false), ("callbackUrl", false) }, header.Fields!.Select(f => (f.Name, f.Required)));
        Assert.Equal("consumer callback", header.Fields![2].Description);
        Assert.Null(list.MemsourceHeader);
    }

    [Fact]
    public void Definitions_keep_types_refs_enums_read_only_required_maps_and_bases()
    {
        var d = Import("small-swagger2.yaml");
        var project = d.Definitions["ProjectDto"];
        Assert.Equal(new[] { "dateCreated", "metadata", "name", "providers", "status", "uid" }, project.Properties.Select(p => p.Name)); // sorted
        Assert.True(project.Properties.Single(p => p.Name == "uid").ReadOnly);
        var name = project.Properties.Single(p => p.Name == "name");
        Assert.True(name.Required);
        Assert.Equal(255, name.MaxLength);
        Assert.Equal(new[] { "NEW", "COMPLETED" }, project.Properties.Single(p => p.Name == "status").Enum);
        Assert.Equal("date-time", project.Properties.Single(p => p.Name == "dateCreated").Format);
        Assert.Equal("string", project.Properties.Single(p => p.Name == "metadata").AdditionalProperties!.Type);
        Assert.Equal("Provider", project.Properties.Single(p => p.Name == "providers").Items!.Ref);
        Assert.Equal("type", d.Definitions["Provider"].Discriminator);
        var user = d.Definitions["USER"];
        Assert.Equal(new[] { "Provider" }, user.Bases);
        Assert.Equal(new[] { "USER" }, d.Definitions["Provider"].Subtypes);
        Assert.Equal("userName", Assert.Single(user.Properties).Name);
    }

    [Fact]
    public void OpenApi3_twin_of_the_fixture_imports_to_the_same_description()
    {
        var swagger = Import("small-swagger2.yaml");
        var openapi = Import("small-openapi3.json");
        Assert.Equal("swagger-2.0", swagger.Source.Format);
        Assert.Equal("openapi-3.0.3", openapi.Source.Format);
        Assert.Equal("/web", openapi.Source.BasePath);
        swagger.Source = openapi.Source = new SourceInfo();
        Assert.Equal(ApiJson.Serialize(swagger), ApiJson.Serialize(openapi));
    }

    [Fact]
    public void Output_is_deterministic_sorted_and_LF_only()
    {
        var a = ApiJson.Serialize(Import("small-swagger2.yaml"));
        var b = ApiJson.Serialize(Import("small-swagger2.yaml"));
        Assert.Equal(a, b);
        Assert.DoesNotContain("\r", a);
        Assert.EndsWith("}\n", a);
        var keys = Import("small-swagger2.yaml").Operations.Select(o => o.Path).ToList();
        Assert.Equal(keys.OrderBy(k => k, StringComparer.Ordinal), keys);
        // the file round-trips through the model unchanged
        Assert.Equal(a, ApiJson.Serialize(ApiJson.Deserialize<ApiDescription>(a)));
    }

    [Fact]
    public void The_supplement_adds_operations_and_definitions_and_yields_to_the_document()
    {
        var supplement = ApiJson.Deserialize<Supplement>("""
            {
              "operations": [
                { "method": "get", "path": "/api2/v1/tasks", "tag": "Job", "summary": "List tasks",
                  "parameters": [ { "name": "pageSize", "in": "query", "type": "integer" }, { "name": "pageNumber", "in": "query", "type": "integer" } ],
                  "response": { "status": 200, "schema": { "ref": "PageDtoTaskDto" } } },
                { "method": "GET", "path": "/api2/v1/projects", "summary": "an older copy" }
              ],
              "definitions": {
                "PageDtoTaskDto": { "properties": [ { "name": "content", "type": "array", "items": { "ref": "TaskDto" } } ] },
                "TaskDto": { "properties": [ { "name": "id", "type": "string" } ] },
                "ProjectDto": { "properties": [] }
              }
            }
            """);
        var d = Importer.Import(File.ReadAllText(TestPaths.Fixture("small-swagger2.yaml")), supplement, out var notes);
        var task = Op(d, "GET /api2/v1/tasks");
        Assert.Equal(("supplement", "GET", 1), (task.Origin, task.Method, task.ApiVersion));
        Assert.True(task.Paged); // derived, not written by hand
        Assert.Equal("TaskDto", task.PageItem);
        Assert.Equal(new[] { "pageNumber", "pageSize" }, task.Parameters.Select(p => p.Name));
        Assert.Equal("List projects", Op(d, "GET /api2/v1/projects").Summary); // the document wins
        Assert.Equal("supplement", d.Definitions["TaskDto"].Origin);
        Assert.NotEmpty(d.Definitions["ProjectDto"].Properties);
        Assert.Equal(2, notes.Count);
        Assert.Contains(notes, n => n.Contains("GET /api2/v1/projects"));
        Assert.Equal(10, d.Counts.Operations);
        Assert.Equal(3, d.Counts.FromSupplement);
    }

    [Fact]
    public void Importing_a_file_records_its_name_and_hash_never_its_folder()
    {
        var folder = Directory.CreateTempSubdirectory("phrasetms-import-").FullName;
        try
        {
            var supplement = Path.Combine(folder, "supplement.json");
            File.WriteAllText(supplement, """{ "operations": [], "definitions": {} }""");
            var d = Importer.ImportFile(TestPaths.Fixture("small-swagger2.yaml"), supplement, out var notes);
            Assert.Empty(notes);
            Assert.Equal("small-swagger2.yaml", d.Source.File);
            Assert.Equal("api/supplement.json", d.Source.Supplement);
            var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(TestPaths.Fixture("small-swagger2.yaml"))));
            Assert.Equal(hash.ToLowerInvariant(), d.Source.Sha256);
            var written = Path.Combine(folder, "out.json");
            ApiJson.Write(written, d);
            var text = File.ReadAllText(written);
            Assert.DoesNotContain(folder, text);
            Assert.DoesNotContain(AppContext.BaseDirectory.TrimEnd('/'), text);
            Assert.False(File.ReadAllBytes(written).Take(3).SequenceEqual(new byte[] { 0xEF, 0xBB, 0xBF }), "no byte-order mark");
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [Fact]
    public void A_misspelt_field_in_the_supplement_is_an_error_not_silence()
    {
        var e = Assert.ThrowsAny<Newtonsoft.Json.JsonException>(() => ApiJson.Deserialize<Supplement>("""{ "operations": [ { "methdo": "GET" } ] }"""));
        Assert.Contains("methdo", e.Message);
    }

    [Fact]
    public void A_document_that_is_neither_Swagger_nor_OpenAPI_is_refused()
    {
        var e = Assert.Throws<InvalidDataException>(() => Importer.Import("title: nothing\n", null, out _));
        Assert.Contains("neither a Swagger 2.0 nor an OpenAPI 3.x document", e.Message);
    }
}
