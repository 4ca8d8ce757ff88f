using System.Collections.Specialized;
using System.Management.Automation;

namespace PhraseTms.Infrastructure;

/// <summary>Opens PowerShell's wrappers around values handed to the client (request pieces, -Query, -Body).</summary>
internal static class PowerShellValues
{
    /// <summary>
    /// A [pscustomobject] becomes a table of its properties (in their order, keys case-insensitive as in PowerShell);
    /// another PSObject becomes the object it wraps; anything else stays as it is.
    /// </summary>
    public static object? Unwrap(object value)
    {
        if (value is not PSObject wrapped) return value;
        if (wrapped.BaseObject is not PSCustomObject) return wrapped.BaseObject;
        var table = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
        foreach (var property in wrapped.Properties) table[property.Name] = property.Value;
        return table;
    }
}
