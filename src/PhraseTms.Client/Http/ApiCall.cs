using System.Text;
using PhraseTms.Client.Errors;
using PhraseTms.Client.Serialization;

namespace PhraseTms.Client.Http;

/// <summary>
/// One API call, described before it is sent: method, path (segments already validated and escaped), query, body.
/// The pipeline turns it into a request for each attempt.
/// </summary>
public sealed class ApiCall
{
    private readonly List<KeyValuePair<string, string>> _query = [];

    /// <param name="method">GET, POST, PUT, PATCH or DELETE.</param>
    /// <param name="path">Path under the base URI, e.g. <c>api2/v1/connectorAsyncTasks</c>; build it with <see cref="PathSegment"/>.</param>
    public ApiCall(HttpMethod method, string path)
    {
        Method = method;
        Path = path.TrimStart('/');
    }

    /// <summary>
    /// A call to a service other than the TMS API (the Phrase Platform identity service): sent to
    /// <paramref name="absoluteUri"/> as it is, always without the Authorization header (<see cref="Anonymous"/>).
    /// </summary>
    public ApiCall(HttpMethod method, Uri absoluteUri)
    {
        if (!absoluteUri.IsAbsoluteUri) throw new ArgumentException("The URI must be absolute.", nameof(absoluteUri));
        Method = method;
        AbsoluteUri = absoluteUri;
        Path = absoluteUri.AbsolutePath.TrimStart('/');
        Anonymous = true;
    }

    public HttpMethod Method { get; }
    public string Path { get; }

    /// <summary>Where a call outside the TMS API goes (null: under the client's base URI).</summary>
    public Uri? AbsoluteUri { get; }
    public IReadOnlyList<KeyValuePair<string, string>> QueryParameters => _query;

    /// <summary>Builds the body at the moment the request is built (so secrets are revealed only then).</summary>
    public Func<object>? BodyFactory { get; private set; }

    /// <summary>Sent without the Authorization header (login; always for a call with <see cref="AbsoluteUri"/>).</summary>
    public bool Anonymous { get; init; }

    /// <summary>A call that may be sent again after it may have reached the server: true for GET (unless <see cref="OneShot"/>).</summary>
    public bool IsIdempotent => (Method == HttpMethod.Get || Method == HttpMethod.Head) && !OneShot;

    /// <summary>
    /// Can be answered only once (the target file of an async request, <c>downloadTargetFile/{asyncRequestId}</c>): never
    /// retried after it may have reached the server, even as a GET (a 429 is, the server refused it); its error says the
    /// download must be requested again.
    /// </summary>
    public bool OneShot { get; init; }

    /// <summary>Set by <see cref="Transfers.TransfersApi"/>: the file(s) named in errors, the sink of a download, the timeout.</summary>
    internal Transfers.TransferState? Transfer { get; set; }

    /// <summary>The timeout of one attempt: a transfer's own, else <see cref="Timeout"/>; null uses the client's.</summary>
    internal TimeSpan? AttemptTimeout => Transfer?.Timeout ?? Timeout;

    /// <summary>Per-call timeout; null uses the client's.</summary>
    public TimeSpan? Timeout { get; init; }

    public ApiCall Query(string name, string? value)
    {
        if (value is not null) _query.Add(new(name, value));
        return this;
    }

    public ApiCall Query(string name, int? value) => Query(name, ApiValue.Format(value));

    public ApiCall Query(string name, bool? value) => Query(name, ApiValue.Format(value));

    public ApiCall Query(string name, DateTimeOffset? value) => Query(name, ApiValue.Format(value));

    public ApiCall Query(string name, IEnumerable<string>? values)
    {
        if (values is null) return this;
        foreach (var v in values) Query(name, v);
        return this;
    }

    /// <summary>Sets a JSON body (an object serialised with <see cref="PhraseJson"/>).</summary>
    public ApiCall Body(object body)
    {
        BodyFactory = () => body;
        return this;
    }

    /// <summary>Sets a body built only when the request is built.</summary>
    public ApiCall Body(Func<object> factory)
    {
        BodyFactory = factory;
        return this;
    }

    /// <summary>Sets a form-encoded body (application/x-www-form-urlencoded), built only when the request is built.</summary>
    public ApiCall Form(Func<IReadOnlyList<KeyValuePair<string, string>>> fields)
    {
        BodyFactory = () => new FormFields(fields());
        return this;
    }

    /// <summary>Sets a body of JSON text, sent exactly as given.</summary>
    public ApiCall JsonText(string json)
    {
        BodyFactory = () => new JsonText(json);
        return this;
    }

    /// <summary>Path and query, as sent (escaped), for logs and errors.</summary>
    public string PathAndQuery
    {
        get
        {
            var root = AbsoluteUri is { } uri ? uri.GetLeftPart(UriPartial.Path) : "/" + Path;
            if (_query.Count == 0) return root;
            var sb = new StringBuilder(root).Append('?');
            for (var i = 0; i < _query.Count; i++)
            {
                if (i > 0) sb.Append('&');
                sb.Append(Uri.EscapeDataString(_query[i].Key)).Append('=').Append(Uri.EscapeDataString(_query[i].Value));
            }
            return sb.ToString();
        }
    }

    public RequestInfo Info => new(Method.Method, PathAndQuery);

    /// <inheritdoc />
    public override string ToString() => Info.ToString();
}

/// <summary>A request body that is already JSON text (sent as is, not serialised again).</summary>
public sealed record JsonText(string Json);

/// <summary>A form-encoded request body. Its values may be secrets: <see cref="ToString"/> shows only the names.</summary>
public sealed class FormFields(IReadOnlyList<KeyValuePair<string, string>> fields)
{
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; } = fields;

    /// <summary>name=value&amp;… with both escaped (RFC 3986 escaping is valid form encoding).</summary>
    public string Encode() =>
        string.Join("&", Fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));

    /// <inheritdoc />
    public override string ToString() => string.Join("&", Fields.Select(f => f.Key + "=…"));
}
