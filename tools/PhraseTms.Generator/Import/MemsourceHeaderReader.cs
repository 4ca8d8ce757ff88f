using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using PhraseTms.Generator.Model;

namespace PhraseTms.Generator.Import;

// Phrase documents the Memsource header in the operation's description: an "Accepted metadata:" list of
// `name` - **required** - text, and sometimes a link to the operation whose body has the same schema.
internal static class MemsourceHeaderReader
{
    private static readonly Regex Bullet = new(@"^(\s*)-\s*`(\w+)`\s*(?:-\s*(\*\*required\*\*))?\s*(?:-\s*(.*))?$", RegexOptions.Compiled);
    private static readonly Regex SeeOperation = new(@"\(#operation/([\w-]+)\)[^`]*?specification of the metadata", RegexOptions.Compiled | RegexOptions.Singleline);

    public static MemsourceHeader? Read(IEnumerable<Parameter> parameters, JObject? raw, string? description)
    {
        var p = parameters.FirstOrDefault(x => x.In == "header" && x.Name == "Memsource");
        if (p is null) return null;
        var see = description is null ? null : SeeOperation.Match(description);
        return new MemsourceHeader
        {
            Required = p.Required,
            Example = (string?)raw?["x-example"] ?? (string?)raw?["example"] ?? (string?)raw?["schema"]?["example"],
            Fields = Fields(description),
            SchemaOperationId = see is { Success: true } ? see.Groups[1].Value : null,
        };
    }

    private static List<MemsourceField>? Fields(string? description)
    {
        if (description is null) return null;
        var start = description.IndexOf("Accepted metadata:", StringComparison.Ordinal);
        if (start < 0) return null;
        var fields = new List<MemsourceField>();
        int indent = -1;
        foreach (var line in description[start..].Split('\n').Skip(1))
        {
            var m = Bullet.Match(line.TrimEnd());
            if (m.Success && (indent < 0 || m.Groups[1].Length == indent))
            {
                indent = m.Groups[1].Length;
                fields.Add(new MemsourceField { Name = m.Groups[2].Value, Required = m.Groups[3].Success, Description = m.Groups[4].Value.Trim() });
            }
            else if (fields.Count > 0 && (line.Trim().Length == 0 || line.Length - line.TrimStart().Length <= indent)) break;
            else if (fields.Count > 0) fields[^1].Description += " " + line.Trim();
        }
        foreach (var f in fields) f.Description = Text.FirstSentence(f.Description);
        return fields.Count > 0 ? fields : null;
    }
}
