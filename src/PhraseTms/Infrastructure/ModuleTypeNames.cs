using System.Collections.Concurrent;
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
}
