using PhraseTms.Generator.Model;

namespace PhraseTms.Generator.Import;

// What a document importer hands back, before the supplement is merged and the facts are derived.
internal sealed class ImportedDocument
{
    public SourceInfo Source { get; } = new();
    public List<Operation> Operations { get; } = new();
    public SortedDictionary<string, Definition> Definitions { get; } = new(StringComparer.Ordinal);
}
