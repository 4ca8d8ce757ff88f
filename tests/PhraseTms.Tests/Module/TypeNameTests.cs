using PhraseTms.Client.AsyncRequests;
using PhraseTms.Client.Connection;
using PhraseTms.Client.Connectors;
using PhraseTms.Infrastructure;
using PhraseTms.Tests.Support;
using static PhraseTms.Tests.Support.CmdletSurface;

namespace PhraseTms.Tests.Module;

/// <summary>
/// The stable type names come with the types: every model a cmdlet writes (its [OutputType]) and the session are
/// adapted by ModelTypeAdapter (registered by PhraseTms.psm1), whose PSTypeNames start with PhraseTms.&lt;ClassName&gt;
/// and go on with the .NET names. (In real pwsh: tests/PhraseTms.Tests.ps1, 'Format views and type names'.)
/// </summary>
public sealed class TypeNameTests
{
    private static readonly System.Reflection.Assembly ClientAssembly = typeof(PhraseTms.Client.PhraseTmsClient).Assembly;

    [Fact]
    public void Every_model_a_cmdlet_writes_and_the_session_are_adapted()
    {
        var written = CmdletSurface.Cmdlets.SelectMany(c => OutputTypes(c.Type)).Where(t => t.Assembly == ClientAssembly).Distinct().ToList();
        Assert.NotEmpty(written);
        Assert.All(written, t => Assert.Contains(t, ModuleTypeNames.AdaptedTypes));
        Assert.Contains(typeof(PhraseTmsSession), ModuleTypeNames.AdaptedTypes);
        Assert.All(ModuleTypeNames.AdaptedTypes, t => Assert.NotNull(ModuleTypeNames.For(t)));
    }

    [Fact]
    public void The_module_name_comes_first_then_the_dotnet_names()
    {
        Assert.Equal(["PhraseTms.ConnectorAsyncTask", "PhraseTms.Client.Connectors.ConnectorAsyncTask", "System.Object"],
            ModuleTypeNames.Hierarchy(typeof(ConnectorAsyncTask)));
        Assert.Equal(["PhraseTms.Session", "PhraseTms.Client.Connection.PhraseTmsSession", "System.Object"],
            ModuleTypeNames.Hierarchy(typeof(PhraseTmsSession)));
        Assert.Equal("PhraseTms.AsyncRequest", ModuleTypeNames.Hierarchy(typeof(AsyncRequest))[0]);
    }

    [Fact]
    public void The_root_module_registers_the_adapter_for_the_adapted_types()
    {
        var psm1 = File.ReadAllText(Path.Combine(Repo.Root, "src", "PhraseTms", "PhraseTms.psm1"));
        // One call for every type (a call per type cost the import most of its time with the generated cmdlets).
        Assert.Contains("Update-TypeData -TypeData ([PhraseTms.Infrastructure.ModuleTypeNames]::AdaptedTypeData()) -Force", psm1);
        Assert.DoesNotContain("Update-TypeData -TypeName", psm1);
        // One TypeData per adapted type (this test loads PowerShell's reference assembly, whose TypeData holds nothing;
        // that the names then come first in real PowerShell is checked by tests/PhraseTms.PowerShell.Tests).
        Assert.Equal(ModuleTypeNames.AdaptedTypes.Count, ModuleTypeNames.AdaptedTypeData().Length);
        Assert.True(typeof(System.Management.Automation.PSPropertyAdapter).IsAssignableFrom(typeof(ModelTypeAdapter)));
    }
}
