namespace PhraseTms.ContractStub.Description;

/// <summary>
/// A definition with its allOf family resolved: the fields it may carry (its own, its bases', and — because a value
/// of a base type may be any subtype — its subtypes'), the ones it must carry (its own and its bases'), and whether it
/// is free-form (no properties anywhere: InputStream, ObjectReference).
/// </summary>
public sealed class DefinitionShape
{
    public required string Name { get; init; }
    public required ApiDefinition Definition { get; init; }
    /// <summary>Own and base properties, in order (the fields a sample of this type fills).</summary>
    public required IReadOnlyList<ApiProperty> Own { get; init; }
    /// <summary>Every field accepted, by name (own and bases first, then subtypes').</summary>
    public required IReadOnlyDictionary<string, ApiProperty> Accepted { get; init; }
    public bool FreeForm => Accepted.Count == 0;
}

/// <summary>Builds and caches <see cref="DefinitionShape"/>s.</summary>
public sealed class Shapes
{
    private readonly ApiDescription _api;
    private readonly Dictionary<string, DefinitionShape> _cache = [];

    public Shapes(ApiDescription api) => _api = api;

    public ApiDescription Api => _api;

    public DefinitionShape? Of(string name)
    {
        lock (_cache)
        {
            if (_cache.TryGetValue(name, out var cached)) return cached;
            if (_api.Definition(name) is not { } def) return null;
            var own = new List<ApiProperty>();
            CollectUp(name, own, []);
            var accepted = new Dictionary<string, ApiProperty>();
            foreach (var p in own) accepted.TryAdd(p.Name, p);
            CollectDown(name, accepted, []);
            return _cache[name] = new DefinitionShape { Name = name, Definition = def, Own = own, Accepted = accepted };
        }
    }

    private void CollectUp(string name, List<ApiProperty> into, HashSet<string> seen)
    {
        if (!seen.Add(name) || _api.Definition(name) is not { } def) return;
        foreach (var b in def.Bases ?? []) CollectUp(b, into, seen);
        foreach (var p in def.Properties)
            if (into.All(q => q.Name != p.Name)) into.Add(p);
    }

    private void CollectDown(string name, Dictionary<string, ApiProperty> into, HashSet<string> seen)
    {
        if (!seen.Add(name) || _api.Definition(name) is not { } def) return;
        foreach (var s in def.Subtypes ?? [])
        {
            if (_api.Definition(s) is not { } sub) continue;
            foreach (var p in sub.Properties) into.TryAdd(p.Name, p);
            CollectDown(s, into, seen);
        }
    }
}
