using System.Collections.Concurrent;
using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Reflection;
using PhraseTms.Client;
using PhraseTms.Client.Connection;

namespace PhraseTms.Infrastructure;

/// <summary>
/// The stable PowerShell type names of the module's objects: <c>PhraseTms.&lt;ClassName&gt;</c> for every model of
/// PhraseTms.Client (e.g. <c>PhraseTms.ConnectorAsyncTask</c>), <c>PhraseTms.Session</c> for the session. The name is
/// first in PSTypeNames of every object of the <see cref="AdaptedTypes"/> (what the cmdlets declare in [OutputType]),
/// followed by the .NET names; the format views key on it, and scripts can use it in
/// <c>[PSTypeName('PhraseTms.ConnectorAsyncTask')]</c>.
/// <para>
/// The name comes with the type, not with each object: PhraseTms.psm1 registers <see cref="ModelTypeAdapter"/> for
/// these types (Update-TypeData -TypeAdapter), whose type name hierarchy starts with it. Inserting the name into each
/// written object's PSTypeNames instead costs PowerShell a resurrection-table entry per object, which took longer than
/// the rest of reading a list (tools/Benchmark.PowerShell.ps1, P5).
/// </para>
/// </summary>
public static class ModuleTypeNames
{
    public const string Prefix = "PhraseTms.";

    private static readonly Dictionary<Type, string> Renamed = new() { [typeof(PhraseTmsSession)] = Prefix + "Session" };
    private static readonly ConcurrentDictionary<Type, string?> Cache = new();
    private static readonly ConcurrentDictionary<Type, Collection<string>> Hierarchies = new();

    /// <summary>The type name of a .NET type; null for types that are not the module's models (strings, PSObjects …).</summary>
    public static string? For(Type type) => Cache.GetOrAdd(type, static t =>
        Renamed.TryGetValue(t, out var name) ? name
        : t.Assembly == typeof(PhraseTmsClient).Assembly && t.IsClass && !t.IsGenericType ? Prefix + t.Name
        : null);

    /// <summary>The PSTypeNames of an object of <paramref name="type"/>: its module name, then the .NET names up to System.Object.</summary>
    public static Collection<string> Hierarchy(Type type) => Hierarchies.GetOrAdd(type, static t =>
    {
        var names = new Collection<string>();
        if (For(t) is { } name) names.Add(name);
        for (var b = t; b is not null; b = b.BaseType) names.Add(b.FullName!);
        return names;
    });

    /// <summary>
    /// The types whose objects carry their module name: every model type named by a cmdlet's [OutputType], and the
    /// session. Read from attribute metadata, so that it works where only PowerShell's reference assembly is present.
    /// </summary>
    public static IReadOnlyList<Type> AdaptedTypes { get; } = typeof(ModuleTypeNames).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && t.GetCustomAttributesData().Any(a => a.AttributeType == typeof(CmdletAttribute)))
        .SelectMany(t => t.GetCustomAttributesData().Where(a => a.AttributeType == typeof(OutputTypeAttribute)))
        .SelectMany(a => a.ConstructorArguments)
        .SelectMany(arg => arg.Value is IReadOnlyCollection<CustomAttributeTypedArgument> many ? many.Select(m => m.Value) : [arg.Value])
        .OfType<Type>()
        .Where(t => For(t) is not null)
        .Append(typeof(PhraseTmsSession))
        .Distinct()
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToList();

    /// <summary>
    /// The registration of <see cref="ModelTypeAdapter"/> for every adapted type, for ONE Update-TypeData -TypeData call
    /// in PhraseTms.psm1: with hundreds of generated cmdlets' types, a call per type cost the import most of its time.
    /// </summary>
    public static System.Management.Automation.Runspaces.TypeData[] AdaptedTypeData() => AdaptedTypes.Select(t =>
    {
        var data = new System.Management.Automation.Runspaces.TypeData(t.FullName!) { TypeAdapter = typeof(ModelTypeAdapter) };
        // Members is null only in PowerShellStandard's reference assembly (the reflection tests load it), never in PowerShell.
        if (NameAliasTarget(t) is { } target) data.Members?.Add("Name", new System.Management.Automation.Runspaces.AliasPropertyData("Name", target));
        return data;
    }).ToArray();

    /// <summary>
    /// The property a <c>Name</c> alias stands for, so that <c>Select-Object Uid, Name</c> reads the same on every
    /// object: a type without a Name property but with one <c>&lt;Word&gt;Name</c> whose word is part of the type's
    /// name (ProjectTemplateReference.TemplateName). Null when the rule does not apply.
    /// </summary>
    public static string? NameAliasTarget(Type type)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        if (properties.Any(p => p.Name == "Name")) return null;
        var candidates = properties.Where(p => p.PropertyType == typeof(string) && p.Name.Length > 4 && p.Name.EndsWith("Name", StringComparison.Ordinal)
            && type.Name.Contains(p.Name[..^4], StringComparison.Ordinal)).ToList();
        return candidates.Count == 1 ? candidates[0].Name : null;
    }
}
