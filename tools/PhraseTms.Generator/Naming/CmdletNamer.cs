using PhraseTms.Generator.Model;

namespace PhraseTms.Generator.Naming;

// Names every operation's cmdlet: Verb-PhraseTms<Noun>, by the rules below, then the override table.
//
//   method / action                                   verb
//   GET                                               Get     (Save when the answer is a file)
//   POST to a collection                              New     (Add when its items have no ids there: a project's
//                                                              targetLangs; Save when the answer is a file)
//   PUT / PATCH / DELETE                              Set / Update / Remove
//   an action segment (setStatus, clone, search …)    ActionVerbs' approved verb; Invoke-PhraseTms<Action><Noun>
//                                                     for an action with none (pseudoTranslate, replay)
//
// The noun is NounResolver's. One cmdlet per verb and noun; its operations are parameter sets: List (a page or
// array, or a Get's form beside its ById one), ById (the path ends with the resource's id), Batch (…/batch, …/bulk,
// or the same path without the id beside a ById form), By<X> (…/byLanguages), Default.
// Of several versions of one operation (same method, same path but /vN/), the newest is the cmdlet.
internal sealed class CmdletNamer
{
    public const string Prefix = "PhraseTms";

    private readonly ApiDescription _api;
    private readonly NamingOverrides _overrides;
    private readonly NounResolver _nouns;

    public CmdletNamer(ApiDescription api, NamingOverrides overrides)
    {
        _api = api;
        _overrides = overrides;
        _nouns = new NounResolver(api.Operations.Select(o => o.Path), overrides);
    }

    // The rule's name and parameter set for one operation, before overrides and merging.
    public (string Verb, string Noun, string ParameterSet) Rule(Operation op)
    {
        var shape = PathShape.Parse(op.Path);
        var resourceNoun = _nouns.Noun(shape);
        var lastLiterals = shape.Resources.LastOrDefault()?.Literals ?? new List<string>();
        var byVariant = shape.Action is null && !shape.EndsWithParameter ? lastLiterals.LastOrDefault(NounResolver.IsByVariant) : null;
        var batch = lastLiterals.Any(l => l is "batch" or "bulk");
        string verb, noun;
        if (shape.Action is { } action && ActionVerbs.Find(action.Literal) is var (v, rest, actionWords))
        {
            verb = v.Name;
            var restNoun = Words.Pascal(DropRestatements(rest, shape));
            var qualifiers = string.Concat(shape.Qualifiers.Select(Words.PascalIdentifier));
            noun = v.InNoun
                ? Words.Pascal(actionWords) + qualifiers + resourceNoun + restNoun
                : resourceNoun + restNoun + (v.NounSuffix ?? "") + qualifiers;
        }
        else
        {
            verb = op.Method switch
            {
                "GET" => AnswersFile(op) ? "Save" : "Get",
                "POST" => AnswersFile(op) ? "Save" : _nouns.IsAttach(shape) ? "Add" : "New",
                "PUT" => "Set",
                "PATCH" => "Update",
                "DELETE" => "Remove",
                _ => "Invoke",
            };
            noun = resourceNoun;
        }
        noun = Singularizer.LastWord(noun);
        var set = byVariant is not null ? Singularizer.LastWord(Words.PascalIdentifier(byVariant))
            : verb == "Get" && (op.Paged || op.Response?.Schema?.Type == "array") ? "List"
            : batch ? "Batch"
            : shape.EndsWithParameter && shape.Action is null ? "ById"
            : "Default";
        return (verb, Prefix + noun, set);
    }

    // A file, not a JSON document: an octet-stream answer, or one only in other non-JSON types (text/html).
    private static bool AnswersFile(Operation op) =>
        op.BinaryResponse || op.Response?.MediaTypes is { Count: > 0 } m && m.All(t => Import.Text.ContentKind(t) is not ("json" or "*/*"));

    // "searchSegmentInProject" under projects/{p}: "InProject" says the parent again.
    private List<string> DropRestatements(List<string> rest, PathShape shape)
    {
        var nouns = shape.Resources.SelectMany(r => r.Literals).Select(_nouns.SegmentNoun).ToHashSet(StringComparer.Ordinal);
        var words = new List<string>(rest);
        for (var i = 0; i + 1 < words.Count; i++)
            if (words[i] is "By" or "In" or "For" or "To" or "With" && nouns.Contains(Words.Pascal(words[i + 1])))
            {
                words.RemoveRange(i, 2);
                i--;
            }
        if (words.Count > 0 && words[0] is "With" or "By") words.RemoveAt(0);
        return words;
    }

    public CommandMap Map()
    {
        var entries = new List<OperationEntry>();
        var byUnversioned = _api.Operations.GroupBy(o => (o.Method, PathShape.Unversioned(o.Path)))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(o => o.ApiVersion).First());
        foreach (var op in _api.Operations)
        {
            _overrides.Operations.TryGetValue(op.Key, out var o);
            var entry = new OperationEntry { Key = op.Key, Method = op.Method, Path = op.Path, Tag = op.Tag, Summary = op.Summary, Reason = o?.Reason };
            var newest = byUnversioned[(op.Method, PathShape.Unversioned(op.Path))];
            if (o?.SupersededBy is { } by) { entry.Status = OperationStatus.Superseded; entry.SupersededBy = by; }
            else if (newest != op && o?.Keep != true && o?.HandWritten != true) { entry.Status = OperationStatus.Superseded; entry.SupersededBy = newest.Key; }
            else
            {
                var (verb, noun, set) = Rule(op);
                entry.Cmdlet = o?.Cmdlet ?? $"{verb}-{noun}";
                entry.ParameterSet = o?.ParameterSet ?? set;
                entry.Status = o?.HandWritten == true ? OperationStatus.HandWritten : OperationStatus.Generate;
            }
            entries.Add(entry);
        }
        NameBatchSets(entries);
        foreach (var e in entries.Where(e => e.Status == OperationStatus.Generate))
            e.Parameters = ParameterNamer.For(_api.Operations.Single(o => o.Key == e.Key), _api, _overrides, e.ParameterSet!);

        var cmdlets = entries.Where(e => e.Cmdlet is not null).GroupBy(e => e.Cmdlet!).Select(g => new CmdletEntry
        {
            Name = g.Key,
            Verb = g.Key[..g.Key.IndexOf('-')],
            Noun = g.Key[(g.Key.IndexOf('-') + 1)..],
            Tag = g.First().Tag,
            HandWritten = g.Any(e => e.Status == OperationStatus.HandWritten),
            ParameterSets = g.Select(e => new ParameterSetEntry { Name = e.ParameterSet!, Operation = e.Key })
                .OrderBy(s => s.Name, StringComparer.Ordinal).ToList(),
        }).OrderBy(c => c.Noun, StringComparer.Ordinal).ThenBy(c => c.Verb, StringComparer.Ordinal).ToList();

        return new CommandMap
        {
            Comment = "Generated from api/phrase-tms.api.json and api/naming-overrides.json by " +
                      "`dotnet run --project tools/PhraseTms.Generator -- generate-docs`; do not edit by hand.",
            Counts = new CommandMapCounts
            {
                Operations = entries.Count,
                Cmdlets = cmdlets.Count,
                ParameterSets = cmdlets.Sum(c => c.ParameterSets.Count),
                Generated = entries.Count(e => e.Status == OperationStatus.Generate),
                HandWritten = entries.Count(e => e.Status == OperationStatus.HandWritten),
                Superseded = entries.Count(e => e.Status == OperationStatus.Superseded),
                Unmapped = entries.Count(e => e.Cmdlet is null && e.SupersededBy is null),
            },
            Cmdlets = cmdlets,
            Operations = entries,
        };
    }

    // Within one cmdlet: of two Default forms that differ only by an id in the path, the one with the id is ById
    // (…/jobs/{jobUid}/copySourceToTarget beside …/jobs/copySourceToTarget). Beside a ById form, a Get's other
    // form is List (GET /connectors beside GET /connectors/{connectorId}), and another verb's form on the same
    // path without the id is Batch (DELETE /customFileTypes beside DELETE /customFileTypes/{uid}).
    private void NameBatchSets(List<OperationEntry> entries)
    {
        static string Literals(string path) => System.Text.RegularExpressions.Regex.Replace(PathShape.Unversioned(path), @"/\{\}", "");
        static int Ids(string path) => path.Count(c => c == '{');
        foreach (var g in entries.Where(e => e.Cmdlet is not null && e.Status == OperationStatus.Generate).GroupBy(e => e.Cmdlet))
        {
            var defaults = g.Where(e => e.ParameterSet == "Default").ToList();
            foreach (var e in defaults.Where(e => !OverridesSet(e)).ToList())
                if (defaults.Any(o => o != e && Literals(o.Path) == Literals(e.Path) && Ids(e.Path) > Ids(o.Path))) e.ParameterSet = "ById";
            var byId = g.Where(e => e.ParameterSet == "ById").Select(e => Literals(e.Path)).ToHashSet(StringComparer.Ordinal);
            if (byId.Count == 0) continue;
            var isGet = g.Key!.StartsWith("Get-", StringComparison.Ordinal);
            foreach (var e in g.Where(e => e.ParameterSet == "Default" && !OverridesSet(e)))
                if (isGet) e.ParameterSet = "List";
                else if (byId.Contains(Literals(e.Path))) e.ParameterSet = "Batch"; // DELETE …/concepts beside DELETE …/concepts/{id}
        }
        bool OverridesSet(OperationEntry e) => _overrides.Operations.TryGetValue(e.Key, out var o) && o.ParameterSet is not null;
    }

    // What breaks a convention: each is a line a test prints and fails on.
    public static List<string> Problems(CommandMap map)
    {
        var problems = new List<string>();
        var handWritten = HandWrittenCmdlets.Names.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var c in map.Cmdlets)
        {
            if (!ApprovedVerbs.All.Contains(c.Verb)) problems.Add($"{c.Name}: '{c.Verb}' is not an approved verb");
            if (BuiltinCommands.All.Contains(c.Name)) problems.Add($"{c.Name}: shadows a PowerShell command");
            if (!c.HandWritten && !c.Noun.StartsWith(Prefix, StringComparison.Ordinal)) problems.Add($"{c.Name}: the noun lacks the {Prefix} prefix");
            if (!c.HandWritten && c.Noun == Prefix) problems.Add($"{c.Name}: no noun after the prefix");
            if (c.HandWritten != handWritten.Contains(c.Name))
                problems.Add(c.HandWritten ? $"{c.Name}: marked hand-written but the module has no such cmdlet" : $"{c.Name}: the name of a hand-written cmdlet");
            if (c.HandWritten && c.ParameterSets.Any(s => map.Operations.Single(o => o.Key == s.Operation).Status == OperationStatus.Generate))
                problems.Add($"{c.Name}: a hand-written cmdlet cannot also be generated");
            foreach (var dup in c.ParameterSets.GroupBy(s => s.Name).Where(g => g.Count() > 1))
                problems.Add($"{c.Name}: parameter set {dup.Key} twice: {string.Join(", ", dup.Select(s => s.Operation))}");
        }
        foreach (var dup in map.Cmdlets.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            problems.Add($"{dup.Key}: two cmdlets differ only in case");
        foreach (var e in map.Operations)
        {
            if (e.Cmdlet is null && e.SupersededBy is null) problems.Add($"{e.Key}: no cmdlet");
            if (e.SupersededBy is { } by && map.Operations.FirstOrDefault(o => o.Key == by) is var target && target?.Cmdlet is null)
                problems.Add($"{e.Key}: superseded by {by}, which {(target is null ? "does not exist" : "has no cmdlet either")}");
            foreach (var dup in e.Parameters?.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1) ?? [])
                problems.Add($"{e.Key}: two parameters named {dup.Key}");
        }
        return problems;
    }

    public static string SummaryLine(CommandMap map) =>
        $"Naming: {map.Counts.Operations} operations → {map.Counts.Cmdlets} cmdlets, {map.Counts.ParameterSets} parameter sets, " +
        $"{map.Counts.Unmapped} unmapped ({map.Counts.Generated} to generate, {map.Counts.HandWritten} hand-written, {map.Counts.Superseded} superseded)";
}
