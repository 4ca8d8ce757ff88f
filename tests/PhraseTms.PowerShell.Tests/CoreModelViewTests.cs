using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using PhraseTms.Emulator;
using PhraseTms.PowerShell.Tests.Support;

namespace PhraseTms.PowerShell.Tests;

/// <summary>
/// The generated cmdlets' core models as a user sees them: a table of a few columns (PhraseTms.format.ps1xml), every
/// property still there under Format-List *, and views that name only properties the models have (the API renames
/// things; the models are generated from it).
/// </summary>
[Collection(PowerShellCollection.Name)]
public sealed partial class CoreModelViewTests : ModuleTest
{
    private static readonly XElement[] Views = XDocument.Load(Path.Combine(Repo.Root, "out", "PhraseTms", "PhraseTms.format.ps1xml"))
        .Root!.Element("ViewDefinitions")!.Elements("View").ToArray();

    public CoreModelViewTests(EmulatorFixture fixture) : base(fixture) => Connect();

    [GeneratedRegex(@"\S+")]
    private static partial Regex Word();

    private const string ProjectHeaders = "Name Uid Status Source Targets DateDue Owner";
    private const string JobHeaders = "Uid Status TargetLang WorkflowStep DateDue Filename";
    private const string UserHeaders = "UserName Uid Name Role Email Active";
    private const string TemplateHeaders = "Name Uid Source Targets Client Owner";

    // Objects the emulator serves, through the cmdlets, listed and read by id (often two model types).
    [Theory]
    [InlineData("Get-PhraseTmsProject -First 3", "PhraseTms.Project", ProjectHeaders, "demo")]
    [InlineData($"Get-PhraseTmsProject -ProjectUid {SeedIds.DemoProject}", "PhraseTms.Project", ProjectHeaders, "Demo website aBcD123 ASSIGNED en de, fr, es, ja")]
    [InlineData($"Get-PhraseTmsJob -ProjectUid {SeedIds.DemoProject} -First 2", "PhraseTms.JobPartReferenceV2", JobHeaders, "Translation")]
    [InlineData($"Get-PhraseTmsJob -ProjectUid {SeedIds.DemoProject} -JobUid (Get-PhraseTmsJob -ProjectUid {SeedIds.DemoProject} -First 1).Uid",
        "PhraseTms.JobPartExtended", JobHeaders, "Translation")]
    [InlineData("Get-PhraseTmsTransMemory -First 3", "PhraseTms.TransMemory", "Name Uid Source Targets Client Owner DateCreated", "demo")]
    [InlineData($"Get-PhraseTmsTermBase -TermBaseUid {SeedIds.TbOk}", "PhraseTms.TermBase", "Name Uid Langs Client Owner DateCreated", "Demo glossary (finished) tbOk000001 en, de")]
    [InlineData("Get-PhraseTmsUser -First 3", "PhraseTms.UserDto", UserHeaders, "demo demoUser0001 Demo User ADMIN demo@example.com True")]
    [InlineData($"Get-PhraseTmsUser -UserUid {SeedIds.DemoUser}", "PhraseTms.UserDetailsV3", UserHeaders, "demo demoUser0001 Demo User ADMIN demo@example.com True")]
    [InlineData("Get-PhraseTmsProjectTemplate -First 3", "PhraseTms.ProjectTemplateReference", TemplateHeaders, "en")]
    [InlineData($"Get-PhraseTmsProjectTemplate -ProjectTemplateUid {SeedIds.TemplateWebsite}", "PhraseTms.ProjectTemplate", TemplateHeaders, "Website standard tmplWeb0001 en de, fr, es Acme Corp demo")]
    [InlineData("Get-PhraseTmsConnector", "PhraseTms.Connector", "Name Id Type CreatedAt CreatedBy", "GITHUB")]
    [InlineData($"Get-PhraseTmsConnector -ConnectorId {SeedIds.ConnectorGitHub}", "PhraseTms.Connector", "Name Id Type CreatedAt CreatedBy", "cnGitHub0001 GITHUB")]
    public void What_a_cmdlet_writes_is_a_table_of_these_columns(string command, string typeName, string headers, string row)
    {
        var objects = PowerShell.Run(command).Output;
        Assert.NotEmpty(objects);
        Assert.All(objects, o => o.OfType(typeName));
        AssertTable(PowerShell.Run(command + " | Out-String -Width 250"), headers, row);
    }

    // Objects of the models the emulator does not serve, made as a script would make them.
    [Theory]
    [InlineData("[PhraseTms.Client.Models.AnalyseV3]@{ Name = 'Q3 analysis'; Uid = 'an1'; TypeText = 'PreAnalyse'; Outdated = $false; ImportStatus = @{ StatusText = 'OK' }; CreatedBy = @{ UserName = 'demo' } }",
        "Name Uid Type Import Outdated DateCreated CreatedBy", "Q3 analysis an1 PreAnalyse OK False demo")]
    [InlineData("[PhraseTms.Client.Models.AnalyseReference]@{ Name = 'Job analysis'; Uid = 'an2'; TypeText = 'PostAnalyse'; Outdated = $true }",
        "Name Uid Type Import Outdated DateCreated CreatedBy", "Job analysis an2 PostAnalyse True")]
    [InlineData("[PhraseTms.Client.Models.AnalyseLanguagePart]@{ Id = '71'; SourceLang = 'en'; TargetLang = 'de'; Jobs = @(@{ Uid = 'j1' }, @{ Uid = 'j2' }); Data = @{ All = @{ Segments = 12; Words = 340 }; Repetitions = @{ Words = 20 } } }",
        "Id Source Target Jobs Segments Words Repetitions", "71 en de 2 12 340 20")]
    [InlineData("[PhraseTms.Client.Models.AnalyseJob]@{ Uid = 'job1'; Filename = 'index.html'; Data = @{ All = @{ Segments = 3; Words = 45 }; Repetitions = @{ Words = 0 } } }",
        "Uid Segments Words Repetitions Filename", "job1 3 45 0 index.html")]
    [InlineData("[PhraseTms.Client.Models.AsyncRequestWrapperV2]@{ AsyncRequest = @{ Id = '9100001'; ActionText = 'PRE_TRANSLATE'; Project = @{ Name = 'Demo website' } } }",
        "AsyncRequestId Action DateCreated Project", "9100001 PRE_TRANSLATE Demo website")]
    [InlineData("[PhraseTms.Client.Models.AsyncRequestWrapper]@{ AsyncRequest = @{ Id = '9100002'; ActionText = 'HUMAN_TRANSLATE' } }",
        "AsyncRequestId Action DateCreated Project", "9100002 HUMAN_TRANSLATE")]
    [InlineData("[PhraseTms.Client.Models.WorkflowStep]@{ Name = 'Translation'; Uid = 'ws1'; Id = '7001'; Order = 1; LqaEnabled = $false }",
        "Name Uid Id Order LqaEnabled", "Translation ws1 7001 1 False")]
    [InlineData("[PhraseTms.Client.Models.ProjectWorkflowStep]@{ Name = 'Revision'; Id = 7002; Abbreviation = 'R'; WorkflowLevel = 2 }",
        "Name Id Abbreviation WorkflowLevel", "Revision 7002 R 2")]
    [InlineData("[PhraseTms.Client.Models.ProjectWorkflowStepListV2]@{ ProjectWorkflowSteps = @(@{ Name = 'Translation' }, @{ Name = 'Revision' }) }",
        "WorkflowSteps", "Translation, Revision")]
    [InlineData("[PhraseTms.Client.Models.Client]@{ Name = 'Acme Corp'; Uid = 'cl1'; Id = '501'; ExternalId = 'ERP-17'; CreatedBy = @{ UserName = 'demo' } }",
        "Name Uid Id ExternalId CreatedBy", "Acme Corp cl1 501 ERP-17 demo")]
    [InlineData("[PhraseTms.Client.Models.Domain]@{ Name = 'Legal'; Uid = 'do1'; Id = '11' }", "Name Uid Id CreatedBy", "Legal do1 11")]
    [InlineData("[PhraseTms.Client.Models.SubDomain]@{ Name = 'Contracts'; Uid = 'sd1'; Id = '12' }", "Name Uid Id CreatedBy", "Contracts sd1 12")]
    [InlineData("[PhraseTms.Client.Models.BusinessUnit]@{ Name = 'EMEA'; Uid = 'bu1'; Id = '13'; CreatedBy = @{ UserName = 'demo' } }", "Name Uid Id CreatedBy", "EMEA bu1 13 demo")]
    [InlineData("[PhraseTms.Client.Models.CostCenter]@{ Name = 'Marketing'; Uid = 'cc1'; Id = '14' }", "Name Uid Id CreatedBy", "Marketing cc1 14")]
    [InlineData("[PhraseTms.Client.Models.Vendor]@{ Name = 'LSP One'; Uid = 've1'; Id = '15'; SourceLocales = @('en'); TargetLocales = @('de', 'fr'); VendorToken = 'secret-vendor-token' }",
        "Name Uid Id SourceLocales TargetLocales", "LSP One ve1 15 en de, fr")]
    [InlineData("[PhraseTms.Client.Models.ProviderReference]@{ Type = 'USER'; FirstName = 'Alice'; LastName = 'Adams'; Uid = 'u1'; Id = '34'; UserName = 'alice'; Active = $true }",
        "Type Name Uid Id UserName Active", "USER Alice Adams u1 34 alice True")]
    [InlineData("[PhraseTms.Client.Models.ProviderReference]@{ Type = 'VENDOR'; Name = 'LSP One'; Uid = 've1'; Id = '15' }",
        "Type Name Uid Id UserName Active", "VENDOR LSP One ve1 15")]
    [InlineData("[PhraseTms.Client.Models.AdditionalWorkflowStep]@{ Name = 'Proofreading'; Id = 'aws1' }", "Name Id", "Proofreading aws1")]
    public void A_model_object_is_a_table_of_these_columns(string make, string headers, string row)
    {
        var made = Assert.Single(PowerShell.Run(make).Output);
        Assert.StartsWith("PhraseTms.", made.TypeNames[0]);
        Assert.DoesNotContain("Client.Models", made.TypeNames[0]);
        var text = Assert.Single(PowerShell.Run("param($o) $o | Out-String -Width 250", new Hashtable { ["o"] = made }).Output).ToString()!;
        Assert.DoesNotContain("secret", text);
        AssertTable(text, headers, row);
    }

    [Fact]
    public void Dates_are_shown_in_local_time_and_to_the_minute()
    {
        var text = string.Join("\n", PowerShell.Run(
            "$p = [PhraseTms.Client.Models.Project]@{ Name = 'Dated'; Uid = 'p1'; DateDue = [DateTimeOffset]'2031-05-06T07:08:09Z' }; " +
            "$p | Out-String -Width 250; $p.DateDue.LocalDateTime.ToString('yyyy-MM-dd HH:mm')").Output.Select(o => o.ToString()));
        var local = text.Split('\n').Last().Trim();
        Assert.Contains($"Dated p1 {local}", string.Join(' ', Word().Matches(text).Select(m => m.Value)));
    }

    [Fact]
    public void Format_List_star_still_shows_every_property()
    {
        var project = Assert.Single(PowerShell.Run($"Get-PhraseTmsProject -ProjectUid {SeedIds.DemoProject}").Output);
        var names = project.Properties.Select(p => p.Name).ToList();
        Assert.True(names.Count > 20, string.Join(", ", names));
        var list = Assert.Single(PowerShell.Run($"Get-PhraseTmsProject -ProjectUid {SeedIds.DemoProject} | Format-List * | Out-String -Width 250").Output).ToString()!;
        var shown = list.Split('\n').Select(l => Regex.Match(l, @"^(\w+)\s*:").Groups[1].Value).Where(n => n.Length > 0).ToHashSet();
        Assert.All(names, n => Assert.Contains(n, shown));
    }

    // ----- the views against the models -----

    public static TheoryData<string> ViewNames() => new(Views.Select(v => v.Element("Name")!.Value));

    [Theory]
    [MemberData(nameof(ViewNames))]
    public void A_view_names_only_properties_every_type_it_selects_has(string viewName)
    {
        var view = Views.Single(v => v.Element("Name")!.Value == viewName);
        var types = SelectedTypes(view);
        Assert.NotEmpty(types);
        var missing = (from type in types from path in PropertyPaths(view) where !HasPath(type, path) select $"{type.Name}.{path}").ToList();
        Assert.True(missing.Count == 0, $"view {viewName} names properties its types lack: {string.Join(", ", missing)}");
    }

    [Fact]
    public void The_property_check_finds_a_renamed_property_and_reads_only_the_objects_own_dollar_underscore()
    {
        var project = PowerShell.Run("[PhraseTms.Client.Models.Project]").Output.Single().BaseObject as Type;
        Assert.NotNull(project);
        Assert.Equal(["DateDue", "DateDue.LocalDateTime", "Owner.UserName", "TargetLangs"],
            PathsOf("if ($_.DateDue) { $_.DateDue.LocalDateTime.ToString('g') }; $_.Owner.UserName; ($_.TargetLangs | ForEach-Object { $_.NotMine }) -join ', '").Order());
        Assert.True(HasPath(project!, "Owner.UserName"));
        Assert.True(HasPath(project!, "WorkflowSteps.Name"));
        Assert.True(HasPath(project!, "DateDue.LocalDateTime"));
        Assert.False(HasPath(project!, "DueDate"));
        Assert.False(HasPath(project!, "Owner.Login"));
    }

    [Fact]
    public void Every_core_type_written_by_a_generated_cmdlet_has_its_view()
    {
        string[] core = ["Project", "JobPartReferenceV2", "JobPartExtended", "TransMemory", "TermBase", "UserDto", "UserDetailsV3",
            "ProjectTemplateReference", "ProjectTemplate", "Connector", "AnalyseV3", "AnalyseReference", "AnalyseLanguagePart", "AnalyseJob",
            "AsyncRequestWrapper", "AsyncRequestWrapperV2", "WorkflowStep", "WorkflowStepReference", "ProjectWorkflowStep", "Client", "Domain",
            "SubDomain", "BusinessUnit", "CostCenter", "Vendor", "ProviderReference"];
        var written = PowerShell.Run("Get-Command -Module PhraseTms | ForEach-Object { $_.OutputType.Type.FullName } | Where-Object { $_ }").Output.Select(o => o.ToString()).ToHashSet();
        var selected = Views.SelectMany(v => v.Element("ViewSelectedBy")!.Elements("TypeName").Select(t => t.Value)).ToHashSet();
        foreach (var name in core)
        {
            Assert.Contains("PhraseTms.Client.Models." + name, written);
            Assert.Contains("PhraseTms." + name, selected);
            Assert.Contains("PhraseTms.Client.Models." + name, selected);
        }
    }

    private static void AssertTable(PowerShellResult result, string headers, string row) =>
        AssertTable(Assert.Single(result.Output).ToString()!, headers, row);

    private static void AssertTable(string text, string headers, string row)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();
        Assert.Equal(headers, Words(lines[0]));
        Assert.Matches("^-+( +-+)*$", lines[1]);
        Assert.True(lines.Count > 2, text);
        Assert.Contains(lines.Skip(2), l => Words(l).Contains(row, StringComparison.Ordinal));
    }

    private static string Words(string line) => string.Join(' ', Word().Matches(line).Select(m => m.Value));

    private List<Type> SelectedTypes(XElement view) =>
        view.Element("ViewSelectedBy")!.Elements("TypeName").Select(t => t.Value).Where(n => !n.StartsWith("PhraseTms.", StringComparison.Ordinal) || n.Count(c => c == '.') > 1)
            .Select(n => PowerShell.Run("param($n) $n -as [type]", new Hashtable { ["n"] = n }).Output.SingleOrDefault()?.BaseObject as Type)
            .OfType<Type>().ToList();

    /// <summary>What a view reads of its object: each PropertyName, and each $_.A.B of a ScriptBlock (not the $_ of an inner script block).</summary>
    private static IEnumerable<string> PropertyPaths(XElement view) =>
        view.Descendants("PropertyName").Select(p => p.Value).Concat(view.Descendants("ScriptBlock").SelectMany(s => PathsOf(s.Value))).Distinct();

    private static IEnumerable<string> PathsOf(string script)
    {
        var ast = Parser.ParseInput(script, out _, out var errors);
        Assert.Empty(errors);
        var paths = new List<string>();
        foreach (var member in ast.FindAll(a => a is MemberExpressionAst and not InvokeMemberExpressionAst, searchNestedScriptBlocks: false).Cast<MemberExpressionAst>())
        {
            if (member.Parent is MemberExpressionAst parent && parent is not InvokeMemberExpressionAst && parent.Expression == member) continue; // only the longest chain
            var names = new Stack<string>();
            ExpressionAst e = member;
            while (e is MemberExpressionAst m && m.Member is StringConstantExpressionAst { } name && !m.Static)
            {
                names.Push(name.Value);
                e = m.Expression;
            }
            if (e is VariableExpressionAst { VariablePath.UserPath: "_" } && names.Count > 0) paths.Add(string.Join('.', names));
        }
        return paths;
    }

    /// <summary>Whether PowerShell finds the property path on an object of <paramref name="type"/> (lists enumerate their items' members).</summary>
    private static bool HasPath(Type type, string path)
    {
        foreach (var name in path.Split('.'))
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (type != typeof(string) && type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)) is { } items
                && type.GetProperty(name) is null)
                type = items.GetGenericArguments()[0];
            var property = type.GetProperty(name);
            if (property is null) return false;
            type = property.PropertyType;
        }
        return true;
    }
}
