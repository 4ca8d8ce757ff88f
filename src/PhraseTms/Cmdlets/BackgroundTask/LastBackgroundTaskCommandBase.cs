using System.Management.Automation;
using PhraseTms.Client.BackgroundTasks;
using PhraseTms.Infrastructure;

namespace PhraseTms.Cmdlets.BackgroundTask;

/// <summary>Get-TmLastBackgroundTask and Get-TbLastBackgroundTask: one UID at a time, -Wait through the one waiter.</summary>
public abstract class LastBackgroundTaskCommandBase : PhraseTmsWaitCmdlet
{
    /// <summary>Waits until the background task has finished; a failed task is written, then reported as an error.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>Writes the last background task of each UID; a missing one is a non-terminating error for that UID.</summary>
    protected void WriteLastTasks(BackgroundTaskKind kind, IEnumerable<string> uids)
    {
        foreach (var uid in uids)
            ForInput(uid, () =>
            {
                if (!Wait)
                {
                    WriteObject(Await(ct => Client.BackgroundTasks.GetLastAsync(kind, uid, ct)));
                    return;
                }
                var task = AwaitWait(uid, (options, progress, ct) => Client.BackgroundTasks.GetLastWhenFinishedAsync(kind, uid, options, progress, ct));
                WriteObject(task);
                task.AsyncRequest?.EnsureSucceeded();
            });
    }
}
