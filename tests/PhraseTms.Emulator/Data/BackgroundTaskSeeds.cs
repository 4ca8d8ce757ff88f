namespace PhraseTms.Emulator;

/// <summary>The four translation memories (IMPORT_TMX) or term bases (IMPORT_TBX): finished OK, finished with an error,
/// still running, never ran. Their async requests are 8000001-8000003 (TMs) and 8000011-8000013 (TBs).</summary>
internal static class BackgroundTaskSeeds
{
    public static IReadOnlyList<BackgroundTaskResource> Create(bool isTermBase, DateTimeOffset now, EmulatorProject project,
        int pollsToFinish, List<AsyncRequest> asyncRequests)
    {
        var prefix = isTermBase ? "tb" : "tm";
        var action = isTermBase ? "IMPORT_TBX" : "IMPORT_TMX";
        var file = isTermBase ? "demo-glossary.tbx" : "demo-memory.tmx";
        var unit = isTermBase ? "terms" : "segments";
        var firstId = isTermBase ? 8000011 : 8000001;
        var by = SeedData.DemoAccount;
        var metadata = isTermBase
            ? new BackgroundTaskMetadata(860, 845, new Dictionary<string, long> { ["en"] = 430, ["de"] = 430 })
            : new BackgroundTaskMetadata(12480, 11902, new Dictionary<string, long> { ["en"] = 6240, ["de"] = 6240 });
        var finishedText = $"{metadata.SegmentsCount} {unit} imported from {file}";
        var ok = new AsyncOutcome(null, null, [], [], metadata.SegmentsCount);
        var errorDesc = $"The file {file} could not be imported: invalid XML at line 42";
        var failed = new AsyncOutcome(isTermBase ? "TbImportFailed" : "TmImportFailed", errorDesc,
            [new AsyncErrorDetail("INVALID_XML", new Dictionary<string, string> { ["line"] = "42" }, "Unexpected end of element at line 42, column 7")],
            [new AsyncErrorDetail("SKIPPED_ENTRIES", new Dictionary<string, string> { ["count"] = "3" }, $"3 {unit} were skipped because they had no target text")],
            0);

        DateTimeOffset T(double hoursAgo) => EmulatorClock.TruncateToSecond(now - TimeSpan.FromHours(hoursAgo));
        var okRequest = new AsyncRequest((firstId).ToString(), action, T(2), by, project, ok, 0, false, T(2) + TimeSpan.FromSeconds(35));
        var errRequest = new AsyncRequest((firstId + 1).ToString(), action, T(3), by, project, failed, 0, false, T(3) + TimeSpan.FromSeconds(12));
        var runRequest = new AsyncRequest((firstId + 2).ToString(), action, T(0.02), by, project, ok, Math.Max(0, pollsToFinish), false, null);
        asyncRequests.AddRange([okRequest, errRequest, runRequest]);

        var kind = isTermBase ? "glossary" : "memory";
        return
        [
            new($"{prefix}Ok000001", $"Demo {kind} (finished)", isTermBase, okRequest.Id, $"Import of {file}", metadata, finishedText, null, null),
            new($"{prefix}Err00002", $"Demo {kind} (failed)", isTermBase, errRequest.Id, $"Import of {file}", null, null, errorDesc,
                $"<p>The file <b>{file}</b> could not be imported: invalid XML at line 42</p>"),
            new($"{prefix}Run00003", $"Demo {kind} (running)", isTermBase, runRequest.Id, $"Import of {file}", metadata, finishedText, null, null),
            new($"{prefix}Never004", $"Demo {kind} (never imported)", isTermBase, null, null, null, null, null, null),
        ];
    }
}
