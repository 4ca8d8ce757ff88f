using PhraseTms.Generator.Cmdlets;

namespace PhraseTms.Generator.Tests;

// The rules for file and header operations (api/README.md, "Cmdlets"), read from the plan and the code the
// committed description gives: uploads take -Path/-InputStream, downloads -OutFile, header parameters are parameters.
public sealed class TransferCmdletTests
{
    private static readonly CmdletSetPlan Plan = CmdletPlanner.FromRepository(TestPaths.Root);
    private static readonly SortedDictionary<string, string> Code = CmdletCodeWriter.Write(Plan);

    private static CmdletPlan Cmdlet(string name) => Plan.Cmdlets.Single(c => c.Name == name);

    private static ParamPlan Parameter(string cmdlet, string name) => Cmdlet(cmdlet).Properties.Single(p => p.Name == name);

    [Fact]
    public void Nothing_is_planned_every_operation_to_generate_is_a_parameter_set()
    {
        Assert.Empty(Plan.Planned);
        var map = PhraseTms.Generator.Naming.CommandMapBuilder.FromRepository(TestPaths.Root);
        var toGenerate = map.Operations.Count(o => o.Status == PhraseTms.Generator.Naming.OperationStatus.Generate);
        Assert.Equal(toGenerate, Plan.Operations);
    }

    [Fact]
    public void An_upload_takes_Path_from_the_pipeline_or_a_stream_with_its_file_name()
    {
        var path = Parameter("New-PhraseTmsJob", "Path");
        Assert.Equal("string[]", path.Type);
        Assert.Equal(["FullName", "PSPath"], path.Aliases);
        Assert.Contains(path.Usages, u => u.Set == "Default" && u.Mandatory && u.ByPropertyName && u.Scope == ParamScope.File);
        Assert.Contains(Parameter("New-PhraseTmsJob", "InputStream").Usages, u => u.Scope == ParamScope.Stream && u.Mandatory);
        Assert.Contains(Parameter("New-PhraseTmsJob", "FileName").Usages, u => u.Scope == ParamScope.Stream && u.Mandatory);
        var throttle = Parameter("New-PhraseTmsJob", "ThrottleLimit");
        Assert.Equal("4", throttle.Default);
        Assert.Equal((1, 16), throttle.Range);

        var code = Code["NewPhraseTmsJobCommand.g.cs"];
        Assert.Contains("[global::System.Management.Automation.Alias(\"FullName\", \"PSPath\")]", code);
        Assert.Contains("case \"DefaultStream\":", code);
        Assert.Contains("FileSource.Files(Path, RelativeTo, \"path\")", code);
        Assert.Contains("FileSource.FromStream(InputStream, FileName)", code);
        Assert.Contains("UploadShape.OctetStream", code);
        Assert.DoesNotContain("ContentDisposition", code); // the transfer layer's header, never a parameter
    }

    [Fact]
    public void The_Memsource_header_fields_are_typed_parameters_and_Metadata_takes_all_of_it()
    {
        var langs = Parameter("New-PhraseTmsJob", "TargetLang");
        Assert.Equal("string[]", langs.Type);
        Assert.Contains(langs.Usages, u => u.Mandatory); // required in the description's "Accepted metadata"
        Assert.Equal("global::System.DateTime?", Parameter("New-PhraseTmsJob", "Due").Type);
        Assert.Equal("object", Parameter("New-PhraseTmsJob", "Metadata").Type);
        // The header's path field is named by its place (-Path is the file): -MemsourcePath, and -RelativeTo fills it.
        Assert.Equal("string", Parameter("New-PhraseTmsJob", "MemsourcePath").Type);
        Assert.Equal("string", Parameter("New-PhraseTmsJob", "RelativeTo").Type);
        var code = Code["NewPhraseTmsJobCommand.g.cs"];
        Assert.Contains(".Metadata(Metadata).M(\"assignments\", \"Assignment\", Assignment)", code);
        Assert.Contains(".M(\"targetLangs\", \"TargetLang\", TargetLang)", code);
        Assert.Contains(".M(\"path\", \"MemsourcePath\", MemsourcePath)", code);
        // -Wait through the one waiter; the created jobs are written, carrying the project's uid.
        Assert.True(Cmdlet("New-PhraseTmsJob").Waits);
        Assert.Contains("WaitFor(Wait.IsPresent), \"asyncRequest\", r => r.Jobs, r => r.UnsupportedFiles, (\"ProjectUid\", ProjectUid)", code);
        Assert.Contains("OutputType(typeof(global::PhraseTms.Client.Models.JobPartReference))", code);
    }

    [Fact]
    public void A_download_streams_to_OutFile_and_an_async_requests_result_is_fetched_once()
    {
        var outFile = Parameter("Save-PhraseTmsTransMemoryExport", "OutFile");
        Assert.Contains(outFile.Usages, u => u.Mandatory);
        Assert.True(Parameter("Save-PhraseTmsTransMemoryExport", "Force").IsSwitch);
        Assert.True(Parameter("Save-PhraseTmsTransMemoryExport", "PassThru").IsSwitch);
        var code = Code["SavePhraseTmsTransMemoryExportCommand.g.cs"];
        Assert.Contains("DownloadGenerated(", code);
        Assert.Contains("OutputType(typeof(global::System.IO.FileInfo))", code);
        // The results of async requests are fetched once (the job's target file has a cmdlet of the module's own).
        Assert.False(Code.ContainsKey("SavePhraseTmsJobTargetFileCommand.g.cs"));
        foreach (var once in new[] { "SavePhraseTmsTransMemoryExportCommand.g.cs", "SavePhraseTmsTransMemoryCleanedCommand.g.cs" })
            Assert.Contains(".Once()", Code[once]);
        // An ordinary GET download is retried like any GET.
        Assert.DoesNotContain(".Once()", Code["SavePhraseTmsJobOriginalFileCommand.g.cs"]);
        // A download with a JSON body keeps its body fields and -Body set.
        Assert.Contains("case \"DefaultBody\": DownloadGenerated(", Code["SavePhraseTmsJobBilingualFileCommand.g.cs"]);
    }

    [Fact]
    public void Multipart_uploads_name_their_file_part_and_type_their_JSON_parts()
    {
        var code = Code["NewPhraseTmsProjectReferenceFileCommand.g.cs"];
        Assert.Contains("UploadShape.Multipart(\"file\", manyFiles: true)", code);
        Assert.Contains(".Part(\"json\", \"Json\", Json)", code);
        Assert.Contains("RequestPieceTransformation(typeof(global::PhraseTms.Client.Models.CreateReferenceFileNote)", code);
        Assert.Contains("UploadShape.Multipart(\"file\")", Code["ImportPhraseTmsBilingualFileCommand.g.cs"]);
        // The TM import accepts multipart or octet-stream: octet-stream, whose filename* form it requires.
        Assert.Contains("UploadShape.OctetStream", Code["ImportPhraseTmsTransMemoryCommand.g.cs"]);
    }

    [Fact]
    public void Header_parameters_are_parameters_Authorization_is_the_sessions()
    {
        Assert.Contains(".H(\"segRule\", \"SegRule\", SegRule)", Code["NewPhraseTmsSegmentationRuleCommand.g.cs"]);
        Assert.Contains(Parameter("New-PhraseTmsSegmentationRule", "SegRule").Usages, u => u.Mandatory);
        foreach (var scim in new[] { "Get-PhraseTmsScimUser", "New-PhraseTmsScimUser", "Remove-PhraseTmsScimUser" })
            Assert.DoesNotContain(Cmdlet(scim).Properties, p => p.Name == "Authorization");
    }

    [Fact]
    public void Answers_carrying_several_async_requests_wait_for_each()
    {
        Assert.Contains("Wait, \"asyncRequests[].asyncRequest\")", Code["NewPhraseTmsAnalysisCommand.g.cs"]);
        Assert.Contains("Wait, \"analyses[].asyncRequest\")", Code["NewPhraseTmsAnalysisCommand.g.cs"]);
    }
}
