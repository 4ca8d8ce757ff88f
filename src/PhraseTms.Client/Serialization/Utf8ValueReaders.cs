using System.Text.Json;
using Fallback = PhraseTms.Client.Serialization.Utf8ModelReader.Fallback;

namespace PhraseTms.Client.Serialization;

// The readers of Utf8ModelReader, one per kind of value. Each is positioned on the value's first token (never a
// null one: a JSON null leaves a property as it is, as NullValueHandling.Ignore does). A token of another JSON type
// than the reader's throws Fallback: Newtonsoft then reads the whole document, with its conversions and its errors.

internal abstract class ValueReader
{
    /// <summary>Values of this type are handed to Newtonsoft (a slice of the body each).</summary>
    public virtual bool ByNewtonsoft => false;
}

internal abstract class ValueReader<T> : ValueReader
{
    public abstract T Read(ref Utf8JsonReader r, ReadOnlyMemory<byte> json);
}

internal sealed class StringValueReader : ValueReader<string>
{
    public static readonly StringValueReader Instance = new();

    public override string Read(ref Utf8JsonReader r, ReadOnlyMemory<byte> json) =>
        r.TokenType == JsonTokenType.String ? r.GetString()! : throw Fallback.Instance;
}

/// <summary>
/// The text of one property, reusing the strings of its last few distinct values: enum-like properties (status, type,
/// language) take a handful of values, so most items share a string instead of allocating one. A property whose values
/// keep differing (ids, names) stops looking after a number of misses. Strings are immutable, so sharing one is
/// invisible; the entries are replaced whole, so threads reading pages at once need no lock.
/// </summary>
internal sealed class RepeatedStringValueReader : ValueReader<string>
{
    private const int Entries = 16;
    private const int MaxLength = 48;
    private const int MissesBeforeGivingUp = 256;

    private (byte[] Utf8, string Text)[] _entries = [];
    private int _misses;

    public override string Read(ref Utf8JsonReader r, ReadOnlyMemory<byte> json)
    {
        if (r.TokenType != JsonTokenType.String) throw Fallback.Instance;
        if (_misses > MissesBeforeGivingUp || r.ValueIsEscaped || r.HasValueSequence || r.ValueSpan.Length > MaxLength) return r.GetString()!;
        var utf8 = r.ValueSpan;
        var entries = _entries;
        foreach (var entry in entries)
            if (utf8.SequenceEqual(entry.Utf8)) return entry.Text;
        var text = r.GetString()!;
        if (entries.Length < Entries)
        {
            var grown = new (byte[], string)[entries.Length + 1];
            entries.CopyTo(grown, 0);
            grown[entries.Length] = (utf8.ToArray(), text);
            _entries = grown;
        }
        else _misses++;
        return text;
    }
}

internal sealed class BoolValueReader : ValueReader<bool>
{
    public static readonly BoolValueReader Instance = new();

    public override bool Read(ref Utf8JsonReader r, ReadOnlyMemory<byte> json) => r.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw Fallback.Instance,
    };
}

internal sealed class Int32ValueReader : ValueReader<int>
{
    public static readonly Int32ValueReader Instance = new();

    public override int Read(ref Utf8JsonReader r, ReadOnlyMemory<byte> json) =>
        r.TokenType == JsonTokenType.Number && r.TryGetInt32(out var value) ? value : throw Fallback.Instance;
}

internal sealed class Int64ValueReader : ValueReader<long>
{
    public static readonly Int64ValueReader Instance = new();

    public override long Read(ref Utf8JsonReader r, ReadOnlyMemory<byte> json) =>
        r.TokenType == JsonTokenType.Number && r.TryGetInt64(out var value) ? value : throw Fallback.Instance;
}

internal sealed class DoubleValueReader : ValueReader<double>
{
    public static readonly DoubleValueReader Instance = new();

    public override double Read(ref Utf8JsonReader r, ReadOnlyMemory<byte> json) =>
        r.TokenType == JsonTokenType.Number && r.TryGetDouble(out var value) ? value : throw Fallback.Instance;
}

/// <summary>A date as <see cref="PhraseDateConverter"/> reads a JSON string; the ISO shape the API writes straight from UTF-8.</summary>
internal sealed class DateValueReader : ValueReader<DateTimeOffset>
{
    public static readonly DateValueReader Instance = new();

    public override DateTimeOffset Read(ref Utf8JsonReader r, ReadOnlyMemory<byte> json)
    {
        if (r.TokenType != JsonTokenType.String) throw Fallback.Instance;
        if (!r.ValueIsEscaped && !r.HasValueSequence && r.ValueSpan.Length <= 40)
        {
            var utf8 = r.ValueSpan;
            Span<char> text = stackalloc char[utf8.Length];
            for (var i = 0; i < utf8.Length; i++) text[i] = (char)utf8[i]; // only ASCII can pass the exact parser
            if (PhraseDateConverter.TryParseExactIso(text, out var exact)) return exact;
        }
        var s = r.GetString()!;
        return s.Length > 0 && PhraseDateConverter.TryParse(s, out var value) ? value : throw Fallback.Instance;
    }
}

internal sealed class NullableReader<T>(ValueReader<T> inner) : ValueReader<T?> where T : struct
{
    public override T? Read(ref Utf8JsonReader r, ReadOnlyMemory<byte> json) => inner.Read(ref r, json);
}

/// <summary>A <c>List&lt;T&gt;</c>; a null element is kept where T can hold it (as Newtonsoft does).</summary>
internal sealed class ListReader<T>(ValueReader<T> element) : ValueReader<List<T>>
{
    private static readonly bool NullAllowed = default(T) is null;

    public override List<T> Read(ref Utf8JsonReader r, ReadOnlyMemory<byte> json)
    {
        if (r.TokenType != JsonTokenType.StartArray) throw Fallback.Instance;
        var list = new List<T>();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType == JsonTokenType.Null)
            {
                if (!NullAllowed) throw Fallback.Instance;
                list.Add(default!);
            }
            else list.Add(element.Read(ref r, json));
        }
        return list;
    }
}

/// <summary>A type the fast path does not read itself (JToken, maps, arrays …): its value, as a slice of the body, to Newtonsoft.</summary>
internal sealed class NewtonsoftSliceReader<T> : ValueReader<T>
{
    public override bool ByNewtonsoft => true;

    public override T Read(ref Utf8JsonReader r, ReadOnlyMemory<byte> json)
    {
        var start = (int)r.TokenStartIndex;
        if (r.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) r.Skip();
        var end = (int)r.BytesConsumed;
        return PhraseJson.DeserializeWithNewtonsoft<T>(json.Slice(start, end - start))!;
    }
}
