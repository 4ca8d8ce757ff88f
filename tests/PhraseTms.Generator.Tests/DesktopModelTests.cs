using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using PhraseTms.Generator.Models;

namespace PhraseTms.Generator.Tests;

// The netstandard2.0 build of PhraseTms.Client (the one Windows PowerShell 5.1 loads) holds the same generated models:
// its type names, read from the file's metadata (it cannot be loaded into this .NET process).
public class DesktopModelTests
{
    [Fact]
    public void The_netstandard2_0_client_has_every_generated_class_and_enum()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<configuration>/net8.0/
        var dll = Path.Combine(TestPaths.Root, "src", "PhraseTms.Client", "bin", configuration, "netstandard2.0", "PhraseTms.Client.dll");
        Assert.True(File.Exists(dll), $"{dll} is not built");
        using var stream = File.OpenRead(dll);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var names = metadata.TypeDefinitions.Select(metadata.GetTypeDefinition)
            .Where(t => metadata.GetString(t.Namespace) == ModelPlan.Namespace)
            .Select(t => metadata.GetString(t.Name)).OrderBy(n => n, StringComparer.Ordinal).ToList();
        var expected = ModelPlanTests.Committed.Classes.SelectMany(c => c.Enums.Select(e => e.Name).Prepend(c.Name))
            .OrderBy(n => n, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, names);
    }
}
