namespace PhraseTms.Desktop;

/// <summary>
/// Which shipped file answers an assembly request in Windows PowerShell 5.1 (the decision of
/// <c>DesktopModuleInitializer</c>, kept pure so that it is tested on .NET 8).
/// </summary>
internal static class DependencyResolution
{
    /// <summary>The folder next to the desktop module assembly that holds its dependencies.</summary>
    public const string FolderName = "Dependencies";

    private const string PowerShellEngine = "System.Management.Automation";

    /// <summary>
    /// The path of <c>&lt;simple name&gt;.dll</c> in <paramref name="dependencyDirectory"/> when it is one of
    /// <paramref name="shippedFiles"/>, whatever version is asked for (a module cannot have binding redirects);
    /// null for anything else, and always for System.Management.Automation, which PowerShell provides.
    /// </summary>
    public static string? PathFor(string requestedAssembly, string dependencyDirectory, IEnumerable<string> shippedFiles)
    {
        var name = SimpleName(requestedAssembly);
        if (name is null || string.Equals(name, PowerShellEngine, StringComparison.OrdinalIgnoreCase)) return null;
        var file = shippedFiles.FirstOrDefault(f => string.Equals(f, name + ".dll", StringComparison.OrdinalIgnoreCase));
        return file is null ? null : Path.Combine(dependencyDirectory, file);
    }

    /// <summary>"System.Text.Json" from "System.Text.Json, Version=10.0.0.0, Culture=neutral, …"; null unless a plain name.</summary>
    internal static string? SimpleName(string? requestedAssembly)
    {
        if (requestedAssembly is null) return null;
        var comma = requestedAssembly.IndexOf(',');
        var name = (comma < 0 ? requestedAssembly : requestedAssembly.Substring(0, comma)).Trim();
        var plain = name.Length > 0 && name != "." && name != ".." && name.IndexOfAny(['/', '\\', ':', '*', '?', '"']) < 0;
        return plain ? name : null;
    }
}
