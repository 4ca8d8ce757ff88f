using System.Management.Automation;

namespace PhraseTms.Infrastructure;

/// <summary>
/// One progress bar of a cmdlet: every update writes a new <see cref="ProgressRecord"/> with the bar's id. PowerShell
/// keeps the records it is given (hosted runspaces, jobs, $ProgressPreference consumers read them later), so a record
/// is never changed after it was written.
/// </summary>
internal sealed class ProgressBar(Action<ProgressRecord> write, int activityId, string activity)
{
    private string _activity = activity;
    private string _status = "Starting";

    /// <summary>True once an update was written (only then does <see cref="Complete"/> write anything).</summary>
    public bool Shown { get; private set; }

    public void Update(string status, int percentComplete = -1, int secondsRemaining = -1, string? activity = null)
    {
        if (activity is not null) _activity = activity;
        _status = status;
        write(new ProgressRecord(activityId, _activity, status) { PercentComplete = percentComplete, SecondsRemaining = secondsRemaining });
        Shown = true;
    }

    public void Complete()
    {
        if (!Shown) return;
        write(new ProgressRecord(activityId, _activity, _status) { RecordType = ProgressRecordType.Completed });
    }
}
