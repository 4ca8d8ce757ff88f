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
/// The text of one property, reusing the strings of values seen before: enum-like properties (status, type, language,
/// file names) take a limited set of values, so most items share a string instead of allocating one. Values are kept
/// in a small table, each in one of two places given by a hash of its bytes (a new value takes a free one, else
/// replaces one of the two). A property whose values keep differing (ids, names) stops looking once most of its first
/// values were new. Strings are immutable, so sharing one is invisible; entries are replaced whole, so threads reading
/// pages at once need no lock (a lost entry is only a string allocated once more).
/// </summary>
internal sealed class RepeatedStringValueReader : ValueReader<string>
{
    private const int Entries = 128; // a power of two
    private const int MaxLength = 48;
    private const int Trial = 256;

    private Entry?[]? _entries;
    private int _reads;
    private int _hits;
    private volatile bool _gaveUp;

    public override string Read(ref Utf8JsonReader r, ReadOnlyMemory<byte> json)
    {
        if (r.TokenType != JsonTokenType.String) throw Fallback.Instance;
        if (_gaveUp || r.ValueIsEscaped || r.HasValueSequence || r.ValueSpan.Length > MaxLength) return r.GetString()!;
        var utf8 = r.ValueSpan;
        var entries = _entries ??= new Entry?[Entries];
        var hash = Hash(utf8);
        int first = hash & (Entries - 1), second = (hash >> 8) & (Entries - 1);
        var found = Match(entries[first], utf8) ?? Match(entries[second], utf8);
        // Counted loosely (threads may race): the counts only decide whether looking is worth it.
        if (_reads < Trial)
        {
            if (found is not null) _hits++;
            if (++_reads == Trial && _hits < Trial / 2) _gaveUp = true;
        }
        if (found is not null) return found;
        var text = r.GetString()!;
        var place = entries[first] is null ? first : entries[second] is null ? second : (hash & Entries) == 0 ? first : second;
        entries[place] = new Entry(utf8.ToArray(), text);
        return text;
    }

    private static string? Match(Entry? entry, ReadOnlySpan<byte> utf8) =>
        entry is not null && utf8.SequenceEqual(entry.Utf8) ? entry.Text : null;

    private static int Hash(ReadOnlySpan<byte> utf8)
    {
        var hash = 2166136261u; // FNV-1a
        foreach (var b in utf8) hash = (hash ^ b) * 16777619u;
        return (int)(hash ^ (hash >> 16));
    }

    private sealed class Entry(byte[] utf8, string text)
    {
        public byte[] Utf8 { get; } = utf8;
        public string Text { get; } = text;
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

/// <summary>A reader of values that can also be read into one already there (Newtonsoft appends to a list).</summary>
internal interface IAppendingReader<in TValue>
{
    void ReadInto(TValue existing, ref Utf8JsonReader r, ReadOnlyMemory<byte> json);
}

/// <summary>A <c>List&lt;T&gt;</c>; a null element is kept where T can hold it (as Newtonsoft does).</summary>
internal sealed class ListReader<T>(ValueReader<T> element) : ValueReader<List<T>>, IAppendingReader<List<T>>
{
    private static readonly bool NullAllowed = default(T) is null;

    public override List<T> Read(ref Utf8JsonReader r, ReadOnlyMemory<byte> json)
    {
        var list = new List<T>();
        ReadInto(list, ref r, json);
        return list;
    }

    public void ReadInto(List<T> list, ref Utf8JsonReader r, ReadOnlyMemory<byte> json)
    {
        if (r.TokenType != JsonTokenType.StartArray) throw Fallback.Instance;
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType == JsonTokenType.Null)
            {
                if (!NullAllowed) throw Fallback.Instance;
                list.Add(default!);
            }
            else list.Add(element.Read(ref r, json));
        }
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
