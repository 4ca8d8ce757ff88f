using System.Collections;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PhraseTms.Client.Serialization;
using PhraseTms.Generator.Models;

namespace PhraseTms.Generator.Tests;

// What the committed description does not exercise (values that are no identifiers, keywords, a class-named
// property, subtypes that disagree), compiled with Roslyn against PhraseTms.Client and read with PhraseJson.
// (CS1701/CS1702, assembly unification, are ignored as the SDK ignores them; CS0436 would be a name also in the client.)
public class ModelCompileTests
{
    [Fact]
    public void The_code_of_a_made_up_description_compiles_and_maps_sanitized_enum_values_by_their_text()
    {
        var files = ModelCodeWriter.Write(ModelPlanner.Plan(ModelPlanTests.Synthetic(), new ModelNameOverrides()));
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Value, new CSharpParseOptions(LanguageVersion.Latest), f.Key));
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(PhraseJson).Assembly.Location).Append(typeof(Newtonsoft.Json.JsonConvert).Assembly.Location)
            .Distinct().Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("SyntheticModels", trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id is not ("CS0436" or "CS1701" or "CS1702")).Select(d => d.ToString()).ToList();
        Assert.True(result.Success && problems.Count == 0, string.Join("\n", problems));

        var assembly = Assembly.Load(image.ToArray());
        var thing = assembly.GetType("PhraseTms.Client.Models.Thing")!;
        object Read(string json) => typeof(PhraseJson).GetMethod(nameof(PhraseJson.Deserialize), [typeof(ReadOnlyMemory<byte>)])!
            .MakeGenericMethod(thing).Invoke(null, [new ReadOnlyMemory<byte>(Encoding.UTF8.GetBytes(json))])!;
        string? Kind(string value) => thing.GetProperty("Kind")!.GetValue(Read($$"""{"kind":"{{value}}"}"""))?.ToString();
        Assert.Equal("en_US", Kind("en-US"));
        Assert.Equal("_1ST", Kind("1ST"));
        Assert.Equal("default", Kind("default"));
        Assert.Equal("ok", Kind("OK"));         // ApiEnum ignores case, as for the hand-written models
        Assert.Null(Kind("en_GB"));
        var read = Read("""{"kinds":["B","C"],"thing":"t","name":"n","day":"2024-02-29"}""");
        Assert.Equal(["B", null], ((IEnumerable)thing.GetProperty("Kinds")!.GetValue(read)!).Cast<object?>().Select(k => k?.ToString()));
        Assert.Equal("t", thing.GetProperty("ThingValue")!.GetValue(read));
        Assert.Equal("n", read.ToString());
        Assert.Equal(new DateTimeOffset(2024, 2, 29, 0, 0, 0, TimeSpan.Zero), thing.GetProperty("Day")!.GetValue(read));
    }
}
