using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace PhraseTms.Client.Serialization;

/// <summary>The one set of JSON settings used for every request and response body.</summary>
public static class PhraseJson
{
    /// <summary>Settings: camelCase on the wire, unknown fields ignored, nulls not written, dates as ISO 8601.</summary>
    public static JsonSerializerSettings Settings { get; } = CreateSettings();

    /// <summary>A serializer built once from <see cref="Settings"/> (thread-safe for reading and writing).</summary>
    public static JsonSerializer Serializer { get; } = JsonSerializer.Create(Settings);

    private static JsonSerializerSettings CreateSettings() => new()
    {
        ContractResolver = new CamelCasePropertyNamesContractResolver(),
        MissingMemberHandling = MissingMemberHandling.Ignore,
        NullValueHandling = NullValueHandling.Ignore,
        // Dates are parsed by PhraseDateConverter, which understands both "Z" and "+0000".
        DateParseHandling = DateParseHandling.None,
        Converters = { new PhraseDateConverter() },
        MaxDepth = 64,
    };

    /// <summary>Serializes a request body.</summary>
    public static string Serialize(object value) => JsonConvert.SerializeObject(value, Settings);

    /// <summary>
    /// Deserializes a UTF-8 JSON body without first turning it into a string: models straight from the bytes
    /// (<see cref="Utf8ModelReader"/>), with Newtonsoft's result and errors; anything else by Newtonsoft.
    /// </summary>
    public static T? Deserialize<T>(ReadOnlyMemory<byte> utf8) =>
        Utf8ModelReader.TryRead<T>(utf8, out var value) ? value : DeserializeWithNewtonsoft<T>(utf8);

    /// <summary>Deserializes a UTF-8 JSON body with Newtonsoft alone (the reference the fast path is held to).</summary>
    internal static T? DeserializeWithNewtonsoft<T>(ReadOnlyMemory<byte> utf8)
    {
        using var stream = utf8.Length == 0 ? Stream.Null : new ReadOnlyMemoryStream(utf8);
        return Deserialize<T>(stream);
    }

    /// <summary>Deserializes JSON read from a stream.</summary>
    public static T? Deserialize<T>(Stream stream)
    {
        using var text = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 16 * 1024);
        using var reader = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None, CloseInput = false };
        return Serializer.Deserialize<T>(reader);
    }

    private sealed class ReadOnlyMemoryStream(ReadOnlyMemory<byte> data) : Stream
    {
        private int _position;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => data.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(count, data.Length - _position);
            data.Span.Slice(_position, n).CopyTo(buffer.AsSpan(offset, n));
            _position += n;
            return n;
        }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
