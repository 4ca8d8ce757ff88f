using PhraseTms.HelpGen;

// dotnet PhraseTms.HelpGen.dll --docs <docs folder> --out <out/PhraseTms/en-US> [--xmldoc <PhraseTms.xml>] [--generated-docs <folder>]
// Run by the build (see PhraseTms.HelpGen.csproj). Exit code 1 and one "error PTHELP" line per problem when the
// documentation is incomplete; nothing is written then, so the build fails instead of shipping empty help.
string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var docs = Arg("--docs");
var output = Arg("--out");
if (docs is null || output is null)
{
    Console.Error.WriteLine("usage: PhraseTms.HelpGen --docs <folder> --out <folder> [--xmldoc <file>]");
    return 2;
}
var module = typeof(PhraseTms.Infrastructure.PhraseTmsCmdlet).Assembly;
var xml = XmlDocComments.Load(Arg("--xmldoc") ?? XmlDocComments.BesideAssembly(module));
var result = HelpGenerator.Generate(CmdletReflector.CmdletTypes(module), docs, xml, Arg("--generated-docs"));
foreach (var problem in result.Problems) Console.WriteLine(problem);
if (result.Problems.Count > 0)
{
    Console.WriteLine($"PhraseTms.HelpGen: error PTHELP: {result.Problems.Count} documentation problem(s); help not written (see docs/README.md).");
    return 1;
}
HelpGenerator.WriteTo(result, output);
Console.WriteLine($"PhraseTms help: {result.Commands.Count} cmdlets, {result.AboutTopics.Count} about topic(s) -> {output}");
return 0;
