using PhraseTms.Generator.Cmdlets;
using PhraseTms.Generator.Model;
using PhraseTms.Generator.Naming;

namespace PhraseTms.Generator.Models;

// The properties the generated cmdlets' pipelines need that no definition has (api/README.md, "Cmdlets"):
//  - the items of a list read under path parameters carry them (the jobs of a project: ProjectUid), filled by the
//    cmdlet from its own path values;
//  - what a Get- cmdlet with a ById set writes (its ById answer and its List items) carries its own uid/id under the
//    name of that set's id parameter (a project: ProjectUid => Uid), so it binds to the next cmdlet by property name.
// A class that has a property of that name already keeps it. Generated operations only (CmdletPlanner.Excluded).
internal static class PipelineLinks
{
    public static void Apply(ModelPlan plan, ApiDescription api, CommandMap map)
    {
        var ops = api.Operations.ToDictionary(o => o.Key, StringComparer.Ordinal);
        var classes = plan.Classes.ToDictionary(c => c.Definition, StringComparer.Ordinal);
        var generated = map.Operations.Where(e => e.Status == OperationStatus.Generate && e.Cmdlet is not null && CmdletPlanner.Excluded(ops[e.Key]) is null).ToList();

        void Add(string? definition, string name, string? aliasOf)
        {
            if (definition is null || !classes.TryGetValue(definition, out var c)) return;
            if (c.Properties.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase) || string.Equals(p.EnumPropertyName, name, StringComparison.OrdinalIgnoreCase))) return;
            if (c.PipelineProperties.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))) return;
            if (aliasOf is not null)
            {
                var own = c.Properties.FirstOrDefault(p => string.Equals(p.Name, aliasOf, StringComparison.Ordinal));
                if (own is null) return;
                aliasOf = own.Type.Kind == TypeKind.String ? own.Name : own.Name + "?.ToString()";
            }
            c.PipelineProperties.Add(new PipelineProperty(name, aliasOf));
        }

        foreach (var e in generated)
        {
            var op = ops[e.Key];
            if (!op.Paged) continue;
            foreach (var p in op.Parameters.Where(p => p.In == "path"))
                Add(op.PageItem, Pascal(p.Name), null);
        }
        // What an upload created (the jobs of JobListDto, beside its async request and texts) carries the path values it
        // was created under and its own uid under the collection's id name (/projects/{projectUid}/jobs: JobUid), so
        // New-PhraseTmsJob | Set-PhraseTmsJobStatus binds as Get-PhraseTmsJob's objects do.
        foreach (var e in generated)
        {
            var op = ops[e.Key];
            if (!op.Upload || op.Response?.Schema?.Ref is not { } answer || !api.Definitions.TryGetValue(answer, out var d)) continue;
            var arrays = d.Properties.Where(p => p.Type == "array" && p.Items?.Ref is not null).ToList();
            if (arrays.Count != 1 || !d.Properties.All(p => p == arrays[0] || p.Name == "asyncRequest" || (p.Type == "array" && p.Items?.Type == "string"))) continue;
            var item = arrays[0].Items!.Ref;
            foreach (var p in op.Parameters.Where(p => p.In == "path")) Add(item, Pascal(p.Name), null);
            var collection = op.Path.Split('/').Last();
            if (!collection.StartsWith('{')) Add(item, Pascal(Singularizer.Word(collection)) + "Uid", "Uid");
        }
        foreach (var cmdlet in generated.Where(e => e.Method == "GET").GroupBy(e => e.Cmdlet!, StringComparer.Ordinal))
        {
            var byId = cmdlet.FirstOrDefault(e => e.ParameterSet == "ById");
            if (byId is null) continue;
            var idParam = ops[byId.Key].Parameters.LastOrDefault(p => p.In == "path");
            if (idParam is null) continue;
            var own = idParam.Name.EndsWith("Uid", StringComparison.Ordinal) ? "Uid" : idParam.Name.EndsWith("Id", StringComparison.Ordinal) ? "Id" : null;
            if (own is null) continue;
            var name = Pascal(idParam.Name);
            Add(ops[byId.Key].Response?.Schema?.Ref, name, own);
            foreach (var list in cmdlet.Where(x => x.ParameterSet == "List"))
                Add(ops[list.Key].PageItem, name, own);
        }
        foreach (var c in plan.Classes) c.PipelineProperties.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
    }

    private static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name[1..];
}
