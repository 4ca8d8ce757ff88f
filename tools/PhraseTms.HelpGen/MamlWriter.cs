using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace PhraseTms.HelpGen;

/// <summary>Writes cmdlet help as MAML (the &lt;Assembly&gt;.dll-Help.xml that Get-Help reads for binary cmdlets).</summary>
public static class MamlWriter
{
    public static readonly XNamespace Msh = "http://msh";
    public static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    public static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    public static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
    public static readonly XNamespace MsHelp = "http://msdn.microsoft.com/mshelp";

    public static XDocument Build(IEnumerable<CommandHelp> commands) => new(
        new XDeclaration("1.0", "utf-8", null),
        new XElement(Msh + "helpItems", new XAttribute("schema", "maml"), commands.Select(Command_)));

    /// <summary>The document as UTF-8 text, indented, with '\n' line ends (the same on every OS).</summary>
    public static string ToText(XDocument document)
    {
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", Encoding = new UTF8Encoding(false) };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings)) document.Save(writer);
        return new UTF8Encoding(false).GetString(stream.ToArray()) + "\n";
    }

    private static XElement Command_(CommandHelp help)
    {
        var m = help.Metadata;
        return new XElement(Command + "command",
            new XAttribute(XNamespace.Xmlns + "maml", Maml),
            new XAttribute(XNamespace.Xmlns + "command", Command),
            new XAttribute(XNamespace.Xmlns + "dev", Dev),
            new XAttribute(XNamespace.Xmlns + "MSHelp", MsHelp),
            new XElement(Command + "details",
                new XElement(Command + "name", m.Name),
                new XElement(Command + "verb", m.Verb),
                new XElement(Command + "noun", m.Noun),
                Description([help.Synopsis])),
            Description(help.Description),
            new XElement(Command + "syntax", m.ParameterSets.Select(set => SyntaxItem(help, set))),
            new XElement(Command + "parameters", help.Parameters.Select(p => Parameter(p, Entry(p.Metadata), syntax: false))),
            new XElement(Command + "inputTypes", help.Inputs.Select(t => TypeElement(Command + "inputType", t))),
            new XElement(Command + "returnValues", help.Outputs.Select(t => TypeElement(Command + "returnValue", t))),
            new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paras(help.Notes))),
            new XElement(Command + "examples", help.Examples.Select((e, i) => Example(e, i + 1))),
            new XElement(Command + "relatedLinks", help.Links.Select(l =>
                new XElement(Maml + "navigationLink", new XElement(Maml + "linkText", l.Text), new XElement(Maml + "uri", l.Uri ?? "")))));
    }

    private static XElement SyntaxItem(CommandHelp help, string set) =>
        new(Command + "syntaxItem",
            new XElement(Maml + "name", help.Name),
            help.Metadata.InSet(set).Select(x => Parameter(help.Parameter(x.Parameter.Name), x.Entry, syntax: true)));

    /// <summary>The parameter as a whole (the PARAMETERS section): mandatory only if it is in every set it belongs to.</summary>
    private static ParameterSetEntry Entry(ParameterMetadata p) => new(CmdletMetadata.AllSets, p.Mandatory,
        p.Sets.Select(s => s.Position).FirstOrDefault(x => x is not null), p.ByValue, p.ByPropertyName);

    private static XElement Parameter(ParameterHelp help, ParameterSetEntry entry, bool syntax)
    {
        var p = help.Metadata;
        var typeName = HelpBuilder.ShortName(p.Type);
        var element = new XElement(Command + "parameter",
            new XAttribute("required", Bool(entry.Mandatory)),
            new XAttribute("variableLength", Bool(p.Type.IsArray)),
            new XAttribute("globbing", Bool(p.SupportsWildcards)),
            new XAttribute("pipelineInput", PipelineInput(entry)),
            new XAttribute("position", entry.Position?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "named"),
            new XAttribute("aliases", p.Aliases.Count == 0 ? "none" : string.Join(", ", p.Aliases)),
            new XElement(Maml + "name", p.Name),
            Description(help.Description));
        if (syntax && p.AllowedValues.Count > 0)
            element.Add(new XElement(Command + "parameterValueGroup", p.AllowedValues.Select(v =>
                new XElement(Command + "parameterValue", new XAttribute("required", "false"), new XAttribute(Command + "variableLength", "false"), v))));
        if (!(syntax && p.IsSwitch))
            element.Add(new XElement(Command + "parameterValue", new XAttribute("required", Bool(!p.IsSwitch)),
                new XAttribute("variableLength", Bool(p.Type.IsArray)), typeName));
        element.Add(
            new XElement(Dev + "type", new XElement(Maml + "name", HelpBuilder.FullName(p.Type)), new XElement(Maml + "uri")),
            new XElement(Dev + "defaultValue", p.DefaultValue));
        return element;
    }

    private static string PipelineInput(ParameterSetEntry e) => (e.ByValue, e.ByPropertyName) switch
    {
        (true, true) => "True (ByPropertyName, ByValue)",
        (true, false) => "True (ByValue)",
        (false, true) => "True (ByPropertyName)",
        _ => "False",
    };

    private static XElement TypeElement(XName name, TypeHelp type) =>
        new(name, new XElement(Dev + "type", new XElement(Maml + "name", type.Name)), Description(type.Description));

    private static XElement Example(ExampleHelp example, int number)
    {
        var title = example.Title.StartsWith("Example", StringComparison.OrdinalIgnoreCase) ? example.Title : $"Example {number}: {example.Title}";
        return new XElement(Command + "example",
            new XElement(Maml + "title", $"-------------------------- {title} --------------------------"),
            new XElement(Dev + "code", example.Code),
            new XElement(Dev + "remarks", Paras(example.Remarks)));
    }

    private static XElement Description(IEnumerable<string> paragraphs) => new(Maml + "description", Paras(paragraphs));

    private static IEnumerable<XElement> Paras(IEnumerable<string> paragraphs) => paragraphs.Select(p => new XElement(Maml + "para", p));

    private static string Bool(bool value) => value ? "true" : "false";
}
