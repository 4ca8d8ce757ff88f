using System.Management.Automation;
using System.Net;
using System.Reflection;

namespace PhraseTms.Desktop;

/// <summary>
/// Windows PowerShell 5.1 only (compiled into the netstandard2.0 build), run by PowerShell when it imports the module:
/// <list type="bullet">
/// <item>loads RestSharp, Newtonsoft.Json, System.Text.Json and their dependencies from <c>Dependencies/</c> next to this
/// assembly, by simple name. .NET Framework gives a module no binding redirects and the packages reference each other's
/// versions exactly, so a request that fails to bind (wrong version, or not in the probing path) gets the shipped file;</item>
/// <item>offers TLS 1.2, which Phrase TMS requires and Windows PowerShell does not offer by default on every machine.</item>
/// </list>
/// </summary>
public sealed class DesktopModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly string Directory =
        Path.Combine(Path.GetDirectoryName(typeof(DesktopModuleInitializer).Assembly.Location)!, DependencyResolution.FolderName);

    private static readonly string[] Shipped = System.IO.Directory.Exists(Directory)
        ? System.IO.Directory.GetFiles(Directory, "*.dll").Select(f => Path.GetFileName(f)).ToArray()
        : [];

    /// <summary>Installs the resolver (once, even when PowerShell calls this twice for one import) and adds TLS 1.2.</summary>
    public void OnImport()
    {
        AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
        AppDomain.CurrentDomain.AssemblyResolve += Resolve;
        ServicePointManager.SecurityProtocol = DesktopTls.WithTls12(ServicePointManager.SecurityProtocol);
    }

    /// <summary>Removes the resolver with the module.</summary>
    public void OnRemove(PSModuleInfo psModuleInfo) => AppDomain.CurrentDomain.AssemblyResolve -= Resolve;

    private static Assembly? Resolve(object? sender, ResolveEventArgs args) =>
        DependencyResolution.PathFor(args.Name, Directory, Shipped) is { } path ? Assembly.LoadFrom(path) : null;
}
