using Newtonsoft.Json.Linq;
using PhraseTms.Generator.Model;

namespace PhraseTms.Generator.Import;

// JSON Schema as Swagger 2.0 and OpenAPI 3.x use it, read into TypeRef / Definition / Property.
internal static class SchemaReader
{
    public static TypeRef? Type(JToken? schema)
    {
        if (schema is not JObject s) return null;
        if (s["$ref"] is JValue r) return new TypeRef { Ref = Text.RefName((string)r!) };
        // allOf with a single $ref is how OpenAPI 3.0 attaches a description to a reference.
        if (s["allOf"] is JArray { Count: 1 } one && one[0]["$ref"] is JValue r1) return new TypeRef { Ref = Text.RefName((string)r1!) };
        var type = TypeName(s);
        return new TypeRef
        {
            Type = type,
            Format = (string?)s["format"],
            Items = type == "array" ? Type(s["items"]) : null,
            AdditionalProperties = s["additionalProperties"] is JObject ap ? Type(ap) ?? new TypeRef { Type = "object" } : null,
            Enum = Enum(s["enum"]),
        };
    }

    public static Definition Definition(JObject s)
    {
        var def = new Definition { Type = TypeName(s) ?? "object", Description = Text.FirstSentence((string?)s["description"]), Enum = Enum(s["enum"]) };
        var discriminator = s["discriminator"];
        def.Discriminator = discriminator is JObject d ? (string?)d["propertyName"] : (string?)discriminator;
        var parts = s["allOf"] is JArray all ? all.OfType<JObject>().ToList() : new List<JObject> { s };
        if (s["allOf"] is JArray) parts.Insert(0, s); // properties may sit next to allOf too
        foreach (var part in parts)
        {
            if (part["$ref"] is JValue r) { (def.Bases ??= new()).Add(Text.RefName((string)r!)); continue; }
            var required = new HashSet<string>((part["required"] as JArray)?.Values<string>().OfType<string>() ?? []);
            if (part["properties"] is JObject props)
                foreach (var p in props.Properties())
                    def.Properties.Add(Property(p.Name, (JObject)p.Value, required.Contains(p.Name)));
            if (part["additionalProperties"] is JObject ap) def.AdditionalProperties = Type(ap);
            if (def.Discriminator is null && part["discriminator"] is JToken pd)
                def.Discriminator = pd is JObject o ? (string?)o["propertyName"] : (string?)pd;
        }
        def.Properties.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return def;
    }

    private static Property Property(string name, JObject s, bool required)
    {
        var t = Type(s)!;
        return new Property
        {
            Name = name,
            Ref = t.Ref,
            Type = t.Type,
            Format = t.Format,
            Items = t.Items,
            AdditionalProperties = t.AdditionalProperties,
            Enum = t.Enum,
            Required = required,
            ReadOnly = (bool?)s["readOnly"] ?? false,
            Minimum = (decimal?)s["minimum"],
            Maximum = (decimal?)s["maximum"],
            MinLength = (int?)s["minLength"],
            MaxLength = (int?)s["maxLength"],
            Description = Text.FirstSentence((string?)s["description"]),
        };
    }

    // OpenAPI 3.1 writes nullable types as ["string", "null"]: the non-null one is the type.
    private static string? TypeName(JObject s) => s["type"] switch
    {
        JArray a => a.Values<string>().FirstOrDefault(t => t != "null"),
        JValue v => (string?)v,
        _ => s["properties"] is not null ? "object" : null,
    };

    public static List<string>? Enum(JToken? values) =>
        values is JArray a ? a.Where(v => v.Type != JTokenType.Null).Select(v => v.ToString()).ToList() : null;
}
