using PhraseTms.Generator;
using PhraseTms.Generator.Import;
using PhraseTms.Generator.Docs;
using PhraseTms.Generator.Model;
using PhraseTms.Generator.Models;
using PhraseTms.Generator.Naming;

// dotnet run --project tools/PhraseTms.Generator -- import <swagger-or-openapi file> [--out api/phrase-tms.api.json]
//                                                   generate-docs [--out docs/commands.md]   (+ api/command-map.json)
//                                                   names                                    (the map, for editing rules)
//                                                   generate-models --out <folder>            (the build runs it: GenerateModels.targets)
try
{
    var root = RepoPaths.Root();
    string Option(string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? Path.GetFullPath(args[i + 1]) : fallback;
    }
    switch (args.FirstOrDefault())
    {
        case "import" when args.Length >= 2 && !args[1].StartsWith("--"):
        {
            var out_ = Option("--out", RepoPaths.Description(root));
            var description = Importer.ImportFile(args[1], RepoPaths.Supplement(root), out var notes);
            foreach (var note in notes) Console.Error.WriteLine("note: " + note);
            ApiJson.Write(out_, description);
            Console.WriteLine(Importer.SummaryLine(description));
            Console.WriteLine($"Wrote {Path.GetRelativePath(root, out_)}");
            return 0;
        }
        case "generate-docs":
        {
            var map = CommandMapBuilder.FromRepository(root);
            var problems = CmdletNamer.Problems(map);
            foreach (var p in problems) Console.Error.WriteLine("naming: " + p);
            if (problems.Count > 0) return 1; // a broken convention is fixed in the rules or api/naming-overrides.json
            var doc = Option("--out", RepoPaths.CommandsDoc(root));
            File.WriteAllText(doc, CommandsDocWriter.Write(map, PhraseTms.Generator.Cmdlets.CmdletPlanner.FromRepository(root).Planned), new System.Text.UTF8Encoding(false));
            ApiJson.Write(RepoPaths.CommandMap(root), map);
            Console.WriteLine(CmdletNamer.SummaryLine(map));
            Console.WriteLine($"Wrote {Path.GetRelativePath(root, doc)} and {Path.GetRelativePath(root, RepoPaths.CommandMap(root))}");
            return 0;
        }
        case "generate-models":
        {
            // Run by the build of src/PhraseTms.Client (tools/PhraseTms.Generator/build/GenerateModels.targets) into its
            // obj/ folder: the repository holds the description and this generator, never their output.
            var i = Array.IndexOf(args, "--out");
            if (i < 0 || i + 1 >= args.Length) { Console.Error.WriteLine("usage: generate-models --out <folder>"); return 2; }
            var plan = ModelPlanner.FromRepository(root);
            var written = ModelCodeWriter.WriteTo(plan, Path.GetFullPath(args[i + 1]));
            Console.WriteLine(plan.SummaryLine() + $"; {written} files in {args[i + 1]}");
            return 0;
        }
        case "generate-cmdlets":
        {
            // Run by the build of src/PhraseTms (tools/PhraseTms.Generator/build/GenerateCmdlets.targets) into its obj/
            // folder: the cmdlet classes, with --docs their help pages, with --manifest the module's manifest.
            var i = Array.IndexOf(args, "--out");
            if (i < 0 || i + 1 >= args.Length) { Console.Error.WriteLine("usage: generate-cmdlets --out <folder> [--docs <folder>] [--manifest <out psd1>]"); return 2; }
            var plan = PhraseTms.Generator.Cmdlets.CmdletPlanner.FromRepository(root);
            var written = GeneratedFiles.WriteTo(PhraseTms.Generator.Cmdlets.CmdletCodeWriter.Write(plan), Path.GetFullPath(args[i + 1]), "*.g.cs");
            var docs = Array.IndexOf(args, "--docs");
            if (docs >= 0 && docs + 1 < args.Length)
                GeneratedFiles.WriteTo(PhraseTms.Generator.Cmdlets.CmdletCodeWriter.WriteDocs(plan), Path.GetFullPath(args[docs + 1]), "*.md");
            var manifest = Array.IndexOf(args, "--manifest");
            if (manifest >= 0 && manifest + 1 < args.Length)
                PhraseTms.Generator.Cmdlets.ManifestWriter.WriteTo(root, plan, Path.GetFullPath(args[manifest + 1]));
            Console.WriteLine(plan.SummaryLine() + $"; {written} files in {args[i + 1]}");
            return 0;
        }
        case "names":
        {
            // A quick look while editing the rules: operation, cmdlet, parameter set; then what breaks a convention.
            var map = CommandMapBuilder.FromRepository(root);
            foreach (var e in map.Operations)
                Console.WriteLine($"{e.Key,-95} {e.Cmdlet ?? "superseded by " + e.SupersededBy} [{e.ParameterSet}]");
            foreach (var p in CmdletNamer.Problems(map)) Console.WriteLine("problem: " + p);
            Console.WriteLine(CmdletNamer.SummaryLine(map));
            return 0;
        }
        default:
            Console.Error.WriteLine("usage: import <swagger-or-openapi file> [--out api/phrase-tms.api.json]");
            Console.Error.WriteLine("       generate-docs [--out docs/commands.md]");
            Console.Error.WriteLine("       names");
            Console.Error.WriteLine("       generate-models --out <folder>");
            Console.Error.WriteLine("       generate-cmdlets --out <folder> [--docs <folder>] [--manifest <out psd1>]");
            return 2;
    }
}
catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or Newtonsoft.Json.JsonException or YamlDotNet.Core.YamlException)
{
    Console.Error.WriteLine("error: " + e.Message);
    return 1;
}
