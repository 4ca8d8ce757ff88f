using System.Security;
using System.Text;
using System.Text.RegularExpressions;

namespace PhraseTms.Emulator;

/// <summary>The segments of a translation memory: <see cref="SeededCount"/> generated ones (3 to 7, from the internal id)
/// plus the translation units of every finished TMX import. Thread-safe.</summary>
public sealed class TransMemoryContent
{
    // <tu …>…</tu> or <tu …/> (not <tuv>).
    private static readonly Regex TranslationUnit = new(@"<tu(?:\s[^>]*?)?(?:/>|(?<!/)>.*?</tu>)", RegexOptions.Singleline | RegexOptions.CultureInvariant);
    private readonly object _lock = new();
    private readonly List<(AsyncRequest Request, IReadOnlyList<string> Units)> _imports = [];

    internal TransMemoryContent(OrgTransMemory tm) => TransMemory = tm;

    public OrgTransMemory TransMemory { get; }

    public int SeededCount => 3 + TransMemory.InternalId % 5;

    /// <summary>Seeded segments plus the units of finished imports.</summary>
    public long SegmentsCount => SeededCount + FinishedUnits().Count;

    /// <summary>The &lt;tu&gt; elements of a TMX document, as written (self-closing ones count too).</summary>
    public static IReadOnlyList<string> Units(string tmx) => TranslationUnit.Matches(tmx).Select(m => m.Value).ToArray();

    internal void AddImport(AsyncRequest request, IReadOnlyList<string> units)
    {
        lock (_lock) _imports.Add((request, units));
    }

    private List<string> FinishedUnits()
    {
        lock (_lock) return _imports.Where(i => i.Request.IsFinished && i.Request.Outcome.ErrorCode is null).SelectMany(i => i.Units).ToList();
    }

    /// <summary>The seeded source text of segment <paramref name="n"/> (1-based); its target in <c>lang</c> is "[lang] " + it.</summary>
    public string SeededSource(int n) => $"{TransMemory.Name}: segment {n}";

    /// <summary>The TMX export: the seeded segments (with the <paramref name="targetLangs"/> variants) and the imported
    /// units as they were imported. Deterministic.</summary>
    public string Tmx(IReadOnlyList<string> targetLangs)
    {
        var tm = TransMemory;
        var x = new StringBuilder();
        x.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n");
        x.Append($"  <header creationtool=\"PhraseTmsEmulator\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"PhraseTMS\" adminlang=\"en\" srclang=\"{tm.SourceLang}\" datatype=\"plaintext\"/>\n");
        x.Append("  <body>\n");
        for (var n = 1; n <= SeededCount; n++)
        {
            x.Append($"    <tu tuid=\"{n}\">\n");
            x.Append($"      <tuv xml:lang=\"{tm.SourceLang}\"><seg>{SecurityElement.Escape(SeededSource(n))}</seg></tuv>\n");
            foreach (var lang in targetLangs)
                x.Append($"      <tuv xml:lang=\"{lang}\"><seg>{SecurityElement.Escape($"[{lang}] {SeededSource(n)}")}</seg></tuv>\n");
            x.Append("    </tu>\n");
        }
        foreach (var unit in FinishedUnits()) x.Append("    ").Append(unit).Append('\n');
        x.Append("  </body>\n</tmx>\n");
        return x.ToString();
    }
}

/// <summary>The contents of every translation memory (created on first use) and the TMX exports waiting for their
/// one download.</summary>
public sealed class TransMemoryContents
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, TransMemoryContent> _contents = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, TmExport> _exports = new(StringComparer.Ordinal);

    public TransMemoryContent Of(OrgTransMemory tm) => _contents.GetOrAdd(tm.Uid, _ => new TransMemoryContent(tm));

    internal void AddExport(TmExport export) => _exports[export.Request.Id] = export;

    public TmExport? FindExport(string asyncRequestId) => _exports.TryGetValue(asyncRequestId, out var e) ? e : null;

    /// <summary>Marks an export as downloaded; false when it already was.</summary>
    internal bool UseExport(string asyncRequestId) => _exports.TryGetValue(asyncRequestId, out var e) && e.TryUse();
}

/// <summary>A TMX export (POST /api2/v2/transMemories/{uid}/export): its content is fixed when requested.</summary>
public sealed class TmExport(AsyncRequest request, OrgTransMemory transMemory, IReadOnlyList<string> targetLangs, string tmx)
{
    private int _used;

    public AsyncRequest Request { get; } = request;
    public OrgTransMemory TransMemory { get; } = transMemory;
    public IReadOnlyList<string> TargetLangs { get; } = targetLangs;
    public string Tmx { get; } = tmx;

    internal bool TryUse() => Interlocked.Exchange(ref _used, 1) == 0;
}
