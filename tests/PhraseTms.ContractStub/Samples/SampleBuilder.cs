using Newtonsoft.Json.Linq;
using PhraseTms.ContractStub.Description;
using PhraseTms.ContractStub.Validation;

namespace PhraseTms.ContractStub.Samples;

/// <summary>
/// Builds a deterministic value of a type: every property filled (read-only ones left out of requests), arrays of 2,
/// maps of 1 entry, definitions nested to <see cref="MaxRefDepth"/> with cycles cut (a cut property is left out).
/// Each object gets the next number, and its scalars carry it (<c>name-3</c>, 3, uid <c>Stub…0003</c>).
/// A base type with a discriminator is built as the subtype its discriminator value names, when there is one.
/// </summary>
public sealed class SampleBuilder
{
    public const int MaxRefDepth = 4;
    private const int ArrayLength = 2;

    private readonly Shapes _shapes;

    public SampleBuilder(Shapes shapes) => _shapes = shapes;

    /// <summary>A value of <paramref name="type"/>; objects are numbered from <paramref name="firstNumber"/>.</summary>
    public JToken Build(ApiType type, string name, JsonDirection direction, int firstNumber = 1) =>
        new Run(_shapes, direction, firstNumber).Value(type, name, 0, 1) ?? JValue.CreateNull();

    private sealed class Run(Shapes shapes, JsonDirection direction, int next)
    {
        private readonly Stack<string> _open = new();
        private int _next = next;

        public JToken? Value(ApiType type, string name, int depth, int n)
        {
            if (type.Ref is { } r) return Object(r, depth);
            return type.Type switch
            {
                "string" => SampleValues.String(type, name, n),
                "integer" => SampleValues.Integer(type, n),
                "number" => SampleValues.Number(type, n),
                "boolean" => true,
                "array" => Array(type.Items, name, depth),
                "object" => Map(type.AdditionalProperties, name, depth, n),
                _ => $"{name}-{n}",
            };
        }

        private JArray Array(ApiType? items, string name, int depth)
        {
            var array = new JArray();
            if (items is null) return array;
            for (var i = 1; i <= ArrayLength; i++)
                if (Value(items, name, depth, i) is { } v) array.Add(v); // objects number themselves; scalars 1, 2
            return array;
        }

        private JObject Map(ApiType? values, string name, int depth, int n)
        {
            var map = new JObject();
            var v = values is null ? (JToken)$"value-{n}" : Value(values, name, depth, n);
            if (v is not null) map[$"key-{n}"] = v;
            return map;
        }

        private JObject? Object(string name, int depth)
        {
            if (shapes.Of(name) is not { } shape) return null;
            if (depth >= MaxRefDepth || _open.Contains(name)) return null;
            _open.Push(name);
            var n = _next++;
            var obj = new JObject();
            var properties = shape.Own.ToList();
            var discriminator = shape.Definition.Discriminator;
            foreach (var p in properties.ToList())
            {
                if (p.Name != discriminator) continue;
                var tag = p.Enum is { Count: > 0 } e ? e[0] : shape.Definition.Subtypes?.FirstOrDefault();
                if (tag is null) continue;
                if (direction == JsonDirection.Response || !p.ReadOnly) obj[p.Name] = tag;
                if (shape.Definition.Subtypes?.Contains(tag) == true && shapes.Of(tag) is { } sub)
                    properties.AddRange(sub.Own.Where(q => properties.All(x => x.Name != q.Name)));
            }
            foreach (var p in properties)
            {
                if (obj.ContainsKey(p.Name) || (direction == JsonDirection.Request && p.ReadOnly)) continue;
                if (shape.Name.StartsWith("AsyncResponse", StringComparison.Ordinal) && p.Name.StartsWith("error", StringComparison.Ordinal))
                    continue; // a filled errorCode would make every async request a failed one
                if (Value(p, p.Name, depth + 1, n) is { } v) obj[p.Name] = v;
            }
            if (shape.FreeForm && shape.Definition.AdditionalProperties is { } values && Value(values, "value", depth + 1, n) is { } entry)
                obj[$"key-{n}"] = entry;
            _open.Pop();
            return obj;
        }
    }
}
