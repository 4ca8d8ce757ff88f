using System.Management.Automation;
using Newtonsoft.Json.Linq;

namespace PhraseTms.Infrastructure;

/// <summary>JSON answers as PowerShell objects, for Invoke-PhraseTmsRequest (input goes through <see cref="PowerShellValues"/>).</summary>
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

    private static PSObject ToCustomObject(JObject o)
    {
        var ps = new PSObject();
        foreach (var property in o.Properties()) ps.Properties.Add(new PSNoteProperty(property.Name, ToPowerShell(property.Value)));
        return ps;
    }
}
