namespace PhraseTms.Emulator;

/// <summary>Seeded async requests 9000001-9000005 (see <see cref="SeedIds"/>), all by the demo user in aBcD123.</summary>
internal static class AsyncRequestSeeds
{
    public static IEnumerable<AsyncRequest> Create(DateTimeOffset now, EmulatorProject project)
    {
        var by = SeedData.DemoAccount;
        DateTimeOffset T(int minutesAgo) => EmulatorClock.TruncateToSecond(now - TimeSpan.FromMinutes(minutesAgo));
        var none = new Dictionary<string, string>();
        var ok = new AsyncOutcome(null, null, [], [], null);

        yield return new AsyncRequest(SeedIds.AsyncFinishedOk, "IMPORT_JOB", T(60), by, project, ok, 0, false, T(59));
        yield return new AsyncRequest(SeedIds.AsyncFinishedError, "IMPORT_JOB", T(50), by, project,
            new AsyncOutcome("ImportFailed", "Import of file website/en/about.html failed",
                [new AsyncErrorDetail("IMPORT_FAILED", new Dictionary<string, string> { ["fileName"] = "website/en/about.html" },
                    "The file could not be parsed: unexpected end of file")],
                [], null),
            0, false, T(49));
        yield return new AsyncRequest(SeedIds.AsyncFinishedWithWarnings, "PRE_TRANSLATE", T(40), by, project,
            new AsyncOutcome(null, null, [],
            [
                new AsyncErrorDetail("MT_UNAVAILABLE", new Dictionary<string, string> { ["targetLang"] = "ja" },
                    "Machine translation is not available for ja; segments were left empty"),
                new AsyncErrorDetail("TM_MATCH_LOW", none, "Some segments had only low translation memory matches"),
            ], 118),
            0, false, T(39));
        yield return new AsyncRequest(SeedIds.AsyncNeverFinishes, "IMPORT_JOB", T(30), by, project, ok, 0, neverFinishes: true, null);
        // An action the docs do not list: clients must keep "action" an open string.
        yield return new AsyncRequest(SeedIds.AsyncUnknownAction, "FILE_FLOW_FUTURE_ACTION", T(20), by, project, ok, 0, false, T(19));
    }
}
