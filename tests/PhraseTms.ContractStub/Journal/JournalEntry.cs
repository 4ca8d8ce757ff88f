using PhraseTms.ContractStub.Validation;

namespace PhraseTms.ContractStub.Journal;

/// <summary>One request: what was sent, the operation it matched (<see cref="Unmatched"/> when none), the violations
/// found, and what the stub answered.</summary>
public sealed record JournalEntry(
    int Index,
    string Method,
    string RawTarget,
    string Operation,
    IReadOnlyList<Violation> Violations,
    int Status,
    string? ResponseBody)
{
    public const string Unmatched = "unmatched";

    public bool IsMatched => Operation != Unmatched;
}
