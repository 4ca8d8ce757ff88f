using System.Xml.Linq;
using PhraseTms.Client.Connection;
using PhraseTms.Client.Connectors;
using PhraseTms.Infrastructure;
using PhraseTms.Tests.Support;
using static PhraseTms.Tests.Support.CmdletSurface;

namespace PhraseTms.Tests.Module;

/// <summary>PhraseTms.format.ps1xml against the cmdlets' output types and the stable type names.</summary>
public sealed class FormatViewTests
{
    private static readonly string FormatFile = Path.Combine(Repo.Root, "src", "PhraseTms", "PhraseTms.format.ps1xml");
    private static readonly XElement[] Views = XDocument.Load(FormatFile).Root!.Element("ViewDefinitions")!.Elements("View").ToArray();
    private static readonly System.Reflection.Assembly ClientAssembly = typeof(PhraseTms.Client.PhraseTmsClient).Assembly;

    private static IEnumerable<string> SelectedBy(XElement view) => view.Element("ViewSelectedBy")!.Elements("TypeName").Select(t => t.Value);

    /// <summary>Every output type of every cmdlet that is one of the module's models.</summary>
    public static TheoryData<Type> ModelOutputTypes()
    {
        var data = new TheoryData<Type>();
        // The hand-written cmdlets' models have views; the generated cmdlets' hundreds of models use PowerShell's default.
        foreach (var type in CmdletSurface.Cmdlets.Where(c => !c.IsGenerated).SelectMany(c => OutputTypes(c.Type)).Where(t => t.Assembly == ClientAssembly).Distinct()) data.Add(type);
        return data;
    }

    [Fact]
    public void Type_names_are_PhraseTms_dot_the_class_name_and_the_session_is_PhraseTms_Session()
    {
        Assert.Equal("PhraseTms.ConnectorAsyncTask", ModuleTypeNames.For(typeof(ConnectorAsyncTask)));
        Assert.Equal("PhraseTms.Session", ModuleTypeNames.For(typeof(PhraseTmsSession)));
        Assert.Null(ModuleTypeNames.For(typeof(string)));
        Assert.Null(ModuleTypeNames.For(typeof(System.Management.Automation.PSObject)));
        Assert.Null(ModuleTypeNames.For(typeof(ConnectorTaskStatus)));
        var names = CmdletSurface.Cmdlets.SelectMany(c => OutputTypes(c.Type)).Where(t => t.Assembly == ClientAssembly).Distinct()
            .Select(ModuleTypeNames.For).ToList();
        Assert.NotEmpty(names);
        Assert.Equal(names.Distinct().Count(), names.Count);
    }

    [Theory]
    [MemberData(nameof(ModelOutputTypes))]
    public void Every_model_output_type_has_a_default_table_view_under_both_its_names(Type type)
    {
        var name = ModuleTypeNames.For(type)!;
        var first = Views.FirstOrDefault(v => SelectedBy(v).Contains(name));
        Assert.True(first is not null, $"no view for {name} in PhraseTms.format.ps1xml");
        Assert.NotNull(first!.Element("TableControl"));
        Assert.Contains(type.FullName!, SelectedBy(first));
    }

    [Fact]
    public void The_connector_task_table_shows_the_columns_users_scan_for()
    {
        var table = Views.First(v => SelectedBy(v).Contains("PhraseTms.ConnectorAsyncTask")).Element("TableControl")!;
        Assert.Equal(["DateCreated", "Status", "TaskType", "TargetLang", "JobFileName", "ErrorMessage"],
            table.Descendants("TableColumnHeader").Select(h => h.Element("Label")!.Value));
    }

    [Fact]
    public void The_session_views_never_show_a_secret()
    {
        var shown = Views.Where(v => SelectedBy(v).Contains("PhraseTms.Session")).SelectMany(v => v.Descendants())
            .Where(e => e.Name == "PropertyName" || e.Name == "ScriptBlock").Select(e => e.Value).ToList();
        Assert.NotEmpty(shown);
        Assert.DoesNotContain(shown, s => s.Contains("Token", StringComparison.OrdinalIgnoreCase) && !s.Contains("TokenExpires"));
        Assert.DoesNotContain(shown, s => s.Contains("Password", StringComparison.OrdinalIgnoreCase) || s.Contains("Client"));
    }

    [Fact]
    public void Every_view_is_well_formed_and_names_only_existing_properties()
    {
        Assert.Equal(Views.Length, Views.Select(v => v.Element("Name")!.Value).Distinct().Count());
        foreach (var view in Views)
        {
            var types = SelectedBy(view).Select(n => ClientAssembly.GetType(n)).OfType<Type>().ToList();
            Assert.True(types.Count > 0, $"view {view.Element("Name")!.Value} names no .NET type of PhraseTms.Client");
            foreach (var type in types)
                Assert.Contains(ModuleTypeNames.For(type), SelectedBy(view));
            if (view.Element("TableControl") is { } table)
                Assert.Equal(table.Descendants("TableColumnHeader").Count(), table.Descendants("TableColumnItem").Count());
            foreach (var property in view.Descendants("PropertyName").Select(p => p.Value))
                Assert.All(types, t => Assert.True(t.GetProperty(property) is not null, $"{t.Name} has no property {property} (view {view.Element("Name")!.Value})"));
        }
    }
}
