using System.Collections;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Reflection;
using PhraseTms.Client.Errors;
using PhraseTms.Client.Http;
using PhraseTms.Client.Raw;
using PhraseTms.Client.Serialization;

namespace PhraseTms.Infrastructure;

/// <summary>How a generated cmdlet checks a path segment before any request (<see cref="PathSegment"/>).</summary>
public enum SegmentKind
{
    /// <summary>A Phrase UID: letters, digits, '_' and '-'.</summary>
    Uid,
    /// <summary>A numeric id.</summary>
    NumericId,
    /// <summary>Any non-empty text, escaped as one segment.</summary>
    Escaped,
}

/// <summary>
/// The description of one call of a generated cmdlet: method, path (segments checked and escaped as they are built),
/// the query parameters and body fields the user gave (a parameter not given is not sent, so the API's default
/// applies), or the whole body from -Body. Turned into one <see cref="ApiCall"/>: no second way to send.
/// </summary>
public sealed class GeneratedRequest
{
    private readonly Dictionary<string, object?> _bound;
    private readonly List<(string Name, string? Value)> _query = [];
    private Dictionary<string, object?>? _fields;
    private string? _jsonText;

    internal GeneratedRequest(string method, string path, Dictionary<string, object?> bound, string action)
    {
        Method = method;
        Path = path;
        _bound = bound;
        Action = action;
    }

    public string Method { get; }
    public string Path { get; }

    /// <summary>What ShouldProcess shows as the action ("Delete project").</summary>
    public string Action { get; }

    /// <summary>A query parameter from the cmdlet parameter <paramref name="parameter"/>, when it was given; lists repeat.</summary>
    public GeneratedRequest Q(string name, string parameter, object? value)
    {
        if (!_bound.ContainsKey(parameter) || value is null) return this;
        if (value is not string && value is IEnumerable many)
            foreach (var v in many) _query.Add((name, Scalar(v)));
        else
            _query.Add((name, Scalar(value)));
        return this;
    }

    /// <summary>A JSON body field from the cmdlet parameter <paramref name="parameter"/>, when it was given.</summary>
    public GeneratedRequest Field(string name, string parameter, object? value)
    {
        _fields ??= new(StringComparer.Ordinal);
        if (_bound.ContainsKey(parameter)) _fields[name] = BodyValue(value);
        return this;
    }

    /// <summary>The operation has a JSON body: fields are sent even when none was given (an empty object).</summary>
    public GeneratedRequest Fields()
    {
        _fields ??= new(StringComparer.Ordinal);
        return this;
    }

    /// <summary>The whole body from -Body: a hashtable, an object (keys sent as written) or JSON text (sent as is).</summary>
    public GeneratedRequest WholeBody(object? body)
    {
        _jsonText = JsonBody.From(body, PowerShellValues.Unwrap) ?? "{}";
        return this;
    }

    // --- Transfers: headers, the Memsource metadata header, multipart JSON parts (sent by the transfer helpers) ---

    private readonly List<KeyValuePair<string, string>> _headers = [];
    private readonly Dictionary<string, object?> _metadata = new(StringComparer.Ordinal);
    private readonly List<(string Name, object Value)> _jsonParts = [];
    private object? _wholeMetadata;

    /// <summary>A header parameter of the operation (<c>segRule</c>), when it was given.</summary>
    public GeneratedRequest H(string name, string parameter, object? value)
    {
        if (_bound.ContainsKey(parameter) && Scalar(value) is { } text) _headers.Add(new(name, text));
        return this;
    }

    /// <summary>A field of the <c>Memsource</c> JSON header from the cmdlet parameter <paramref name="parameter"/>, when given.</summary>
    public GeneratedRequest M(string name, string parameter, object? value)
    {
        if (_bound.ContainsKey(parameter)) _metadata[name] = BodyValue(value);
        return this;
    }

    /// <summary>-Metadata: the whole <c>Memsource</c> header (hashtable, object or JSON text); the field parameters given are set over it.</summary>
    public GeneratedRequest Metadata(object? metadata)
    {
        _wholeMetadata = metadata;
        return this;
    }

    /// <summary>A multipart JSON part from the cmdlet parameter <paramref name="parameter"/>, when given.</summary>
    public GeneratedRequest Part(string name, string parameter, object? value)
    {
        if (_bound.ContainsKey(parameter) && BodyValue(value) is { } v) _jsonParts.Add((name, v));
        return this;
    }

    /// <summary>The download can be fetched only once (an async request's result): never retried (ApiCall.OneShot).</summary>
    public GeneratedRequest Once()
    {
        OneShot = true;
        return this;
    }

    public bool OneShot { get; private set; }

    /// <summary>Whether the operation's <c>Memsource</c> header is required (sent as <c>{}</c> when nothing was given).</summary>
    public GeneratedRequest MetadataRequired()
    {
        _metadataRequired = true;
        return this;
    }

    private bool _metadataRequired;

    /// <summary>Whether a field of the Memsource header has been given (by its parameter or in -Metadata).</summary>
    public bool HasMetadataField(string name) =>
        _metadata.ContainsKey(name) || (WholeMetadata() is { } whole && whole[name] is not null);

    /// <summary>Sets a Memsource field the helper computes (the job's path from -RelativeTo), unless it was given.</summary>
    public void SetMetadataDefault(string name, object? value)
    {
        if (!HasMetadataField(name)) _metadata[name] = value;
    }

    private Newtonsoft.Json.Linq.JObject? WholeMetadata()
    {
        if (_wholeMetadata is null) return null;
        var token = PowerShellValues.Unwrap(_wholeMetadata) is string text
            ? ParseMetadata(text)
            : JsonBody.ToToken(_wholeMetadata, PowerShellValues.Unwrap);
        return token as Newtonsoft.Json.Linq.JObject
            ?? throw new PhraseTmsValidationException("InvalidMetadata", "Metadata", _wholeMetadata, "-Metadata must be a hashtable, an object or a JSON object.");
    }

    private static Newtonsoft.Json.Linq.JToken ParseMetadata(string text)
    {
        try { return Newtonsoft.Json.Linq.JToken.Parse(text); }
        catch (Newtonsoft.Json.JsonException ex)
        {
            throw new PhraseTmsValidationException("InvalidMetadata", "Metadata", text, $"-Metadata is not JSON: {ex.Message}");
        }
    }

    /// <summary>The <c>Memsource</c> header's JSON (-Metadata with the field parameters set over it); null when none is sent.</summary>
    public JsonText? MetadataJson()
    {
        var whole = WholeMetadata();
        if (whole is null && _metadata.Count == 0) return _metadataRequired ? new JsonText("{}") : null;
        var result = whole ?? new Newtonsoft.Json.Linq.JObject();
        foreach (var (name, value) in _metadata)
            result[name] = value is null ? Newtonsoft.Json.Linq.JValue.CreateNull() : Newtonsoft.Json.Linq.JToken.FromObject(value, PhraseJson.Serializer);
        return new JsonText(result.ToString(Newtonsoft.Json.Formatting.None));
    }

    /// <summary>The headers given (segRule, …).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers => _headers;

    /// <summary>The multipart JSON parts given.</summary>
    public IReadOnlyList<(string Name, object Value)> JsonParts => _jsonParts;

    /// <summary>The call, for the one pipeline (Client.Pipeline).</summary>
    public ApiCall ToCall(int? pageNumber = null, int? pageSize = null)
    {
        var call = new ApiCall(new HttpMethod(Method), Path) { OneShot = OneShot };
        foreach (var (name, value) in _query) call.Query(name, value);
        if (pageNumber is not null) call.Query("pageNumber", pageNumber).Query("pageSize", pageSize);
        if (_jsonText is not null) call.JsonText(_jsonText);
        else if (_fields is not null)
        {
            var fields = _fields;
            call.Body(() => fields);
        }
        return call;
    }

    /// <summary>Checks and escapes one path segment; bad input is a validation error before any request.</summary>
    public static string Segment(string parameter, string? value, SegmentKind kind) => kind switch
    {
        SegmentKind.Uid => PathSegment.Escape(PathSegment.Uid(parameter, value)),
        SegmentKind.NumericId => PathSegment.Escape(PathSegment.NumericId(parameter, value)),
        _ => string.IsNullOrWhiteSpace(value)
            ? throw new PhraseTmsValidationException("EmptyIdentifier", parameter, value, $"-{parameter} must not be empty.")
            : PathSegment.Escape(value!),
    };

    private static string? Scalar(object? value) => PowerShellValues.Unwrap(value!) switch
    {
        null => null,
        SwitchParameter s => ApiValue.Format(s.IsPresent),
        DateTime d => ApiValue.Format(new DateTimeOffset(d).ToUniversalTime()),
        var v => ApiValue.Format(v),
    };

    private static object? BodyValue(object? value)
    {
        if (value is null) return null;
        var v = PowerShellValues.Unwrap(value);
        return v switch
        {
            null => null,
            SwitchParameter s => s.IsPresent,
            DateTime d => new DateTimeOffset(d).ToUniversalTime(),
            DateTime[] ds => ds.Select(d => new DateTimeOffset(d).ToUniversalTime()).ToArray(),
            string or bool or int or long or double or DateTimeOffset => v,
            Array a when a.GetType().GetElementType()!.Assembly == typeof(ApiCall).Assembly => v, // models: serialized with their JSON names
            Array a when a.GetType().GetElementType() is { IsPrimitive: true } || a is string[] => v,
            _ when v.GetType().Assembly == typeof(ApiCall).Assembly => v,
            _ => JsonBody.ToToken(v, PowerShellValues.Unwrap), // a free-form value: keys as written
        };
    }
}

/// <summary>Fills the path values a list was read under into its items (the jobs of a project carry ProjectUid).</summary>
public static class GeneratedCarry
{
    private static readonly ConcurrentDictionary<(Type, string), PropertyInfo?> Properties = new();

    public static void Fill(object? item, string property, string? value)
    {
        if (item is null || value is null) return;
        var p = Properties.GetOrAdd((item.GetType(), property), static k =>
            k.Item1.GetProperty(k.Item2, BindingFlags.Public | BindingFlags.Instance) is { CanWrite: true } pi && pi.PropertyType == typeof(string) ? pi : null);
        if (p is not null && p.GetValue(item) is null) p.SetValue(item, value);
    }
}
