namespace PhraseTms.Generator.Naming;

// Decides when a resource's noun needs its parent's. A noun is bare where it is a first-class entity at home:
// it has ids, it also stands at the top of some path, and this is the place with the most operations under it.
// Everywhere else it is qualified by its parent's noun:
//   /projects/{p}/jobs/{j} → Job          (home; /jobs/{jobUid}/… exists too)
//   /users/{u}/jobs        → UserJob      (not home)
//   /termBases/{t}/concepts/{c} → TermBaseConcept, /projects/{p}/accessSettings → ProjectAccessSettings (no top)
internal sealed class NounResolver
{
    private readonly Dictionary<string, string?> _home = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _entityLocations = new(StringComparer.Ordinal);
    private readonly HashSet<string> _topLevel = new(StringComparer.Ordinal);
    private readonly NamingOverrides _overrides;

    public NounResolver(IEnumerable<string> paths, NamingOverrides overrides)
    {
        _overrides = overrides;
        var all = paths.ToList();
        var unversioned = all.Select(PathShape.Unversioned).ToList();
        var locations = _entityLocations;
        foreach (var path in all)
        {
            var shape = PathShape.Parse(path);
            if (shape.Segments.Count > 0) _topLevel.Add(shape.Segments[0].Literal);
            foreach (var r in shape.Resources.Where(r => r.HasId))
                (locations.TryGetValue(r.Signature, out var set) ? set : locations[r.Signature] = new HashSet<string>(StringComparer.Ordinal)).Add(r.Location);
        }
        foreach (var (signature, places) in locations)
        {
            var ranked = places.Select(l => (Location: l, Count: unversioned.Count(p => p == l || p.StartsWith(l + "/", StringComparison.Ordinal))))
                .OrderByDescending(x => x.Count).ToList();
            _home[signature] = ranked.Count == 1 || ranked[0].Count > ranked[1].Count ? ranked[0].Location : null;
        }
    }

    public bool IsEntity(string signature) => _home.ContainsKey(signature);

    public bool IsHome(string signature, string location) =>
        _home.TryGetValue(signature, out var home) && home == location && _topLevel.Contains(signature.Split('/')[0]);

    public string SegmentNoun(string literal) =>
        _overrides.SegmentNouns.TryGetValue(literal, out var noun) ? noun : Singularizer.LastWord(Words.PascalIdentifier(literal));

    // One run of literals: the override's noun for the whole run ("conversations/lqas" → LqaConversation), or its
    // segments' nouns, each singular ("lqa/profiles" → LqaProfile); batch markers say nothing.
    public string RunNoun(IReadOnlyList<string> literals)
    {
        var words = literals.Where(l => !IsBatchMarker(l)).ToList();
        var signature = string.Join('/', words);
        return _overrides.SegmentNouns.TryGetValue(signature, out var noun) ? noun : string.Concat(words.Select(SegmentNoun));
    }

    // The resources a path names, the last run split where it begins with an entity ("jobs/webEditor" under a
    // project is the jobs entity and its webEditor): (noun, signature, location) from the first to the last.
    public List<(string Noun, string Signature, string Location)> Chain(PathShape shape)
    {
        var chain = new List<(string, string, string)>();
        for (var i = 0; i < shape.Resources.Count; i++)
        {
            var r = shape.Resources[i];
            var literals = r.Literals.Where(l => !IsBatchMarker(l)).ToList();
            var start = r.Location[..^string.Concat(r.Literals.Select(l => "/" + l)).Length];
            var split = i == shape.Resources.Count - 1 && !r.HasId && literals.Count > 1 && !_overrides.SegmentNouns.ContainsKey(string.Join('/', literals))
                ? Enumerable.Range(1, literals.Count - 1).Reverse().FirstOrDefault(k => IsEntity(string.Join('/', literals.Take(k))))
                : 0;
            if (split > 0)
            {
                var head = literals.Take(split).ToList();
                chain.Add((RunNoun(head), string.Join('/', head), start + string.Concat(head.Select(l => "/" + l))));
                literals = literals.Skip(split).ToList();
                start += string.Concat(head.Select(l => "/" + l));
            }
            if (literals.Count > 0) chain.Add((RunNoun(literals), string.Join('/', literals), start + string.Concat(literals.Select(l => "/" + l))));
        }
        return chain;
    }

    // The noun of the last resource of a path, qualified by its parent's unless it is at home.
    public string Noun(PathShape shape) => Noun(Chain(shape));

    public string Noun(List<(string Noun, string Signature, string Location)> chain)
    {
        if (chain.Count == 0) return "";
        var (noun, signature, location) = chain[^1];
        if (chain.Count == 1 || IsHome(signature, location)) return noun;
        var parent = chain[^2].Noun;
        return noun.StartsWith(parent, StringComparison.Ordinal) ? noun : parent + noun;
    }

    // A POST to a sub-collection without ids of its own here (a project's targetLangs, workflowSteps) attaches
    // to the parent (Add); where the collection's items have ids, it creates one (New).
    public bool IsAttach(PathShape shape)
    {
        var chain = Chain(shape);
        if (chain.Count < 2 || shape.EndsWithParameter) return false;
        var (_, signature, location) = chain[^1];
        return !(_entityLocations.TryGetValue(signature, out var places) && places.Contains(location));
    }

    // "jobs/batch", "analyses/bulk": the many-at-once form of an operation, not a resource.
    public static bool IsBatchMarker(string literal) => literal is "batch" or "bulk" || IsByVariant(literal);

    // "analyses/byLanguages": a variant of the parent's operation, a parameter set (ByLanguage), not a resource.
    public static bool IsByVariant(string literal) => literal.Length > 2 && literal.StartsWith("by", StringComparison.Ordinal) && char.IsUpper(literal[2]);
}
