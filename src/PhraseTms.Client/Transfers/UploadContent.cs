using Newtonsoft.Json;
using PhraseTms.Client.Serialization;
using RestSharp;

namespace PhraseTms.Client.Transfers;

/// <summary>
/// A request body that is streamed, not serialised: set it with <c>ApiCall.Body(() =&gt; content)</c> (done by
/// <see cref="TransfersApi"/>) and the pipeline hands it to RestSharp when it builds each attempt
/// (<see cref="ApplyTo"/>), which opens the file streams then — a fresh one per attempt.
/// </summary>
public abstract class UploadContent
{
    private protected UploadContent() { }

    /// <summary>Optional JSON metadata sent in the <c>Memsource</c> header (job creation): an object serialised with
    /// PhraseJson, or a <see cref="Http.JsonText"/>. Non-ASCII characters are escaped (\uXXXX) so the header stays ASCII.</summary>
    public object? Memsource { get; init; }

    /// <summary>Other headers the operation takes (<c>segRule</c>), sent as given (ASCII values).</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Headers { get; init; }

    /// <summary>The files of the body (for messages, validation and progress totals).</summary>
    public abstract IReadOnlyList<UploadFile> Files { get; }

    internal ProgressReporter Progress { get; set; } = new(null, null);

    internal long? TotalBytes => Files.All(f => f.Length is not null) ? Files.Sum(f => f.Length!.Value) : null;

    /// <summary>'a.docx' (1 MB) or 'a.docx', 'b.docx' …, for errors.</summary>
    public string Describe() => Files.Count == 1 ? Files[0].Describe() : $"the files {string.Join(", ", Files.Select(f => $"'{f.FileName}'"))}";

    internal void Validate()
    {
        foreach (var f in Files) f.Validate();
        ValidateMore();
        if (TotalBytes is > UploadFile.MaxBytes and long total)
            throw new Errors.PhraseTmsValidationException("FileTooLarge", "Path", Describe(),
                $"{Describe()} add up to {UploadFile.Size(total)}; Phrase TMS accepts at most 1 GB ({UploadFile.MaxBytes:N0} bytes) per request.");
    }

    internal void ApplyTo(RestRequest request)
    {
        if (Memsource is { } meta)
            request.AddHeader("Memsource", meta is Http.JsonText t ? EscapeNonAscii(t.Json) : Ascii(meta));
        foreach (var h in Headers ?? []) request.AddHeader(h.Key, h.Value);
        Build(request);
    }

    private protected abstract void Build(RestRequest request);

    private protected virtual void ValidateMore() { }

    private protected Func<Stream> Opener(UploadFile file) => () => file.Open(Progress);

    private static string Ascii(object value) => EscapeNonAscii(PhraseJson.Serialize(value));

    private static string EscapeNonAscii(string json)
    {
        if (json.All(c => c < 128 && c >= 32)) return json;
        var sb = new System.Text.StringBuilder(json.Length + 16);
        foreach (var c in json)
        {
            if (c is >= (char)32 and < (char)128) sb.Append(c);
            else if (c is '\r' or '\n' or '\t') sb.Append(' '); // whitespace between JSON tokens (inside strings it is already escaped)
            else sb.Append("\\u").Append(((int)c).ToString("x4"));
        }
        return sb.ToString();
    }
}

/// <summary>
/// One file as the whole body: <c>application/octet-stream</c> with <c>Content-Disposition: filename*=UTF-8''…</c>
/// (see <see cref="ContentDisposition"/>). Built with RestSharp's supported single-file body
/// (<see cref="RestRequest.AlwaysSingleFileAsContent"/> + <c>AddFile(name, Func&lt;Stream&gt;, …)</c>), whose
/// form-data disposition is replaced by Phrase's form through a content header parameter.
/// </summary>
public sealed class OctetStreamUpload(UploadFile file) : UploadContent
{
    public UploadFile File { get; } = file ?? throw new ArgumentNullException(nameof(file));

    public override IReadOnlyList<UploadFile> Files => [File];

    private protected override void Build(RestRequest request)
    {
        request.AlwaysSingleFileAsContent = true;
        request.AddFile("file", Opener(File), File.FileName, File.ContentType);
        request.AddHeader(KnownHeaders.ContentDisposition, ContentDisposition.ForUpload(File.FileName));
    }
}

/// <summary><c>multipart/form-data</c>: file parts (streamed) plus text and JSON parts, in the order added.</summary>
public sealed class MultipartUpload : UploadContent
{
    private readonly List<(string Name, UploadFile File)> _files = [];
    private readonly List<(string Name, string Value, string ContentType)> _fields = [];

    public override IReadOnlyList<UploadFile> Files => _files.Select(f => f.File).ToArray();

    private protected override void ValidateMore()
    {
        // .NET's part header writer cannot quote '"' (nor can Windows file names hold it): refused here, not mid-request.
        foreach (var (_, file) in _files)
            if (file.FileName.IndexOf('"') >= 0)
                throw new Errors.PhraseTmsValidationException("FileNameNotSupported", "FileName", file.FileName,
                    $"The file name '{file.FileName}' contains '\"', which a multipart part cannot carry; rename it or send it as an octet-stream body.");
    }

    /// <summary>A file part <c>form-data; name="<paramref name="name"/>"; filename="…"; filename*=utf-8''…</c>.</summary>
    public MultipartUpload File(string name, UploadFile file)
    {
        _files.Add((name, file));
        return this;
    }

    /// <summary>A text part (text/plain; charset=utf-8).</summary>
    public MultipartUpload Text(string name, string value)
    {
        _fields.Add((name, value, ContentType.Plain));
        return this;
    }

    /// <summary>A JSON part (application/json): an object serialised with PhraseJson, or JSON text given as <see cref="Http.JsonText"/>.</summary>
    public MultipartUpload Json(string name, object value)
    {
        _fields.Add((name, value is Http.JsonText t ? t.Json : PhraseJson.Serialize(value), ContentType.Json));
        return this;
    }

    private protected override void Build(RestRequest request)
    {
        request.AlwaysMultipartFormData = true;
        request.MultipartFormQuoteParameters = true;
        foreach (var (name, file) in _files) request.AddFile(name, Opener(file), file.FileName, file.ContentType);
        foreach (var (name, value, type) in _fields)
            request.AddParameter(new GetOrPostParameter(name, value) { ContentType = type });
    }
}
