using System.Text;
using PhraseTms.Generator.Naming;

namespace PhraseTms.Generator.Docs;

// docs/commands.md: every operation, one table row each, grouped by tag: method, path, cmdlet, parameter set.
internal static class CommandsDocWriter
{
    public const string Command = "dotnet run --project tools/PhraseTms.Generator -- generate-docs";

    public static string Write(CommandMap map) =>
        Write(map, Cmdlets.CmdletPlanner.FromRepository(RepoPaths.Root()).Planned);

    /// <summary><paramref name="planned"/>: the operations the cmdlet generator leaves for later, and why (its own rule).</summary>
    public static string Write(CommandMap map, IReadOnlyDictionary<string, string> planned)
    {
        var md = new StringBuilder();
        md.Append("# Commands: every Phrase TMS API operation and its cmdlet\n\n");
        md.Append("<!-- Generated from api/phrase-tms.api.json and api/naming-overrides.json; do not edit. Regenerate with\n");
        md.Append($"     `{Command}` (a test fails when this file is stale). -->\n\n");
        md.Append("Generated: the naming rules (tools/PhraseTms.Generator/Naming) applied to the project's description of the API, ");
        md.Append($"with the exceptions of `api/naming-overrides.json`. Regenerate with `{Command}`; ");
        md.Append("the same command writes `api/command-map.json`, this table for programs.\n\n");
        var c = map.Counts;
        md.Append($"{c.Operations} operations → {c.Cmdlets} cmdlets, {c.ParameterSets} parameter sets: ");
        md.Append($"{c.Generated} operations to generate, {c.HandWritten} hand-written (the module's own cmdlets: a generator skips them), ");
        md.Append($"{c.Superseded} superseded by a newer version or another operation, {c.Unmapped} unmapped.\n\n");
        md.Append("Parameter sets: **List** (a page or array: filters and paging), **ById** (the resource's id, bound by property name), ");
        md.Append("**Batch** (many at once), **By…** (a variant of the operation), **Default** (the only form), or an override's name. ");
        md.Append("An exception to the rules shows its reason in italics after the summary.\n\n");
        var generated = map.Operations.Count(o => o.Status == OperationStatus.Generate && !planned.ContainsKey(o.Key));
        md.Append($"**Status:** {generated} operations are generated cmdlets of the module (built from these rules at build time, ");
        md.Append("api/README.md \"Cmdlets\"; files are streamed: `-Path`/`-InputStream` for uploads, `-OutFile` for downloads)");
        if (planned.Count > 0)
            md.Append($"; a cmdlet marked *(planned)* is the name the generator will give its operation, not yet in the module ({planned.Count}: the row says why)");
        md.Append(". `Invoke-PhraseTmsRequest <Method> <Path>` calls any operation below through the same session, retries and errors.\n\n");
        md.Append("Hand-written cmdlets without an operation of their own: ");
        md.Append(string.Join("; ", HandWrittenCmdlets.WithoutOperation.Select(w => $"`{w.Name}` {w.What}"))).Append(".\n");

        foreach (var tag in map.Operations.GroupBy(o => o.Tag).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            md.Append($"\n## {tag.Key}\n\n");
            md.Append("| Method | Path | Cmdlet | Parameter set | Summary |\n| --- | --- | --- | --- | --- |\n");
            foreach (var o in tag)
            {
                var cmdlet = o.Status switch
                {
                    OperationStatus.Superseded => $"superseded by `{o.SupersededBy}`",
                    OperationStatus.HandWritten => $"`{o.Cmdlet}` (hand-written)",
                    _ when planned.TryGetValue(o.Key, out var why) => $"`{o.Cmdlet}` *(planned: {why})*",
                    _ => $"`{o.Cmdlet}`",
                };
                var note = o.Reason is { Length: > 0 } r ? $" — *{r}*" : ""; // an override's reason
                md.Append($"| {o.Method} | `{o.Path}` | {cmdlet} | {o.ParameterSet ?? ""} | {Cell(o.Summary + note)} |\n");
            }
        }
        return md.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|");
}
