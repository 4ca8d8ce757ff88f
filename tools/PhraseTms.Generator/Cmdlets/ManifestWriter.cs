using System.Text;

namespace PhraseTms.Generator.Cmdlets;

// out/PhraseTms/PhraseTms.psd1: the committed PhraseTms.psd1 (which lists the hand-written cmdlets) with every
// generated cmdlet appended to CmdletsToExport, in the command map's order of names (sorted). Never a wildcard.
internal static class ManifestWriter
{
    public const string Marker = "    # Generated cmdlets, by tools/PhraseTms.Generator generate-cmdlets:";

    public static string Write(string committed, CmdletSetPlan plan)
    {
        var start = committed.IndexOf("CmdletsToExport", StringComparison.Ordinal);
        if (start < 0) throw new InvalidDataException("PhraseTms.psd1 has no CmdletsToExport.");
        var end = committed.IndexOf("\n    )", start, StringComparison.Ordinal);
        if (end < 0) throw new InvalidDataException("PhraseTms.psd1: CmdletsToExport must be a list @( ... ) ending with '    )'.");
        var lines = new StringBuilder();
        lines.Append('\n').Append(Marker);
        foreach (var c in plan.Cmdlets) lines.Append("\n        '").Append(c.Name).Append('\'');
        return committed[..end] + lines + committed[end..];
    }

    public static void WriteTo(string root, CmdletSetPlan plan, string outFile)
    {
        var text = Write(File.ReadAllText(Path.Combine(root, "PhraseTms.psd1")), plan);
        Directory.CreateDirectory(Path.GetDirectoryName(outFile)!);
        var utf8 = new UTF8Encoding(false);
        if (!File.Exists(outFile) || File.ReadAllText(outFile) != text) File.WriteAllText(outFile, text, utf8);
    }
}
