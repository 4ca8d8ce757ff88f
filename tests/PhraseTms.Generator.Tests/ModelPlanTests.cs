using System.Text.RegularExpressions;
using PhraseTms.Generator.Model;
using PhraseTms.Generator.Models;
using Xunit.Abstractions;

namespace PhraseTms.Generator.Tests;

// The model rules (api/README.md, "Models") on the committed description and on small made-up definitions.
public class ModelPlanTests(ITestOutputHelper output)
{
    internal static ModelPlan Committed { get; } = ModelPlanner.FromRepository(TestPaths.Root);

    private static ModelClass Class(ModelPlan plan, string definition) =>
        plan.Classes.Single(c => c.Definition == definition);

    [Fact]
    public void Every_definition_is_a_class_a_page_a_folded_subtype_or_free_form_and_none_is_unmapped()
    {
        var plan = Committed;
        output.WriteLine(plan.SummaryLine());
        Assert.Equal(CommittedDescriptionTests.Committed.Definitions.Count, plan.Definitions.Count);
        Assert.DoesNotContain(plan.Definitions.Values, d => d.Kind == MappingKind.Unmapped);
        // Each class is one definition (a folded base with its subtypes); each class definition has exactly one class.
        var classDefinitions = plan.Definitions.Values.Where(d => d.Kind is MappingKind.Class or MappingKind.FoldedBase).Select(d => d.Definition).ToList();
        Assert.Equal(classDefinitions.OrderBy(d => d, StringComparer.Ordinal), plan.Classes.Select(c => c.Definition).OrderBy(d => d, StringComparer.Ordinal));
        Assert.Equal(plan.Classes.Count, plan.Classes.Select(c => c.Name).Distinct().Count());
        Assert.Equal(43, plan.Definitions.Values.Count(d => d.Kind == MappingKind.Page));
        Assert.Equal(4, plan.Definitions.Values.Count(d => d.Kind == MappingKind.FreeForm)); // CleanupTask, InputStream, Number, ObjectReference
        Assert.Equal(10, plan.Definitions.Values.Count(d => d.Kind == MappingKind.FoldedBase));
        Assert.Equal(670 - 43 - 4 - plan.Definitions.Values.Count(d => d.Kind == MappingKind.FoldedSubtype), plan.Classes.Count);
        // Every schema property of a class definition (and of its folded subtypes) is a property of its class.
        foreach (var model in plan.Classes)
        {
            var defs = CommittedDescriptionTests.Committed.Definitions;
            var apiNames = new[] { model.Definition }.Concat(model.FoldedSubtypes).SelectMany(d => defs[d].Properties).Select(p => p.Name)
                .Where(n => model.PageItem is null || !new[] { "content", "numberOfElements", "pageNumber", "pageSize", "totalElements", "totalPages" }.Contains(n))
                .Distinct().OrderBy(n => n, StringComparer.Ordinal);
            Assert.Equal(apiNames, model.Properties.Select(p => p.ApiName));
        }
    }

    [Fact]
    public void Class_names_drop_Dto_keep_versions_and_a_clash_keeps_the_longer_name()
    {
        string Type(string definition) => Committed.Definitions[definition].Type.Render().Replace("global::PhraseTms.Client.Models.", "").Replace("global::PhraseTms.Client.Paging.", "");
        Assert.Equal("ProjectTemplateReference", Type("ProjectTemplateReference"));
        Assert.Equal("WebhookCall", Type("WebhookCallDto"));
        Assert.Equal("AsyncAnalyseResponseV2", Type("AsyncAnalyseResponseV2Dto"));
        Assert.Equal("ConceptV2", Type("ConceptDtov2"));
        Assert.Equal("UserDetailsV3", Type("UserDetailsDtoV3"));
        Assert.Equal("WebHookV2", Type("WebHookDtoV2"));
        // ProjectTemplate is a definition of its own: ProjectTemplateDto keeps its longer name; the same for User.
        Assert.Equal("ProjectTemplate", Type("ProjectTemplate"));
        Assert.Equal("ProjectTemplateDto", Type("ProjectTemplateDto"));
        Assert.Equal("User", Type("User"));
        Assert.Equal("UserDto", Type("UserDto"));
        // The folded AbstractAnalyseSettingsDto would be AnalyseSettings, which AnalyseSettingsDto (shorter) takes.
        Assert.Equal("AnalyseSettings", Type("AnalyseSettingsDto"));
        Assert.Equal("AbstractAnalyseSettings", Type("AbstractAnalyseSettingsDto"));
        // Pages, the override file, free-form.
        Assert.Equal("Page<ProjectReference>", Type("PageDtoProjectReference"));
        Assert.Equal("Page<string>", Type("PageDtoString"));
        Assert.Equal("Page<Project>", Type("PageDtoAbstractProjectDto"));
        Assert.Equal("ConnectorAsyncTaskPage", Type("PageDtoConnectorAsyncTaskDto"));
        Assert.Equal("ReferenceFilePage", Type("ReferenceFilePageDto"));
        Assert.Equal("global::Newtonsoft.Json.Linq.JToken", Type("ObjectReference"));
        var identifier = new Regex("^[A-Z_][A-Za-z0-9_]*$");
        Assert.All(Committed.Classes, c => Assert.Matches(identifier, c.Name));
        Assert.All(Committed.Classes.SelectMany(c => c.Properties), p => Assert.Matches(identifier, p.Name));
    }

    [Fact]
    public void A_discriminated_base_is_one_class_with_the_union_of_its_subtypes_properties()
    {
        var project = Class(Committed, "AbstractProjectDto");
        Assert.Equal("Project", project.Name);
        Assert.Equal(["Admin, Project Manager", "Buyer", "Linguist", "Vendor"], project.FoldedSubtypes);
        Assert.Equal("userRole", project.Discriminator);
        foreach (var subtype in project.FoldedSubtypes)
            Assert.Equal("Project", Committed.Definitions[subtype].Type.Name);
        var names = project.Properties.Select(p => p.ApiName).ToHashSet();
        Assert.Contains("uid", names);          // the base's
        Assert.Contains("financialSettings", names); // Admin, Project Manager's and Buyer's
        Assert.Contains("vendorOwner", names);  // Buyer's
        Assert.Equal("ProjectV2", Class(Committed, "AbstractProjectDtoV2").Name);
        Assert.Equal("SegmentWarning", Class(Committed, "segmentWarning").Name);
        Assert.Equal(41, Class(Committed, "segmentWarning").FoldedSubtypes.Count);
    }

    [Fact]
    public void Property_names_are_pascal_with_the_api_name_kept_when_it_differs_in_more_than_case()
    {
        var apple = Class(Committed, "AppleTokenResponseDto");
        var token = apple.Properties.Single(p => p.ApiName == "access_token");
        Assert.Equal("AccessToken", token.Name);
        Assert.True(token.NeedsJsonName);
        var mt = Class(Committed, "MachineTranslateSettingsDto").Properties.Single(p => p.ApiName == "default_");
        Assert.Equal("Default", mt.Name);
        var status = Class(Committed, "ConnectorAsyncTaskDto").Properties.Single(p => p.ApiName == "status");
        Assert.Equal("StatusText", status.Name);
        Assert.Equal("Status", status.EnumPropertyName);
        Assert.Equal("ConnectorAsyncTaskStatus", status.Enum!.Name);
        Assert.Equal(["CONVERTER_ERROR", "ERROR", "NEW", "SUCCESS"], status.Enum.Members.Select(m => m.Name));
        Assert.False(Class(Committed, "ConnectorAsyncTaskDto").Properties.Single(p => p.ApiName == "jobUid").NeedsJsonName);
        Assert.Equal("Name ?? Uid ?? Id ?? nameof(Project)", Class(Committed, "AbstractProjectDto").ToStringExpression);
    }

    [Fact]
    public void Schema_types_map_by_the_rules()
    {
        var plan = ModelPlanner.Plan(Synthetic(), new ModelNameOverrides());
        var thing = plan.Classes.Single(c => c.Definition == "ThingDto");
        Assert.Equal("Thing", thing.Name);
        string T(string api) => thing.Properties.Single(p => p.ApiName == api).Type.RenderNullable();
        Assert.Equal("string?", T("text"));
        Assert.Equal("global::System.DateTimeOffset?", T("when"));
        Assert.Equal("global::System.DateTimeOffset?", T("day"));
        Assert.Equal("int?", T("small"));
        Assert.Equal("long?", T("big"));
        Assert.Equal("double?", T("ratio"));
        Assert.Equal("bool?", T("flag"));
        Assert.Equal("global::System.Collections.Generic.List<string>?", T("tags"));
        Assert.Equal("global::System.Collections.Generic.Dictionary<string, long>?", T("counts"));
        Assert.Equal("global::System.Collections.Generic.Dictionary<string, global::Newtonsoft.Json.Linq.JToken>?", T("args"));
        Assert.Equal("global::PhraseTms.Client.Models.Other?", T("other"));
        Assert.Equal("global::Newtonsoft.Json.Linq.JObject?", T("anything"));
        Assert.Equal("global::PhraseTms.Client.Paging.Page<global::PhraseTms.Client.Models.Other>?", T("page"));
        var kind = thing.Properties.Single(p => p.ApiName == "kind");
        Assert.Equal(("KindText", "Kind", "ThingKind", false), (kind.Name, kind.EnumPropertyName, kind.Enum!.Name, kind.EnumArray));
        // Values that are no identifiers are sanitized, keywords get '@' (the member's name stays the value).
        Assert.Equal(["en_US", "_1ST", "@default", "ok"], kind.Enum.Members.Select(m => m.Name));
        Assert.True(kind.Enum.NeedsMap);
        var kinds = thing.Properties.Single(p => p.ApiName == "kinds");
        Assert.Equal(("KindsText", "Kinds", true), (kinds.Name, kinds.EnumPropertyName, kinds.EnumArray));
        Assert.Equal("global::System.Collections.Generic.List<string>?", kinds.Type.RenderNullable());
        // A property named as its class gets "Value"; the union of subtypes types a disagreement as JToken.
        Assert.Equal("ThingValue", thing.Properties.Single(p => p.ApiName == "thing").Name);
        var shape = plan.Classes.Single(c => c.Definition == "AbstractShape");
        Assert.Equal("Shape", shape.Name);
        Assert.Equal("global::Newtonsoft.Json.Linq.JToken?", shape.Properties.Single(p => p.ApiName == "size").Type.RenderNullable());
        Assert.Equal(["CIRCLE", "SQUARE"], shape.Properties.Single(p => p.ApiName == "type").Enum!.Members.Select(m => m.ApiValue));
    }

    [Fact]
    public void A_name_the_rules_cannot_decide_is_an_error_that_points_to_the_override_file()
    {
        var description = Synthetic();
        description.Definitions["Clash"] = new Definition { Properties = [new Property { Name = "a_b", Type = "string" }, new Property { Name = "aB", Type = "string" }] };
        var error = Assert.Throws<InvalidDataException>(() => ModelPlanner.Plan(description, new ModelNameOverrides()));
        Assert.Contains("api/model-names.json", error.Message);
        var fixedByOverride = new ModelNameOverrides();
        fixedByOverride.Properties["Clash.a_b"] = new NameOverride { Name = "AUnderscoreB", Reason = "test" };
        Assert.Contains(ModelPlanner.Plan(description, fixedByOverride).Classes.Single(c => c.Name == "Clash").Properties, p => p.Name == "AUnderscoreB");
    }

    [Fact]
    public void The_override_file_reads_and_every_entry_is_used()
    {
        var overrides = ModelNameOverrides.Read(RepoPaths.ModelNames(TestPaths.Root));
        Assert.NotEmpty(overrides.Classes);
        foreach (var (definition, o) in overrides.Classes)
        {
            Assert.False(string.IsNullOrWhiteSpace(o.Reason), definition);
            Assert.Equal(o.Name, Committed.Definitions[definition].Type.Name);
        }
        foreach (var (key, o) in overrides.Properties)
        {
            Assert.False(string.IsNullOrWhiteSpace(o.Reason), key);
            var definition = key[..key.IndexOf('.')];
            Assert.Contains(Committed.Classes.Single(c => c.Definition == definition || c.FoldedSubtypes.Contains(definition)).Properties, p => p.Name == o.Name);
        }
    }

    internal static ApiDescription Synthetic()
    {
        var d = new ApiDescription();
        d.Definitions["Other"] = new Definition { Properties = [new Property { Name = "id", Type = "integer", Format = "int64" }] };
        d.Definitions["PageDtoOther"] = new Definition
        {
            Properties =
            [
                new Property { Name = "content", Type = "array", Items = new TypeRef { Ref = "Other" } },
                new Property { Name = "numberOfElements", Type = "integer", Format = "int32" },
                new Property { Name = "pageNumber", Type = "integer", Format = "int32" },
                new Property { Name = "pageSize", Type = "integer", Format = "int32" },
                new Property { Name = "totalElements", Type = "integer", Format = "int32" },
                new Property { Name = "totalPages", Type = "integer", Format = "int32" },
            ],
        };
        d.Definitions["ThingDto"] = new Definition
        {
            Properties =
            [
                new Property { Name = "anything", Type = "object" },
                new Property { Name = "args", Type = "object", AdditionalProperties = new TypeRef { Type = "object" } },
                new Property { Name = "big", Type = "integer", Format = "int64" },
                new Property { Name = "counts", Type = "object", AdditionalProperties = new TypeRef { Type = "integer", Format = "int64" } },
                new Property { Name = "day", Type = "string", Format = "date" },
                new Property { Name = "flag", Type = "boolean" },
                new Property { Name = "kind", Type = "string", Enum = ["en-US", "1ST", "default", "ok"] },
                new Property { Name = "kinds", Type = "array", Items = new TypeRef { Type = "string", Enum = ["A", "B"] } },
                new Property { Name = "name", Type = "string" },
                new Property { Name = "other", Ref = "Other" },
                new Property { Name = "page", Ref = "PageDtoOther" },
                new Property { Name = "ratio", Type = "number", Format = "double" },
                new Property { Name = "small", Type = "integer", Format = "int32" },
                new Property { Name = "tags", Type = "array", Items = new TypeRef { Type = "string" } },
                new Property { Name = "text", Type = "string" },
                new Property { Name = "thing", Type = "string" },
                new Property { Name = "when", Type = "string", Format = "date-time" },
            ],
        };
        d.Definitions["AbstractShape"] = new Definition
        {
            Discriminator = "type", Subtypes = ["CIRCLE", "SQUARE"],
            Properties = [new Property { Name = "type", Type = "string", Enum = ["CIRCLE"] }],
        };
        d.Definitions["CIRCLE"] = new Definition { Bases = ["AbstractShape"], Properties = [new Property { Name = "size", Type = "number" }, new Property { Name = "type", Type = "string", Enum = ["CIRCLE", "SQUARE"] }] };
        d.Definitions["SQUARE"] = new Definition { Bases = ["AbstractShape"], Properties = [new Property { Name = "size", Type = "string" }] };
        return d;
    }
}
