using System.Collections.Concurrent;
using System.Management.Automation;
using PhraseTms.Client;
using PhraseTms.Client.Connection;

namespace PhraseTms.Infrastructure;

/// <summary>
/// The stable PowerShell type names of the module's objects: <c>PhraseTms.&lt;ClassName&gt;</c> for every model of
/// PhraseTms.Client (e.g. <c>PhraseTms.ConnectorAsyncTask</c>), <c>PhraseTms.Session</c> for the session. Cmdlets put
/// the name first in PSTypeNames when they write an object; the format views key on it, and scripts can use it in
/// <c>[PSTypeName('PhraseTms.ConnectorAsyncTask')]</c>.
/// </summary>
public static class ModuleTypeNames
{
    public const string Prefix = "PhraseTms.";

    private static readonly Dictionary<Type, string> Renamed = new() { [typeof(PhraseTmsSession)] = Prefix + "Session" };
    private static readonly ConcurrentDictionary<Type, string?> Cache = new();

    /// <summary>The type name of a .NET type; null for types that are not the module's models (strings, PSObjects …).</summary>
    public static string? For(Type type) => Cache.GetOrAdd(type, static t =>
        Renamed.TryGetValue(t, out var name) ? name
        : t.Assembly == typeof(PhraseTmsClient).Assembly && t.IsClass && !t.IsGenericType ? Prefix + t.Name
        : null);

    /// <summary>The value to write: a model wrapped with its type name first in PSTypeNames; anything else as it is.</summary>
    internal static object? WithTypeName(object? value)
    {
        if (value is null || value is PSObject || For(value.GetType()) is not { } name) return value;
        var wrapped = PSObject.AsPSObject(value);
        // PowerShell may keep the type names of an object written before (the same result written twice): add once.
        if (!wrapped.TypeNames.Contains(name)) wrapped.TypeNames.Insert(0, name);
        return wrapped;
    }
}
