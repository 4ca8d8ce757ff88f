using System.Text;

namespace PhraseTms.Generator;

// The one way the generator writes its output folders (models, cmdlets, help pages): every file of the run, UTF-8
// without BOM; files of an earlier run that are no longer generated are deleted; an unchanged file is not rewritten
// (so that incremental builds see nothing new).
internal static class GeneratedFiles
{
    public static int WriteTo(IReadOnlyDictionary<string, string> files, string folder, string pattern)
    {
        Directory.CreateDirectory(folder);
        foreach (var stale in Directory.GetFiles(folder, pattern))
            if (!files.ContainsKey(Path.GetFileName(stale))) File.Delete(stale);
        var utf8 = new UTF8Encoding(false);
        foreach (var (name, text) in files)
        {
            var path = Path.Combine(folder, name);
            if (!File.Exists(path) || File.ReadAllText(path, utf8) != text) File.WriteAllText(path, text, utf8);
        }
        return files.Count;
    }
}
