using System.Management.Automation;
using System.Reflection;

namespace PhraseTms.Desktop;

/// <summary>
/// Windows PowerShell 5.1 only (compiled into the netstandard2.0 build): loads RestSharp, Newtonsoft.Json,
/// System.Text.Json and their dependencies from <c>Dependencies/</c> next to this assembly, by simple name. .NET
/// Framework gives a module no binding redirects, and the packages reference each other's versions exactly; so a
/// request that fails to bind (wrong version, or not in the probing path) is answered with the shipped file.
/// </summary>
public sealed class DesktopDependencyLoader : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly string Directory =
        Path.Combine(Path.GetDirectoryName(typeof(DesktopDependencyLoader).Assembly.Location)!, DependencyResolution.FolderName);

    private static readonly string[] Shipped = System.IO.Directory.Exists(Directory)
        ? System.IO.Directory.GetFiles(Directory, "*.dll").Select(f => Path.GetFileName(f)).ToArray()
        : [];

    /// <summary>Installs the handler (once, even when PowerShell calls this twice for one import).</summary>
    public void OnImport()
    {
        AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
        AppDomain.CurrentDomain.AssemblyResolve += Resolve;
    }

    /// <summary>Removes the handler with the module.</summary>
    public void OnRemove(PSModuleInfo psModuleInfo) => AppDomain.CurrentDomain.AssemblyResolve -= Resolve;

    private static Assembly? Resolve(object? sender, ResolveEventArgs args) =>
        DependencyResolution.PathFor(args.Name, Directory, Shipped) is { } path ? Assembly.LoadFrom(path) : null;
}
