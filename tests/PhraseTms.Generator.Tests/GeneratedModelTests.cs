using System.Collections;
using System.Reflection;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PhraseTms.Client.Models;
using PhraseTms.Client.Paging;
using PhraseTms.Client.Serialization;
using PhraseTms.Generator.Model;
using PhraseTms.Generator.Models;
using Xunit.Abstractions;

namespace PhraseTms.Generator.Tests;

// The models the build generated into PhraseTms.Client.dll, by reflection against the plan and by reading JSON shaped
// as the description says (every property present, enums their first value, dates with +0000) with PhraseJson.
public class GeneratedModelTests(ITestOutputHelper output)
{
    private static readonly Assembly ClientAssembly = typeof(PhraseJson).Assembly;
    private static ApiDescription Description => CommittedDescriptionTests.Committed;
    private static ModelPlan Plan => ModelPlanTests.Committed;
    private static readonly Dictionary<string, ModelClass> ByName = Plan.Classes.ToDictionary(c => c.Name);
    private const string Date = "2024-01-02T03:04:05+0000";
    private const string Unknown = "A_VALUE_THIS_VERSION_DOES_NOT_KNOW";
    private const int MaxDepth = 2; // nested models are full samples two levels down, then {}

    private static Type Clr(ModelType t) => t.Kind switch
    {
        TypeKind.String => typeof(string),
        TypeKind.Date => typeof(DateTimeOffset),
        TypeKind.Int => typeof(int),
        TypeKind.Long => typeof(long),
        TypeKind.Double => typeof(double),
        TypeKind.Bool => typeof(bool),
        TypeKind.Model or TypeKind.Enum => ClientAssembly.GetType($"{ModelPlan.Namespace}.{t.Name}", throwOnError: true)!,
        TypeKind.Page => typeof(Page<>).MakeGenericType(Clr(t.Element!)),
        TypeKind.List => typeof(List<>).MakeGenericType(Clr(t.Element!)),
        TypeKind.Map => typeof(Dictionary<,>).MakeGenericType(typeof(string), Clr(t.Element!)),
        TypeKind.JObject => typeof(JObject),
        TypeKind.JToken => typeof(JToken),
        _ => throw new InvalidOperationException(t.Kind.ToString()),
    };

    private static Type Nullable(Type t) => t.IsValueType ? typeof(Nullable<>).MakeGenericType(t) : t;

    [Fact]
    public void Every_class_and_property_of_the_rules_is_in_the_client_with_the_rules_type()
    {
        int classes = 0, enums = 0, properties = 0;
        var missing = new List<string>();
        foreach (var model in Plan.Classes)
        {
            var type = ClientAssembly.GetType($"{ModelPlan.Namespace}.{model.Name}");
            if (type is null) { missing.Add(model.Definition); continue; }
            classes++;
            Assert.True(type.IsPublic && type.IsSealed && type.GetConstructor(Type.EmptyTypes) is not null, model.Name);
            foreach (var p in model.Properties)
            {
                var info = type.GetProperty(p.Name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
                if (info is null) { missing.Add($"{model.Definition}.{p.ApiName}"); continue; }
                properties++;
                Assert.True(info.CanRead && info.CanWrite, $"{model.Name}.{p.Name}");
                Assert.Equal(Nullable(Clr(p.Type)), info.PropertyType);
                var json = info.GetCustomAttribute<JsonPropertyAttribute>();
                Assert.Equal(p.NeedsJsonName || p.Enum is not null ? p.ApiName : null, json?.PropertyName);
                if (p.Enum is null) continue;
                var enumType = Clr(ModelType.EnumOf(p.Enum.Name));
                Assert.True(enumType.IsEnum);
                Assert.Equal(p.Enum.Members.Select(m => m.Name.TrimStart('@')), Enum.GetNames(enumType));
                var typed = type.GetProperty(p.EnumPropertyName!)!;
                Assert.NotNull(typed.GetCustomAttribute<JsonIgnoreAttribute>());
                Assert.Equal(p.EnumArray ? typeof(IReadOnlyList<>).MakeGenericType(Nullable(enumType)) : Nullable(enumType), typed.PropertyType);
                enums++;
            }
        }
        var line = $"Models: {Plan.Definitions.Count} definitions → {classes} classes, {enums} enums, {properties} properties, {missing.Count} unmapped";
        output.WriteLine(line + " (reflection over PhraseTms.Client.dll)");
        Assert.Empty(missing);
        Assert.Equal(Plan.Classes.Count, classes);
        Assert.Equal(Plan.EnumCount, enums);
        Assert.Equal(Plan.PropertyCount, properties);
        // Every definition's type, as properties use it, exists too (pages as Page<X>, free-form as JToken).
        Assert.All(Plan.Definitions.Values, d => Assert.NotNull(Clr(d.Type)));
    }

    public static IEnumerable<object[]> ReadableDefinitions() =>
        Description.Definitions.Keys.Where(d => Plan.Definitions[d].Kind is not (MappingKind.FreeForm or MappingKind.EnumDefinition))
            .Select(d => new object[] { d });

    [Fact]
    public void A_sample_of_every_definition_reads_with_every_property_set_and_equal_to_the_sample()
    {
        var checkedValues = 0;
        foreach (var definition in ReadableDefinitions().Select(r => (string)r[0]))
        {
            var mapping = Plan.Definitions[definition];
            var sample = SampleOf(definition, 0);
            var value = Read(Nullable(Clr(mapping.Type)), sample.ToString(Formatting.None));
            checkedValues += Check(value, sample, mapping.Type, definition);
        }
        output.WriteLine($"{ReadableDefinitions().Count()} definition samples read, {checkedValues} values compared");
    }

    [Fact]
    public void An_unknown_enum_value_keeps_its_text_and_gives_null()
    {
        var count = 0;
        foreach (var model in Plan.Classes.Where(c => c.Enums.Count > 0))
        {
            var sample = new JObject();
            foreach (var p in model.Properties.Where(p => p.Enum is not null))
                sample[p.ApiName] = p.EnumArray ? new JArray(Unknown) : Unknown;
            var value = Read(Clr(ModelType.Model(model.Name)), sample.ToString())!;
            foreach (var p in model.Properties.Where(p => p.Enum is not null))
            {
                var text = value.GetType().GetProperty(p.Name)!.GetValue(value);
                var typed = value.GetType().GetProperty(p.EnumPropertyName!)!.GetValue(value);
                if (p.EnumArray)
                {
                    Assert.Equal([Unknown], (List<string>)text!);
                    Assert.Null(Assert.Single((IEnumerable)typed!));
                }
                else
                {
                    Assert.Equal(Unknown, text);
                    Assert.Null(typed);
                }
                count++;
            }
        }
        output.WriteLine($"{count} enum properties keep an unknown value's text");
        Assert.Equal(Plan.EnumCount, count);
    }

    [Fact]
    public void The_folded_project_reads_an_admin_shaped_and_a_linguist_shaped_body()
    {
        const string admin = """
            {"userRole":"ADMIN","uid":"p1","id":"11","name":"Admin's project","status":"ASSIGNED","dateCreated":"2024-01-02T03:04:05+0000",
             "financialSettings":{"uid":"f1"},"client":{"uid":"c1","name":"Acme"},"targetLangs":["de","fr"],"shared":true}
            """;
        const string linguist = """{"userRole":"LINGUIST","uid":"p2","name":"Assigned to me","sourceLang":"en","targetLangs":["cs"],"dateCreated":"2024-05-06T07:08:09Z"}""";
        var a = PhraseJson.Deserialize<Project>(Encoding.UTF8.GetBytes(admin))!;
        Assert.Equal(("p1", "Admin's project", "ADMIN", true), (a.Uid, a.Name, a.UserRole, a.Shared));
        Assert.Equal(ProjectStatus.ASSIGNED, a.Status);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), a.DateCreated);
        Assert.Equal("f1", (string?)a.FinancialSettings!["uid"]);
        Assert.Equal("Acme", a.Client!.Name);
        Assert.Equal(["de", "fr"], a.TargetLangs!);
        var l = PhraseJson.Deserialize<Project>(Encoding.UTF8.GetBytes(linguist))!;
        Assert.Equal(("p2", "LINGUIST", "en"), (l.Uid, l.UserRole, l.SourceLang));
        Assert.Null(l.FinancialSettings); // what a linguist is not shown stays null
        Assert.Null(l.Status);
        Assert.Equal(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero), l.DateCreated);
        var page = PhraseJson.Deserialize<Page<Project>>(Encoding.UTF8.GetBytes($$"""{"content":[{{admin}},{{linguist}}],"pageNumber":0,"pageSize":50,"numberOfElements":2,"totalElements":2,"totalPages":1}"""))!;
        Assert.Equal(["Admin's project", "Assigned to me"], page.Content.Select(p => p.ToString()));
    }

    [Fact]
    public void ToString_is_the_name_else_the_uid_or_id()
    {
        Assert.Equal("P", new Project { Name = "P", Uid = "u" }.ToString());
        Assert.Equal("u", new Project { Uid = "u", Id = "1" }.ToString());
        Assert.Equal("1", new Project { Id = "1" }.ToString());
        Assert.Equal("Project", new Project().ToString());
        Assert.Equal("42", new ConnectorAsyncTask { Id = "42" }.ToString());
    }

    [Fact]
    public void A_date_without_a_time_reads_as_midnight_utc()
    {
        var d = PhraseJson.Deserialize<DayOnly>(Encoding.UTF8.GetBytes("""{"day":"2024-02-29"}"""))!;
        Assert.Equal(new DateTimeOffset(2024, 2, 29, 0, 0, 0, TimeSpan.Zero), d.Day);
    }

    private sealed class DayOnly { public DateTimeOffset? Day { get; set; } }

    private static object? Read(Type type, string json)
    {
        var read = typeof(PhraseJson).GetMethod(nameof(PhraseJson.Deserialize), [typeof(ReadOnlyMemory<byte>)])!.MakeGenericMethod(type);
        return read.Invoke(null, [new ReadOnlyMemory<byte>(Encoding.UTF8.GetBytes(json))]);
    }

    // ---- samples, from the description alone -------------------------------------------------------------------

    private static IEnumerable<Property> SchemaProperties(string definition)
    {
        var def = Description.Definitions[definition];
        foreach (var b in def.Bases ?? [])
            foreach (var p in SchemaProperties(b)) yield return p;
        foreach (var p in def.Properties) yield return p;
    }

    private static JObject SampleOf(string definition, int depth)
    {
        var sample = new JObject();
        foreach (var p in SchemaProperties(definition))
            sample[p.Name] = p.Enum is { Count: > 0 } ? p.Enum[0] : Value(p.Ref, p.Type, p.Format, p.Items, p.AdditionalProperties, p.Name, depth);
        return sample;
    }

    private static JToken Value(string? @ref, string? type, string? format, TypeRef? items, TypeRef? additional, string name, int depth)
    {
        if (@ref is not null)
        {
            var kind = Plan.Definitions[@ref].Kind;
            return kind == MappingKind.FreeForm ? new JObject { ["any"] = "json" }
                : kind == MappingKind.EnumDefinition ? Description.Definitions[@ref].Enum![0]
                : depth >= MaxDepth ? new JObject() : SampleOf(@ref, depth + 1);
        }
        return type switch
        {
            "string" => format == "date-time" ? Date : format == "date" ? "2024-01-02" : "text of " + name,
            "integer" => 7,
            "number" => 1.5,
            "boolean" => true,
            "array" => new JArray(items is null ? "x" : items.Enum is { Count: > 0 } ? items.Enum[0] : Value(items.Ref, items.Type, items.Format, items.Items, items.AdditionalProperties, name, depth)),
            "object" when additional is not null => new JObject { ["key"] = Value(additional.Ref, additional.Type, additional.Format, additional.Items, additional.AdditionalProperties, name, depth) },
            _ => new JObject { ["any"] = "json" },
        };
    }

    // Asserts value (read from sample) is non-null and equal to the sample; returns how many values it compared.
    private static int Check(object? value, JToken sample, ModelType type, string path)
    {
        Assert.True(value is not null, $"{path} is null");
        switch (type.Kind)
        {
            case TypeKind.String:
                Assert.Equal((string)sample!, value);
                return 1;
            case TypeKind.Date:
                Assert.Equal((string)sample! == Date ? new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero) : new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero), value);
                return 1;
            case TypeKind.Int or TypeKind.Long or TypeKind.Double or TypeKind.Bool:
                Assert.Equal(sample.ToObject(Clr(type)), value);
                return 1;
            case TypeKind.JObject or TypeKind.JToken:
                Assert.True(JToken.DeepEquals(sample, (JToken)value!), $"{path}: {value} is not {sample}");
                return 1;
            case TypeKind.List:
            {
                return Check(Assert.Single((IList)value!), sample[0]!, type.Element!, path + "[0]");
            }
            case TypeKind.Map:
            {
                var map = (IDictionary)value!;
                Assert.Equal("key", Assert.Single(map.Keys));
                return Check(map["key"], sample["key"]!, type.Element!, path + ".key");
            }
            case TypeKind.Page:
                return CheckPageFields(value!, (JObject)sample, type.Element!, path);
            case TypeKind.Model:
            {
                var model = ByName[type.Name!];
                var count = model.PageItem is not null ? CheckPageFields(value!, (JObject)sample, model.PageItem, path) : 0;
                foreach (var (apiName, token) in (JObject)sample)
                {
                    if (model.PageItem is not null && value!.GetType().BaseType!.GetProperty(Pascal(apiName)) is not null) continue;
                    var p = model.Properties.Single(x => x.ApiName == apiName);
                    var got = value!.GetType().GetProperty(p.Name)!.GetValue(value);
                    if (p.Enum is null) { count += Check(got, token!, p.Type, $"{path}.{apiName}"); continue; }
                    var typed = value.GetType().GetProperty(p.EnumPropertyName!)!.GetValue(value);
                    var first = p.Enum.Members[0];
                    if (p.EnumArray)
                    {
                        Assert.Equal([(string)token![0]!], (List<string>)got!);
                        Assert.Equal(first.Name.TrimStart('@'), Assert.Single((IEnumerable)typed!)!.ToString());
                    }
                    else
                    {
                        Assert.Equal((string)token!, got);
                        Assert.True(typed is not null, $"{path}.{apiName}: the enum of '{token}' is null");
                        Assert.Equal(first.Name.TrimStart('@'), typed.ToString());
                    }
                    count++;
                }
                return count;
            }
            default:
                throw new InvalidOperationException(type.Kind.ToString());
        }
    }

    private static int CheckPageFields(object page, JObject sample, ModelType item, string path)
    {
        var content = (IList)page.GetType().GetProperty("Content")!.GetValue(page)!;
        var count = 0;
        if (sample["content"] is JArray items)
        {
            Assert.Equal(items.Count, content.Count);
            for (var i = 0; i < items.Count; i++) count += Check(content[i], items[i], item, $"{path}.content[{i}]");
            Assert.Equal(7, ((IPage<object>)page).PageNumber);
            Assert.Equal(7L, ((IPage<object>)page).TotalElements);
        }
        return count;
    }

    private static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name[1..];
}
