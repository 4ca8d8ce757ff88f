namespace PhraseTms.ContractStub.Journal;

/// <summary>
/// The numbers of a conformance run: the operations expected, the requests checked, and the expected operations no
/// request reached (<see cref="Unmapped"/>), plus the violations and unmatched requests seen on the way.
/// </summary>
public sealed record ConformanceSummary(
    int Operations,
    int Requests,
    IReadOnlyList<string> Unmapped,
    int Unmatched,
    int Violations)
{
    /// <summary><c>API conformance: 404 operations, 380 cmdlets, 512 requests checked, 0 unmapped</c>.</summary>
    public string Line(int cmdlets) =>
        $"API conformance: {Operations} operations, {cmdlets} cmdlets, {Requests} requests checked, {Unmapped.Count} unmapped";

    public static ConformanceSummary Of(IEnumerable<string> expectedOperations, IReadOnlyList<JournalEntry> entries)
    {
        var expected = expectedOperations.Distinct(StringComparer.Ordinal).ToList();
        var called = entries.Where(e => e.IsMatched).Select(e => e.Operation).ToHashSet(StringComparer.Ordinal);
        return new ConformanceSummary(
            expected.Count,
            entries.Count,
            expected.Where(k => !called.Contains(k)).OrderBy(k => k, StringComparer.Ordinal).ToList(),
            entries.Count(e => !e.IsMatched),
            entries.Sum(e => e.Violations.Count));
    }
}
