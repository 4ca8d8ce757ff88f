using System.Text;

namespace PhraseTms.HelpGen;

/// <summary>
/// Turns docs/about_&lt;Topic&gt;.md into the about_&lt;Topic&gt;.help.txt that Get-Help shows: "# about_X" becomes
/// TOPIC, each "## Section" an upper-case heading, "### Sub" an indented, underlined heading; text is wrapped at 80
/// columns and indented 4, lists hang at 6, code is indented 8 and never wrapped.
/// </summary>
public static class AboutTopicWriter
{
    public const int Width = 80;

    public static string Write(string markdown)
    {
        var sb = new StringBuilder();
        foreach (var block in MarkdownBlocks.Split(markdown))
        {
            switch (block.Level)
            {
                case 1:
                    sb.Append("TOPIC\n    ").Append(block.Heading).Append('\n');
                    break;
                case 2:
                    sb.Append(block.Heading.ToUpperInvariant()).Append('\n');
                    break;
                default:
                    sb.Append("    ").Append(block.Heading).Append("\n    ").Append(new string('-', block.Heading.Length)).Append('\n');
                    break;
            }
            foreach (var p in MarkdownBlocks.Parse(block.Body))
            {
                switch (p.Kind)
                {
                    case MarkdownBlocks.Kind.Code:
                        foreach (var line in p.Text.Split('\n')) sb.Append(line.Trim().Length == 0 ? "" : "        " + Dedent(line, p.Text)).Append('\n');
                        break;
                    case MarkdownBlocks.Kind.List:
                        foreach (var item in p.Text.Split('\n')) Wrap(sb, item, "    ", "      ");
                        break;
                    default:
                        Wrap(sb, p.Text, "    ", "    ");
                        break;
                }
                sb.Append('\n');
            }
            if (block.Body.Trim().Length == 0) sb.Append('\n');
        }
        return sb.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>A code line without the indentation common to the whole block (so indented code starts at 8).</summary>
    private static string Dedent(string line, string block)
    {
        var common = block.Split('\n').Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return line.Length >= common ? line[common..] : line.TrimStart();
    }

    private static void Wrap(StringBuilder sb, string text, string first, string rest)
    {
        var indent = first;
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && indent.Length + line.Length + 1 + word.Length > Width)
            {
                sb.Append(indent).Append(line).Append('\n');
                line.Clear();
                indent = rest;
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        if (line.Length > 0) sb.Append(indent).Append(line).Append('\n');
    }
}
