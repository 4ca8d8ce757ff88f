using PhraseTms.Generator.Model;

namespace PhraseTms.Generator.Models;

// Decides, for every definition of the description, its C# shape (api/README.md, "Models"):
//  - a page (content[] + numberOfElements, pageNumber, pageSize, totalElements, totalPages) is Page<X>; a page with
//    more properties is a class deriving from Page<X> that adds them;
//  - a discriminated base (discriminator + subtypes) is ONE class with the union of its own and its subtypes'
//    properties, and every subtype maps to it; a property two subtypes type differently is JToken;
//  - a definition without properties is free-form: JToken wherever it is referenced;
//  - an ordinary allOf base is flattened: its properties are copied into the class (bases first, own win);
//  - everything else is a sealed class of its own.
internal static class ModelPlanner
{
    private static readonly string[] PageFields = ["content", "numberOfElements", "pageNumber", "pageSize", "totalElements", "totalPages"];
    private static readonly string[] ToStringCandidates = ["name", "uid", "id"];

    public static ModelPlan FromRepository(string root)
    {
        var description = ApiJson.Read<ApiDescription>(RepoPaths.Description(root));
        var plan = Plan(description, ModelNameOverrides.Read(RepoPaths.ModelNames(root)));
        PipelineLinks.Apply(plan, description, Naming.CommandMapBuilder.FromRepository(root));
        return plan;
    }

    public static ModelPlan Plan(ApiDescription description, ModelNameOverrides overrides)
    {
        var defs = description.Definitions;
        var plan = new ModelPlan();

        // 1. What each definition is.
        var foldedBases = defs.Where(d => d.Value.Discriminator is not null && d.Value.Subtypes is { Count: > 0 })
            .Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        var foldedInto = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, def) in defs)
            if (def.Bases is { Count: > 0 } bases && bases.All(foldedBases.Contains) && !foldedBases.Contains(name))
                foldedInto[name] = bases[0];
        var kinds = new Dictionary<string, MappingKind>(StringComparer.Ordinal);
        foreach (var (name, def) in defs)
        {
            kinds[name] = foldedBases.Contains(name) ? MappingKind.FoldedBase
                : foldedInto.ContainsKey(name) ? MappingKind.FoldedSubtype
                : IsPage(def) && def.Properties.Count == PageFields.Length ? MappingKind.Page
                : def.Enum is { Count: > 0 } ? MappingKind.EnumDefinition
                : def.Properties.Count == 0 && def.Bases is not { Count: > 0 } && def.AdditionalProperties is null && def.Enum is null ? MappingKind.FreeForm
                : MappingKind.Class;
        }

        // 2. Class names: the candidate, unless another definition wants it too (then the longer names stay).
        var classDefs = kinds.Where(k => k.Value is MappingKind.Class or MappingKind.FoldedBase).Select(k => k.Key).ToList();
        // Each definition's names, shortest first: the rule's (ProjectTemplateDto → ProjectTemplate; a folded base
        // without "Abstract"), then with "Abstract" kept, then Pascal with nothing dropped. In a clash the definition
        // whose full name is the shortest (then the first by ordinal) takes the name; the others, the longer names, move on.
        var levels = classDefs.ToDictionary(d => d, d => (overrides.Classes.TryGetValue(d, out var o)
                ? new[] { o.Name }
                : new[] { ModelNames.ClassCandidate(d, kinds[d] == MappingKind.FoldedBase), ModelNames.ClassCandidate(d, false), ModelNames.ClassLongName(d) })
            .Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var level = classDefs.ToDictionary(d => d, _ => 0, StringComparer.Ordinal);
        string Current(string d) => levels[d][Math.Min(level[d], levels[d].Count - 1)];
        for (var round = 0; round < 4; round++)
        {
            var moved = false;
            foreach (var group in classDefs.GroupBy(Current, StringComparer.Ordinal).Where(g => g.Count() > 1))
                foreach (var loser in group.OrderBy(d => ModelNames.ClassLongName(d).Length).ThenBy(d => d, StringComparer.Ordinal).Skip(1))
                    if (level[loser] < levels[loser].Count - 1) { level[loser]++; moved = true; }
            if (!moved) break;
        }
        var classNames = classDefs.ToDictionary(d => d, Current, StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (def, name) in classNames.OrderBy(c => c.Key, StringComparer.Ordinal))
            if (!taken.Add(name))
                throw new InvalidDataException($"models: two definitions are both class {name} ({string.Join(", ", classNames.Where(c => c.Value == name).Select(c => c.Key))}): name one in api/model-names.json");

        // 3. Every definition's type.
        ModelType TypeOfDefinition(string name) => kinds[name] switch
        {
            MappingKind.Class or MappingKind.FoldedBase => ModelType.Model(classNames[name]),
            MappingKind.FoldedSubtype => ModelType.Model(classNames[foldedInto[name]]),
            MappingKind.Page => ModelType.PageOf(PageItem(defs[name])),
            MappingKind.FreeForm => ModelType.JToken,
            MappingKind.EnumDefinition => ModelType.String,
            _ => throw new InvalidOperationException(name),
        };
        ModelType TypeOf(string? @ref, string? type, string? format, TypeRef? items, TypeRef? additional, bool nested)
        {
            if (@ref is not null)
                return defs.ContainsKey(@ref) ? TypeOfDefinition(@ref) : throw new InvalidDataException($"models: unknown definition {@ref}");
            return type switch
            {
                "string" => format is "date-time" or "date" ? ModelType.Date : ModelType.String,
                "integer" => format == "int32" ? ModelType.Int : ModelType.Long,
                "number" => ModelType.Double,
                "boolean" => ModelType.Bool,
                "array" => ModelType.ListOf(items is null ? ModelType.JToken : TypeOfRef(items)),
                "object" when additional is not null => ModelType.MapOf(TypeOfRef(additional)),
                "object" or null => nested ? ModelType.JToken : ModelType.JObject,
                _ => ModelType.JToken,
            };
        }
        ModelType TypeOfRef(TypeRef t) => TypeOf(t.Ref, t.Type, t.Format, t.Items, t.AdditionalProperties, nested: true);
        ModelType PageItem(Definition page)
        {
            var content = page.Properties.Single(p => p.Name == "content");
            return content.Items is null ? ModelType.JToken : TypeOfRef(content.Items);
        }

        foreach (var name in defs.Keys)
            plan.Definitions[name] = new DefinitionMapping(name, kinds[name], TypeOfDefinition(name));

        // 4. The classes and their properties.
        var enumNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var def in classDefs.OrderBy(d => classNames[d], StringComparer.Ordinal))
        {
            var definition = defs[def];
            var className = classNames[def];
            var isPage = IsPage(definition);
            var model = new ModelClass
            {
                Name = className,
                Definition = def,
                Discriminator = kinds[def] == MappingKind.FoldedBase ? definition.Discriminator : null,
                FoldedSubtypes = foldedInto.Where(f => f.Value == def).Select(f => f.Key).OrderBy(s => s, StringComparer.Ordinal).ToList(),
                PageItem = isPage ? PageItem(definition) : null,
            };

            // The schema properties: the class's own, its flattened bases', its folded subtypes'.
            var schema = new SortedDictionary<string, List<Property>>(StringComparer.Ordinal);
            void Collect(string d, HashSet<string> seen)
            {
                if (!seen.Add(d)) return;
                foreach (var b in defs[d].Bases ?? []) if (!foldedBases.Contains(b) || d == def) Collect(b, seen);
                foreach (var p in defs[d].Properties)
                {
                    if (isPage && PageFields.Contains(p.Name)) continue; // Page<X> has them
                    if (!schema.TryGetValue(p.Name, out var list)) schema[p.Name] = list = new();
                    list.Add(p);
                }
            }
            var seenDefs = new HashSet<string>(StringComparer.Ordinal);
            Collect(def, seenDefs);
            foreach (var s in model.FoldedSubtypes) Collect(s, seenDefs);

            var memberNames = new HashSet<string>(StringComparer.Ordinal) { className, "ToString", "GetType", "Equals", "GetHashCode" };
            if (isPage) memberNames.UnionWith(["Content", "PageNumber", "PageSize", "NumberOfElements", "TotalElements", "TotalPages"]);
            foreach (var (apiName, versions) in schema)
            {
                var p = versions[0];
                var pascal = overrides.Properties.TryGetValue($"{def}.{apiName}", out var po) ? po.Name : ModelNames.Pascal(apiName);
                if (pascal == className) pascal += "Value";
                var types = versions.Select(v => TypeOf(v.Ref, v.Type, v.Format, v.Items, v.AdditionalProperties, nested: false)).Distinct().ToList();
                var enumValues = versions.SelectMany(v => v.Enum ?? v.Items?.Enum ?? EnumOfRef(defs, v.Ref) ?? []).Distinct(StringComparer.Ordinal).ToList();
                ModelProperty property;
                if (types.Count == 1 && enumValues.Count > 0 && (types[0].Kind == TypeKind.String || types[0] is { Kind: TypeKind.List, Element.Kind: TypeKind.String }))
                {
                    var enumName = className + pascal;
                    if (enumNames.Contains(enumName) || taken.Contains(enumName)) enumName += "Enum";
                    if (enumNames.Contains(enumName) || taken.Contains(enumName))
                        throw new InvalidDataException($"models: enum {enumName} of {def}.{apiName} clashes: name the property in api/model-names.json");
                    enumNames.Add(enumName);
                    var e = new ModelEnum { Name = enumName, Definition = def, ApiProperty = apiName };
                    var members = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                    foreach (var v in enumValues)
                    {
                        var member = ModelNames.EnumMember(v);
                        for (var i = 2; !members.Add(member.TrimStart('@')); i++) member = ModelNames.EnumMember(v) + "_" + i;
                        e.Members.Add(new EnumMember(v, member));
                    }
                    model.Enums.Add(e);
                    property = new ModelProperty
                    {
                        ApiName = apiName, Name = pascal + "Text", Type = types[0], Enum = e, EnumPropertyName = pascal,
                        EnumArray = types[0].Kind == TypeKind.List,
                    };
                }
                else
                {
                    property = new ModelProperty { ApiName = apiName, Name = pascal, Type = types.Count == 1 ? types[0] : ModelType.JToken };
                }
                foreach (var n in new[] { property.Name, property.EnumPropertyName })
                    if (n is not null && !memberNames.Add(n))
                        throw new InvalidDataException($"models: {className}.{n} ({def}.{apiName}) is taken: name the property in api/model-names.json");
                model.Properties.Add(property);
            }

            var parts = new List<string>();
            foreach (var candidate in ToStringCandidates)
            {
                var p = model.Properties.FirstOrDefault(x => string.Equals(x.ApiName, candidate, StringComparison.OrdinalIgnoreCase));
                if (p is null) continue;
                if (p.Type.Kind == TypeKind.String) parts.Add(p.Name);
                else if (p.Type.Kind is TypeKind.Int or TypeKind.Long) parts.Add($"{p.Name}?.ToString(global::System.Globalization.CultureInfo.InvariantCulture)");
            }
            if (parts.Count > 0) model.ToStringExpression = string.Join(" ?? ", parts) + $" ?? nameof({className})";
            plan.Classes.Add(model);
        }
        return plan;
    }

    private static List<string>? EnumOfRef(IDictionary<string, Definition> defs, string? @ref) =>
        @ref is not null && defs.TryGetValue(@ref, out var d) ? d.Enum : null;

    private static bool IsPage(Definition d) =>
        PageFields.All(f => d.Properties.Any(p => p.Name == f)) && d.Properties.First(p => p.Name == "content").Type == "array";
}
