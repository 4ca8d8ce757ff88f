namespace PhraseTms.Generator.Models;

// What generate-models writes, decided before any code is written (ModelPlanner), so the tests can check the rules
// on the plan and the compiled models against it.

internal sealed class ModelPlan
{
    public const string Namespace = "PhraseTms.Client.Models";

    // Every definition of the description → how it is represented (a class, Page<X>, a folded base, JToken).
    public SortedDictionary<string, DefinitionMapping> Definitions { get; } = new(StringComparer.Ordinal);
    public List<ModelClass> Classes { get; } = new();   // sorted by name
    public int EnumCount => Classes.Sum(c => c.Enums.Count);
    public int PropertyCount => Classes.Sum(c => c.Properties.Count);

    public string SummaryLine() =>
        $"Models: {Definitions.Count} definitions → {Classes.Count} classes, {EnumCount} enums, {PropertyCount} properties, " +
        $"{Definitions.Values.Count(d => d.Kind == MappingKind.Unmapped)} unmapped " +
        $"({Definitions.Values.Count(d => d.Kind == MappingKind.Page)} pages as Page<T>, " +
        $"{Definitions.Values.Count(d => d.Kind == MappingKind.FoldedSubtype)} subtypes folded, " +
        $"{Definitions.Values.Count(d => d.Kind == MappingKind.FreeForm)} free-form)";
}

internal enum MappingKind
{
    Class,          // its own generated class
    FoldedBase,     // a discriminated base: one class with the union of its subtypes' properties
    FoldedSubtype,  // a subtype of a discriminated base: maps to the base's class
    Page,           // content[] + the page fields: Page<X>
    FreeForm,       // no properties at all: JToken (any JSON)
    EnumDefinition, // a definition that is only values (none today): its users get the …Text string and an enum of their own
    Unmapped,       // never, checked by the tests
}

internal sealed record DefinitionMapping(string Definition, MappingKind Kind, ModelType Type);

internal sealed class ModelClass
{
    public string Name { get; init; } = "";
    public string Definition { get; init; } = "";                 // the definition it is generated from
    public List<string> FoldedSubtypes { get; init; } = new();     // FoldedBase: the subtypes mapped to it
    public string? Discriminator { get; init; }
    public ModelType? PageItem { get; init; }                       // a page with properties of its own: derives from Page<X>
    public List<ModelProperty> Properties { get; } = new();        // in the description's order (by API name)
    public List<ModelEnum> Enums { get; } = new();
    public string? ToStringExpression { get; set; }
    public List<PipelineProperty> PipelineProperties { get; } = new(); // for the generated cmdlets' pipelines (PipelineLinks)
}

// A property no definition has, for the pipeline of the generated cmdlets: a path value the list was read under
// (AliasOf null: filled by the cmdlet) or the resource's own id under its parameter's name (AliasOf: "Uid"/"Id").
internal sealed record PipelineProperty(string Name, string? AliasOf);

internal sealed class ModelProperty
{
    public string ApiName { get; init; } = "";
    public string Name { get; init; } = "";                        // the C# property (the …Text one for enums)
    public ModelType Type { get; init; } = ModelType.String;       // the C# property's type (string / List<string> for enums)
    public ModelEnum? Enum { get; init; }                          // an enum (or array of enums) property
    public string? EnumPropertyName { get; init; }                 // the [JsonIgnore] enum property
    public bool EnumArray { get; init; }
    public bool NeedsJsonName => !string.Equals(Name, ApiName, StringComparison.OrdinalIgnoreCase);
}

internal sealed class ModelEnum
{
    public string Name { get; init; } = "";
    public string Definition { get; init; } = "";
    public string ApiProperty { get; init; } = "";
    public List<EnumMember> Members { get; } = new();
    public bool NeedsMap => Members.Any(m => m.Name.TrimStart('@') != m.ApiValue);
}

internal sealed record EnumMember(string ApiValue, string Name);

internal enum TypeKind { String, Date, Int, Long, Double, Bool, Model, Page, List, Map, JObject, JToken, Enum }

// A C# type of a generated property, rendered with global:: everywhere (a model may be called Task or Version).
internal sealed record ModelType(TypeKind Kind, string? Name = null, ModelType? Element = null)
{
    public static readonly ModelType String = new(TypeKind.String);
    public static readonly ModelType Date = new(TypeKind.Date);
    public static readonly ModelType Int = new(TypeKind.Int);
    public static readonly ModelType Long = new(TypeKind.Long);
    public static readonly ModelType Double = new(TypeKind.Double);
    public static readonly ModelType Bool = new(TypeKind.Bool);
    public static readonly ModelType JObject = new(TypeKind.JObject);
    public static readonly ModelType JToken = new(TypeKind.JToken);
    public static ModelType Model(string name) => new(TypeKind.Model, name);
    public static ModelType EnumOf(string name) => new(TypeKind.Enum, name);
    public static ModelType PageOf(ModelType item) => new(TypeKind.Page, null, item);
    public static ModelType ListOf(ModelType item) => new(TypeKind.List, null, item);
    public static ModelType MapOf(ModelType value) => new(TypeKind.Map, null, value);

    // The type without its nullable mark (generic arguments are never marked: List<string>, not List<string?>).
    public string Render() => Kind switch
    {
        TypeKind.String => "string",
        TypeKind.Date => "global::System.DateTimeOffset",
        TypeKind.Int => "int",
        TypeKind.Long => "long",
        TypeKind.Double => "double",
        TypeKind.Bool => "bool",
        TypeKind.Model or TypeKind.Enum => $"global::{ModelPlan.Namespace}.{Name}",
        TypeKind.Page => $"global::PhraseTms.Client.Paging.Page<{Element!.Render()}>",
        TypeKind.List => $"global::System.Collections.Generic.List<{Element!.Render()}>",
        TypeKind.Map => $"global::System.Collections.Generic.Dictionary<string, {Element!.Render()}>",
        TypeKind.JObject => "global::Newtonsoft.Json.Linq.JObject",
        TypeKind.JToken => "global::Newtonsoft.Json.Linq.JToken",
        _ => throw new InvalidOperationException(Kind.ToString()),
    };

    public string RenderNullable() => Render() + "?";

    // For messages and docs: "a list of ProjectReference".
    public string Describe() => Kind switch
    {
        TypeKind.String => "text",
        TypeKind.Date => "a date",
        TypeKind.Int or TypeKind.Long => "a whole number",
        TypeKind.Double => "a number",
        TypeKind.Bool => "true or false",
        TypeKind.Model => $"a {Name}",
        TypeKind.Enum => $"a {Name} value",
        TypeKind.Page => $"a page of {Element!.Describe()}",
        TypeKind.List => $"a list of {Element!.Describe()}",
        TypeKind.Map => $"a map of names to {Element!.Describe()}",
        TypeKind.JObject => "any JSON object",
        TypeKind.JToken => "any JSON value",
        _ => Kind.ToString(),
    };
}
