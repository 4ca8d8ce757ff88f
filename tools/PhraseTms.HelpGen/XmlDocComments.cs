using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PhraseTms.HelpGen;

/// <summary>
/// The &lt;summary&gt; of members from a compiler XML documentation file (PhraseTms.xml): the fallback text of a
/// parameter that its Markdown page does not describe (e.g. -Session, declared once in a base class).
/// </summary>
public sealed class XmlDocComments
{
    private readonly Dictionary<string, string> _summaries;

    private XmlDocComments(Dictionary<string, string> summaries) => _summaries = summaries;

    public static XmlDocComments Empty { get; } = new([]);

    /// <summary>Reads the file; a missing file gives no summaries (every parameter then needs Markdown text).</summary>
    public static XmlDocComments Load(string? path) =>
        path is null || !File.Exists(path) ? Empty : Parse(File.ReadAllText(path));

    /// <summary>Reads the text of a documentation file.</summary>
    public static XmlDocComments Parse(string xml)
    {
        var members = XDocument.Parse(xml).Root?.Element("members")?.Elements("member") ?? [];
        var summaries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in members)
            if (member.Attribute("name")?.Value is { } name && member.Element("summary") is { } summary && Text(summary) is { Length: > 0 } text)
                summaries[name] = text;
        return new XmlDocComments(summaries);
    }

    /// <summary>The documentation file next to an assembly (Name.xml), or null.</summary>
    public static string? BesideAssembly(Assembly assembly) =>
        string.IsNullOrEmpty(assembly.Location) ? null : Path.ChangeExtension(assembly.Location, ".xml");

    /// <summary>The summary of a property, from the class that declares it.</summary>
    public string? Summary(PropertyInfo property) =>
        _summaries.GetValueOrDefault($"P:{property.DeclaringType!.FullName!.Replace('+', '.')}.{property.Name}");

    private static string Text(XElement summary)
    {
        var parts = summary.Nodes().Select(n => n switch
        {
            XText t => t.Value,
            XElement { Name.LocalName: "see" or "seealso" } e => e.Attribute("langword")?.Value ?? Last(e.Attribute("cref")?.Value) ?? e.Value,
            XElement { Name.LocalName: "paramref" or "typeparamref" } e => e.Attribute("name")?.Value ?? "",
            XElement e => e.Value,
            _ => "",
        });
        return Regex.Replace(string.Concat(parts), @"\s+", " ").Trim();
    }

    private static string? Last(string? cref) => cref?[(cref.LastIndexOf('.') + 1)..];
}
