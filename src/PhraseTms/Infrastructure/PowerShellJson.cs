using System.Collections.Specialized;
using System.Management.Automation;
using Newtonsoft.Json.Linq;

namespace PhraseTms.Infrastructure;

/// <summary>JSON ↔ PowerShell objects for Invoke-PhraseTmsRequest (the rest of the conversion lives in the client).</summary>
internal static class PowerShellJson
{
    /// <summary>JSON as PowerShell sees it: objects → PSCustomObject, arrays → object[], values → string/long/double/bool/null.</summary>
    public static object? ToPowerShell(JToken? token) => token switch
    {
        null => null,
        JObject o => ToCustomObject(o),
        JArray a => a.Select(ToPowerShell).ToArray(),
        JValue v => v.Value,
        _ => token.ToString(),
    };

    /// <summary>Unwraps a value coming from PowerShell: a PSCustomObject → its properties as a table; a PSObject → its object.</summary>
    public static object? FromPowerShell(object value)
    {
        if (value is not PSObject ps) return value;
        if (ps.BaseObject is not PSCustomObject) return ps.BaseObject;
        var table = new OrderedDictionary();
        foreach (var property in ps.Properties) table[property.Name] = property.Value;
        return table;
    }

    private static PSObject ToCustomObject(JObject o)
    {
        var ps = new PSObject();
        foreach (var property in o.Properties()) ps.Properties.Add(new PSNoteProperty(property.Name, ToPowerShell(property.Value)));
        return ps;
    }
}
