using System.Globalization;

namespace PhraseTms.Emulator;

/// <summary>An analysis created by POST /api2/v2/analyses: one per project of the jobs asked for, with one language part per
/// target language. Its figures are ready once <see cref="Request"/> has finished (<see cref="Available"/>).</summary>
public sealed class OrgAnalysis
{
    public required string Id { get; init; }
    public required string Uid { get; init; }
    public required int InnerId { get; init; }
    public required string Type { get; init; }
    public required string Name { get; init; }
    public required OrgProject Project { get; init; }
    public required UserAccount CreatedBy { get; init; }
    public required DateTimeOffset DateCreated { get; init; }
    /// <summary>The jobs analysed, in the order asked.</summary>
    public required IReadOnlyList<OrgJob> Jobs { get; init; }
    public required AsyncRequest Request { get; init; }
    /// <summary>The request's settings (CreateAnalyseAsyncV2Dto booleans, defaults applied).</summary>
    public required IReadOnlyDictionary<string, bool> Settings { get; init; }

    public bool Available => Request.IsFinished;

    /// <summary>The language parts: target languages in the order their first job was asked; ids "&lt;analysis id&gt;0&lt;n&gt;".</summary>
    public IReadOnlyList<(string Id, string TargetLang, IReadOnlyList<OrgJob> Jobs)> LanguageParts =>
        Jobs.GroupBy(j => j.TargetLang).Select((g, i) => (Id + "0" + (i + 1).ToString(CultureInfo.InvariantCulture), g.Key, (IReadOnlyList<OrgJob>)g.ToArray()))
            .ToArray();
}

/// <summary>Analysis figures of a job, derived from its source: words as the job's wordsCount (uploads: one word per 6 bytes),
/// segments one per 12 words (at least 1), characters the file size (seeded jobs: 6 per word).</summary>
public readonly record struct AnalysisFigures(long Segments, long Words, long Characters)
{
    public static AnalysisFigures Of(OrgJob job)
    {
        long words = Math.Max(1, job.WordsCount);
        return new(Math.Max(1, words / 12), words, job.SourceFile?.Length ?? words * 6);
    }

    public static AnalysisFigures Sum(IEnumerable<OrgJob> jobs) =>
        jobs.Select(Of).Aggregate(new AnalysisFigures(0, 0, 0), (a, b) => new(a.Segments + b.Segments, a.Words + b.Words, a.Characters + b.Characters));
}

/// <summary>The analyses created so far. Thread-safe; lists are snapshots in creation order.</summary>
public sealed class AnalysisStore
{
    private readonly object _lock = new();
    private readonly List<OrgAnalysis> _analyses = [];
    private long _lastId = 7000000;

    public IReadOnlyList<OrgAnalysis> All { get { lock (_lock) return _analyses.ToArray(); } }

    public OrgAnalysis? Find(string uid)
    {
        lock (_lock) return _analyses.FirstOrDefault(a => a.Uid == uid);
    }

    /// <summary>Adds an analysis; <paramref name="create"/> gets the next id and the project's next inner id.</summary>
    internal OrgAnalysis Add(OrgProject project, Func<string, int, OrgAnalysis> create)
    {
        lock (_lock)
        {
            var analysis = create((++_lastId).ToString(CultureInfo.InvariantCulture), _analyses.Count(a => a.Project.Uid == project.Uid) + 1);
            _analyses.Add(analysis);
            return analysis;
        }
    }
}
