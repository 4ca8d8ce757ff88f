using PhraseTms.Infrastructure;

namespace PhraseTms.HelpGen;

/// <summary>
/// Merges a cmdlet's reflected metadata with its Markdown page. Anything missing or stale is a problem, never an empty
/// help text: a page per cmdlet, its synopsis and description, a text for every parameter (the page's "### -Name", else
/// the property's XML doc summary), no text for a parameter the cmdlet does not have, and at least two examples with code.
/// </summary>
public static class HelpBuilder
{
    public const int MinimumExamples = 2;

    public static CommandHelp? Build(CmdletMetadata cmdlet, CommandDocument? doc, XmlDocComments xml, string expectedPath, List<HelpProblem> problems)
    {
        if (doc is null)
        {
            problems.Add(new(expectedPath, 0, $"{cmdlet.Name} has no help page: add {System.IO.Path.GetFileName(expectedPath)} (layout in docs/README.md)."));
            return null;
        }
        void Problem(int line, string message) => problems.Add(new(doc.Path, line, message));

        if (!string.Equals(doc.Title, cmdlet.Name, StringComparison.Ordinal))
            Problem(1, $"The page's title (# heading) must be '{cmdlet.Name}', found '{doc.Title}'.");
        if (string.IsNullOrWhiteSpace(doc.Synopsis)) Problem(0, $"{cmdlet.Name}: '## Synopsis' is missing or empty.");
        if (string.IsNullOrWhiteSpace(doc.Description)) Problem(0, $"{cmdlet.Name}: '## Description' is missing or empty.");
        foreach (var unknown in doc.UnknownSections) Problem(0, $"{cmdlet.Name}: unknown section ({unknown}); see docs/README.md.");

        var parameters = new List<ParameterHelp>();
        foreach (var p in cmdlet.Parameters)
        {
            var text = doc.Parameters.GetValueOrDefault(p.Name)?.Text
                ?? (p.Property is { } property ? xml.Summary(property) : null)
                ?? p.BuiltInDescription;
            if (string.IsNullOrWhiteSpace(text))
                Problem(0, $"{cmdlet.Name} -{p.Name} has no description: add '### -{p.Name}' under '## Parameters' (or a <summary> on the property).");
            parameters.Add(new ParameterHelp(p, MarkdownBlocks.Paragraphs(text)));
        }
        foreach (var (name, section) in doc.Parameters)
            if (!cmdlet.Parameters.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
                Problem(section.Line, $"{cmdlet.Name} has no parameter -{name}: remove or rename its section.");

        var withCode = doc.Examples.Count(e => e.Code is not null);
        if (withCode < MinimumExamples)
            Problem(0, $"{cmdlet.Name} has {withCode} example(s) with code; at least {MinimumExamples} are needed ('### Example N: title' + a code fence).");
        foreach (var e in doc.Examples.Where(e => e.Code is null))
            Problem(e.Line, $"{cmdlet.Name}: example '{e.Title}' has no code fence.");

        var inputTypes = cmdlet.Parameters.Where(p => p.ByValue || p.ByPropertyName).Select(p => p.Type).Distinct().ToList();
        var inputs = Types(inputTypes, doc.Inputs, _ => null, cmdlet.Name, "Inputs", Problem);
        var outputs = Types(cmdlet.OutputTypes, doc.Outputs, t => ModuleTypeNames.For(t) is { } n ? $"PowerShell type name: {n}." : null,
            cmdlet.Name, "Outputs", Problem);

        return new CommandHelp(cmdlet, MarkdownBlocks.Paragraphs(doc.Synopsis) is { Count: > 0 } s ? string.Join(' ', s) : "",
            MarkdownBlocks.Paragraphs(doc.Description), parameters,
            doc.Examples.Where(e => e.Code is not null).Select(e => new ExampleHelp(e.Title, e.Code!, MarkdownBlocks.Paragraphs(e.Remarks))).ToList(),
            inputs, outputs, MarkdownBlocks.Paragraphs(doc.Notes), doc.Links);
    }

    /// <summary>The name shown for a type: the element type of Nullable, the full name otherwise (System.String[] …).</summary>
    public static string FullName(Type type) => (Nullable.GetUnderlyingType(type) ?? type).FullName ?? type.Name;

    /// <summary>The short name shown in syntax (String, DateTime, ConnectorTaskType[]).</summary>
    public static string ShortName(Type type) => (Nullable.GetUnderlyingType(type) ?? type).Name;

    private static List<TypeHelp> Types(IReadOnlyList<Type> types, Dictionary<string, string> texts, Func<Type, string?> note,
        string cmdlet, string section, Action<int, string> problem)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string? TextOf(params string[] names)
        {
            foreach (var n in names)
                if (texts.TryGetValue(n, out var t)) { used.Add(n); return t; }
            return null;
        }
        var result = types.Count == 0
            ? [new TypeHelp("None", MarkdownBlocks.Paragraphs(TextOf("None")))]
            : types.Select(t => new TypeHelp(FullName(t),
                new[] { note(t) }.Concat(MarkdownBlocks.Paragraphs(TextOf(FullName(t), ShortName(t)))).OfType<string>().ToList())).ToList();
        foreach (var name in texts.Keys.Where(k => !used.Contains(k)))
            problem(0, $"{cmdlet}: '## {section}' describes '{name}', which is not one of its {section.ToLowerInvariant()} ({string.Join(", ", result.Select(r => r.Name))}).");
        return result;
    }
}
