using System.Reflection;

namespace PhraseTms.Generator.Naming;

// PowerShell's own commands (builtin-commands.txt, embedded; its header says how it was made).
internal static class BuiltinCommands
{
    public static IReadOnlySet<string> All { get; } = Load();

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("PhraseTms.Generator.Naming.builtin-commands.txt")
            ?? throw new InvalidOperationException("builtin-commands.txt is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
