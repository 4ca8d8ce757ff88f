using System.Management.Automation;
using PhraseTms.Client.Errors;
using PhraseTms.Client.Transfers;

namespace PhraseTms.Infrastructure;

/// <summary>
/// Runs a cmdlet's file transfers, up to <c>-ThrottleLimit</c> at once, and writes their results in input order on
/// the pipeline thread (never Write* off it: everything a transfer reports is posted through the cmdlet's
/// <see cref="PipelineBridge"/>). One child progress bar per transfer (bytes) under a parent bar for the batch (files
/// done of files added). A failed transfer is a non-terminating error naming its file; the others go on. Ctrl+C
/// cancels every transfer at once (the transfer layer leaves no partial file under a final name).
/// </summary>
internal sealed class OrderedTransferBatch
{
    private static int _progressIds = 3000;

    private readonly PhraseTmsCmdlet _cmdlet;
    private readonly Action<ProgressRecord> _writeProgress;
    private readonly Action<ErrorRecord> _writeError;
    private readonly string _activity;
    private readonly Queue<Entry> _pending = new();
    private readonly int _parentId = Interlocked.Increment(ref _progressIds);
    private CancellationTokenSource? _cancel;
    private int _added;
    private int _done;
    private bool _parentShown;

    public OrderedTransferBatch(PhraseTmsCmdlet cmdlet, Action<ProgressRecord> writeProgress, Action<ErrorRecord> writeError, string activity)
    {
        _cmdlet = cmdlet;
        _writeProgress = writeProgress;
        _writeError = writeError;
        _activity = activity;
    }

    /// <summary>How many transfers may run at once (-ThrottleLimit).</summary>
    public int Limit { get; set; } = 1;

    /// <summary>
    /// Starts one transfer once fewer than <see cref="Limit"/> run (waiting on the pipeline thread meanwhile, writing
    /// what has finished in order). <paramref name="work"/> gets the batch's cancellation, a progress callback (bytes)
    /// and a status callback (what it waits for after the transfer), and answers what to write on the pipeline thread
    /// when its turn comes.
    /// </summary>
    public void Add(string fileName, object target, Func<CancellationToken, Action<TransferProgress>, Action<string>, Task<Action>> work) =>
        Guard(() => AddCore(fileName, target, work));

    private void AddCore(string fileName, object target, Func<CancellationToken, Action<TransferProgress>, Action<string>, Task<Action>> work)
    {
        while (_pending.Count(e => !e.Task.IsCompleted) >= Limit)
        {
            Wait(Task.WhenAny(_pending.Where(e => !e.Task.IsCompleted).Select(e => e.Task)));
            WriteFinished();
        }
        var entry = new Entry(fileName, target, Interlocked.Increment(ref _progressIds));
        _added++;
        _cmdlet.PrepareBackgroundWork(); // posts from the transfer reach this pipeline thread; its log lines this cmdlet
        // Ctrl+C cancels it, and so does the cmdlet leaving early (a Stop preference on an error, a downstream -First).
        _cancel ??= CancellationTokenSource.CreateLinkedTokenSource(_cmdlet.StopToken);
        var ct = _cancel.Token;
        void Progress(TransferProgress p) => _cmdlet.Post(() => WriteChild(entry, p.TotalBytes is { } total ? $"{p.Bytes:N0} of {total:N0} bytes" : $"{p.Bytes:N0} bytes",
            p.Percent is { } percent ? (int)percent : -1));
        void Status(string status) => _cmdlet.Post(() => WriteChild(entry, status, -1));
        entry.Task = Task.Run(() => work(ct, Progress, Status), ct);
        _pending.Enqueue(entry);
        UpdateParent();
        WriteFinished();
    }

    /// <summary>Writes the results at the head of the queue that have finished (in input order), without waiting.</summary>
    private void WriteFinished()
    {
        while (_pending.Count > 0 && _pending.Peek().Task.IsCompleted) Write(_pending.Dequeue());
    }

    /// <summary>Waits for every transfer and writes the results in input order (EndProcessing).</summary>
    public void Finish() => Guard(FinishCore);

    private void FinishCore()
    {
        while (_pending.Count > 0)
        {
            var head = _pending.Peek();
            if (!head.Task.IsCompleted) Wait(head.Task);
            WriteFinished();
        }
        if (_parentShown) _writeProgress(new ProgressRecord(_parentId, _activity, $"{_done} of {_added} files") { RecordType = ProgressRecordType.Completed });
    }

    private void Write(Entry entry)
    {
        _done++;
        entry.Written = true;
        if (entry.Shown)
            _writeProgress(new ProgressRecord(entry.ProgressId, entry.FileName, "Done") { ParentActivityId = ParentId, RecordType = ProgressRecordType.Completed });
        UpdateParent();
        var task = entry.Task;
        if (task.IsCanceled || _cmdlet.StopToken.IsCancellationRequested) throw new PipelineStoppedException();
        if (task.Exception?.GetBaseException() is { } failure)
        {
            if (failure is PhraseTmsException phrase) _writeError(Named(phrase, entry));
            else if (failure is OperationCanceledException) throw new PipelineStoppedException();
            else throw failure; // unexpected: the cmdlet's ForInput reports it as the module's internal error
            return;
        }
        try { task.Result(); }
        catch (PhraseTmsException ex) { _writeError(Named(ex, entry)); } // after its result: a failed import, a timeout
    }

    // On the pipeline thread, running posted progress meanwhile; Ctrl+C: a PipelineStoppedException (Guard cancels the rest).
    private void Wait(Task task) => _cmdlet.WaitUntilEnded(task);

    // Leaving early (Ctrl+C, an exception): cancel every transfer still running and let them end (their temporary
    // files deleted) before the exception goes on, so nothing is sent after the cmdlet has ended.
    private void Guard(Action body)
    {
        try { body(); }
        catch
        {
            _cancel?.Cancel();
            try { Task.WaitAll(_pending.Select(e => (Task)e.Task).ToArray(), PipelineBridge.SettleTimeout); }
            catch (AggregateException) { /* cancelled or failed: only that they ended matters */ }
            _pending.Clear();
            _cancel?.Dispose();
            _cancel = null; // should the cmdlet go on (a non-terminating error), the next transfers get a fresh token
            throw;
        }
    }

    // The error of one file: the client's record, its message naming the file when it does not already.
    private static ErrorRecord Named(PhraseTmsException ex, Entry entry)
    {
        var record = ErrorMapping.ToErrorRecord(ex, entry.Target);
        var message = record.ErrorDetails?.Message ?? ex.Message;
        if (message.IndexOf(entry.FileName, StringComparison.OrdinalIgnoreCase) < 0)
            record.ErrorDetails = new ErrorDetails($"'{entry.FileName}': {message}") { RecommendedAction = record.ErrorDetails?.RecommendedAction ?? ex.RecommendedAction };
        return record;
    }

    // The parent bar is shown once a second file is added (a single transfer has its own bar only).
    private int ParentId => _added > 1 ? _parentId : -1;

    private void UpdateParent()
    {
        if (_added < 2) return;
        _parentShown = true;
        _writeProgress(new ProgressRecord(_parentId, _activity, $"{_done} of {_added} files")
        {
            PercentComplete = (int)Math.Min(100, _done * 100L / _added),
        });
    }

    private void WriteChild(Entry entry, string status, int percent)
    {
        if (entry.Written) return; // a late report of a transfer already written
        entry.Shown = true;
        _writeProgress(new ProgressRecord(entry.ProgressId, entry.FileName, status)
        {
            ParentActivityId = ParentId,
            PercentComplete = percent,
        });
    }

    private sealed class Entry(string fileName, object target, int progressId)
    {
        public string FileName { get; } = fileName;
        public object Target { get; } = target;
        public int ProgressId { get; } = progressId;
        public Task<Action> Task { get; set; } = null!;
        public bool Shown { get; set; }
        public bool Written { get; set; }
    }
}
