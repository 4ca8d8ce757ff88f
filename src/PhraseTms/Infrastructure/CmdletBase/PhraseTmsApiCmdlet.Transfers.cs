using System.Management.Automation;
using Newtonsoft.Json.Linq;
using PhraseTms.Client.AsyncRequests;
using PhraseTms.Client.Errors;
using PhraseTms.Client.Http;
using PhraseTms.Client.Serialization;
using PhraseTms.Client.Transfers;

namespace PhraseTms.Infrastructure;

// The transfer helpers of the generated cmdlets: files from -Path / -InputStream, answers to -OutFile, through the
// one transfer layer (Client.Transfers) and the ordered transfer batch (-ThrottleLimit). Everything that can be
// checked locally (a missing file, an existing -OutFile, a bad path segment) is refused before any request.
public abstract partial class PhraseTmsApiCmdlet
{
    private OrderedTransferBatch? _batch;

    /// <summary>Writes what the transfers still running produce, in input order.</summary>
    protected override void EndProcessing()
    {
        if (_batch is { } batch) ForInput(null, batch.Finish);
    }

    private OrderedTransferBatch Batch(string activity, int limit)
    {
        _batch ??= new OrderedTransferBatch(this, WriteProgress, WriteError, activity);
        _batch.Limit = Math.Max(1, limit);
        return _batch;
    }

    /// <summary>Uploads each file (all in one request for a multipart part of several files) and writes the JSON answers;
    /// with <paramref name="wait"/> (-Wait), once the asynchronous work they carry (<paramref name="asyncProperty"/>) has finished.</summary>
    protected void UploadGenerated<T>(Func<GeneratedRequest> build, FileSource source, UploadShape shape, int throttleLimit,
        WaitOptions? wait = null, string? asyncProperty = "asyncRequest") =>
        UploadGenerated<T>(build, source, shape, throttleLimit, wait, asyncProperty, null, null);

    /// <summary>As above, writing what the upload created: each of <paramref name="items"/> (the jobs of a JobList), carrying
    /// the path values it was created under; each text of <paramref name="warnings"/> (unsupportedFiles) is a warning.</summary>
    protected void UploadGenerated<T>(Func<GeneratedRequest> build, FileSource source, UploadShape shape, int throttleLimit,
        WaitOptions? wait, string? asyncProperty, Func<T, System.Collections.IEnumerable?>? items,
        Func<T, System.Collections.IEnumerable?>? warnings, params (string Property, string? Value)[] carry) =>
        Upload(build, source, shape, throttleLimit, async (call, content, options, status, ct) =>
        {
            var result = await Client.Transfers.UploadAsync<T>(call, content, options, ct).ConfigureAwait(false);
            void Write()
            {
                foreach (var text in (result is null ? null : warnings?.Invoke(result)) ?? Array.Empty<object>())
                    WriteWarning($"{content.Describe()}: not imported: {text} (unsupported by Phrase TMS).");
                if (items is null || result is null)
                {
                    WriteGenerated(result);
                    return;
                }
                foreach (var item in items(result) ?? Array.Empty<object>())
                {
                    foreach (var (property, value) in carry) GeneratedCarry.Fill(item, property, value);
                    WriteObject(item);
                }
            }
            if (wait is null) return Write;
            var finished = new List<AsyncRequest>();
            try
            {
                foreach (var id in AsyncRequestIds(result, asyncProperty))
                    finished.Add(await Client.AsyncRequests.Waiter.WaitAsync(id, wait,
                        p => status($"Waiting for {p.Request.DisplayName}: {p.Polls} poll(s), {p.Elapsed.TotalSeconds:0} s"), ct).ConfigureAwait(false));
            }
            catch (PhraseTmsAsyncOperationException ex) when (ex.Kind == PhraseErrorKind.Timeout)
            {
                // What was created is written before the timeout is reported: it must not be lost.
                return () =>
                {
                    Write();
                    throw ex;
                };
            }
            return () =>
            {
                Write();
                foreach (var f in finished) f.EnsureSucceeded();
            };
        });

    /// <summary>Uploads each file; the answer has no body.</summary>
    protected void UploadGenerated(Func<GeneratedRequest> build, FileSource source, UploadShape shape, int throttleLimit) =>
        Upload(build, source, shape, throttleLimit, async (call, content, options, _, ct) =>
        {
            await Client.Transfers.UploadRawAsync(call, content, options, ct).ConfigureAwait(false);
            return () => { };
        });

    /// <summary>Uploads each file and saves the file the API answers with to -OutFile.</summary>
    protected void UploadGenerated(Func<GeneratedRequest> build, FileSource source, UploadShape shape, int throttleLimit, OutFileTarget outFile)
    {
        var path = OutFilePath(outFile, out var refused);
        if (refused) return;
        Upload(build, source, shape, throttleLimit, async (call, content, options, _, ct) =>
        {
            var result = await Client.Transfers.UploadToFileAsync(call, content, path!, outFile.Force, options, ct).ConfigureAwait(false);
            return () => WriteSaved(result, outFile);
        });
    }

    /// <summary>Streams the API's answer to -OutFile (a temporary name, moved once complete); -PassThru writes the FileInfo.</summary>
    protected void DownloadGenerated(Func<GeneratedRequest> build, OutFileTarget outFile) =>
        ForInput(null, () =>
        {
            var request = build();
            var call = request.ToCall();
            SaveTo(outFile, () => MayChange(request),
                (path, options, _, ct) => Client.Transfers.DownloadToFileAsync(call, path, outFile.Force, options, ct));
        });

    /// <summary>
    /// Saves to -OutFile what <paramref name="download"/> fetches (a temporary name, moved once complete; progress in
    /// bytes; Ctrl+C cancels it), once <paramref name="mayGo"/> (ShouldProcess) agreed; -PassThru writes the FileInfo.
    /// An existing file without -Force is refused before any request. Up to <paramref name="throttleLimit"/> inputs'
    /// downloads run at once, their results written in input order. Call it inside ForInput.
    /// </summary>
    protected void SaveTo(OutFileTarget outFile, Func<bool> mayGo,
        Func<string, TransferOptions, Action<string>, CancellationToken, Task<DownloadResult>> download, int throttleLimit = 1)
    {
        var path = OutFilePath(outFile, out var refused);
        if (refused || !mayGo()) return;
        var batch = Batch("Downloading", throttleLimit);
        batch.Add(Path.GetFileName(path!.TrimEnd(Path.DirectorySeparatorChar)), path, async (ct, progress, status) =>
        {
            var result = await download(path, new TransferOptions { Progress = progress }, status, ct).ConfigureAwait(false);
            return () => WriteSaved(result, outFile);
        });
        if (throttleLimit == 1) batch.Finish(); // one at a time: written at once (EndProcessing writes the others)
    }

    private void WriteSaved(DownloadResult result, OutFileTarget outFile)
    {
        if (outFile.PassThru && result.Path is { } saved) WriteObject(new FileInfo(saved));
    }

    // -OutFile relative to the PowerShell location; an existing file without -Force is refused before any request.
    private string? OutFilePath(OutFileTarget outFile, out bool refused)
    {
        refused = false;
        var path = GetUnresolvedProviderPathFromPSPath(outFile.Path ?? "");
        if (File.Exists(path) && !outFile.Force)
        {
            refused = true;
            WriteError(new ErrorRecord(new IOException($"The file '{path}' already exists. Use -Force to overwrite it."),
                "OutFileExists", ErrorCategory.ResourceExists, path));
            return null;
        }
        return path;
    }

    private delegate Task<Action> UploadWork(ApiCall call, UploadContent content, TransferOptions options, Action<string> status, CancellationToken ct);

    // One input: resolves and checks its files (a missing one is an ObjectNotFound error, the others go on), asks
    // ShouldProcess per request, and hands each request to the batch (-ThrottleLimit at once, written in input order).
    private void Upload(Func<GeneratedRequest> build, FileSource source, UploadShape shape, int throttleLimit, UploadWork work) =>
        ForInput(null, () =>
        {
            build(); // path segments and parameters are checked before anything else
            var fromStream = source.Stream is not null;
            var batch = Batch("Uploading", fromStream ? 1 : throttleLimit);
            foreach (var files in Requests(source, shape))
            {
                var request = build();
                var target = files.Count == 1 ? (object)(files[0].Path ?? files[0].FileName) : files.Select(f => f.Path ?? f.FileName).ToArray();
                var label = string.Join(", ", files.Select(f => f.FileName));
                try
                {
                    foreach (var f in files) f.Validate();
                    if (source.RelativeField is { } field && source.RelativeTo is { } root && files[0].Path is { } full
                        && RelativeFolder(root, full) is { } folder)
                        request.SetMetadataDefault(field, folder);
                    if (!ShouldProcess($"{label} → {request.Method} /{request.Path}", request.Action)) continue;
                    var content = Content(request, shape, files);
                    var call = request.ToCall();
                    batch.Add(label, target, (ct, progress, status) => work(call, content, new TransferOptions { Progress = progress }, status, ct));
                }
                catch (PhraseTmsException ex)
                {
                    WriteClientError(ex, target);
                }
            }
            if (fromStream) batch.Finish(); // the caller's stream is read before the next input
        });

    // The requests of one input: one per file, or every file in one for a multipart part of several.
    private IEnumerable<List<UploadFile>> Requests(FileSource source, UploadShape shape)
    {
        if (source.Stream is { } stream)
        {
            yield return [UploadFile.FromStream(stream, source.FileName ?? "")];
            yield break;
        }
        var files = new List<UploadFile>();
        foreach (var p in source.Paths ?? [])
            if (ResolveFile(p) is { } file)
            {
                if (shape.ManyFiles) files.Add(file);
                else yield return [file];
            }
        if (shape.ManyFiles && files.Count > 0) yield return files;
    }

    // A PowerShell path taken literally (no wildcards), relative to the current location; a missing file or a folder
    // is an error for that path before any request.
    private UploadFile? ResolveFile(string path)
    {
        string full;
        try
        {
            full = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out var provider, out _);
            if (provider.ImplementingType != typeof(Microsoft.PowerShell.Commands.FileSystemProvider))
            {
                WriteError(new ErrorRecord(new ArgumentException($"'{path}' is not a file system path."), "PathNotFileSystem", ErrorCategory.InvalidArgument, path));
                return null;
            }
        }
        catch (Exception ex) when (ex is ItemNotFoundException or System.Management.Automation.DriveNotFoundException or ProviderNotFoundException or NotSupportedException)
        {
            WriteError(new ErrorRecord(ex, "FileNotFound", ErrorCategory.ObjectNotFound, path));
            return null;
        }
        if (Directory.Exists(full))
        {
            WriteError(new ErrorRecord(new ArgumentException($"'{full}' is a folder, not a file: pipe its files (Get-ChildItem -File)."),
                "PathIsFolder", ErrorCategory.InvalidArgument, path));
            return null;
        }
        if (!File.Exists(full))
        {
            WriteError(new ErrorRecord(new FileNotFoundException($"The file '{full}' does not exist.", full), "FileNotFound", ErrorCategory.ObjectNotFound, path));
            return null;
        }
        return UploadFile.FromPath(full);
    }

    // The folder of a file below -RelativeTo, with '/' (null for a file directly in it: no path is sent); a file
    // outside it is refused.
    private string? RelativeFolder(string root, string file)
    {
        var rootFull = GetUnresolvedProviderPathFromPSPath(root).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var comparison = Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (!file.StartsWith(rootFull, comparison))
            throw new PhraseTmsValidationException("PathNotUnderRelativeTo", "RelativeTo", file, $"The file '{file}' is not inside -RelativeTo '{rootFull}'.");
        var folder = Path.GetDirectoryName(file.Substring(rootFull.Length));
        return string.IsNullOrEmpty(folder) ? null : folder!.Replace(Path.DirectorySeparatorChar, '/');
    }

    private static UploadContent Content(GeneratedRequest request, UploadShape shape, List<UploadFile> files)
    {
        if (shape.FilePart is not { } part)
            return new OctetStreamUpload(files[0]) { Memsource = request.MetadataJson(), Headers = request.Headers };
        var multipart = new MultipartUpload { Memsource = request.MetadataJson(), Headers = request.Headers };
        foreach (var f in files) multipart.File(part, f);
        foreach (var (name, value) in request.JsonParts) multipart.Json(name, value is JToken t ? new JsonText(t.ToString(Newtonsoft.Json.Formatting.None)) : value);
        return multipart;
    }

    /// <summary>The ids of the asynchronous requests an answer is or carries: <c>asyncRequest</c>, null (the answer is one),
    /// <c>analyses[].asyncRequest</c> (each item's).</summary>
    protected static List<string> AsyncRequestIds(object? result, string? property)
    {
        var ids = new List<string>();
        if (result is null) return ids;
        var answer = JToken.FromObject(result, PhraseJson.Serializer);
        if (property is null)
        {
            if (answer["id"]?.ToString() is { Length: > 0 } own) ids.Add(own);
            return ids;
        }
        var bracket = property.IndexOf("[].", StringComparison.Ordinal);
        var items = bracket < 0 ? [answer] : (answer[property.Substring(0, bracket)] as JArray)?.ToList() ?? [];
        var leaf = bracket < 0 ? property : property.Substring(bracket + 3);
        foreach (var item in items)
            if (item is JObject o && o[leaf] is JObject carried && carried["id"]?.ToString() is { Length: > 0 } id) ids.Add(id);
        return ids;
    }
}
