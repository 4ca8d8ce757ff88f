using System.Collections.Concurrent;
using System.Text.Json;
using Newtonsoft.Json.Serialization;

namespace PhraseTms.Client.Serialization;

/// <summary>
/// The fast way an answer becomes the client's models (generated and hand-written alike): straight from the UTF-8
/// body with <see cref="Utf8JsonReader"/>, into readers built once per type from the Newtonsoft contract that
/// <see cref="PhraseJson"/> uses, so the names, ignored properties and case-insensitive matching are Newtonsoft's by
/// construction. It takes half the CPU of Newtonsoft's tokenizer and serializer (tests/PhraseTms.Benchmarks, J1).
/// <para>
/// Newtonsoft stays the reference: a property of a type this reader does not read itself (JToken, maps …) is handed
/// to Newtonsoft as its own slice of the body, and a document with anything unexpected (a value of another JSON type
/// than the property's, malformed or truncated JSON, metadata properties, invalid text) is read again, whole, by
/// Newtonsoft, so every result and every error is exactly what the Newtonsoft path gives.
/// </para>
/// </summary>
internal static class Utf8ModelReader
{
    private static readonly ConcurrentDictionary<Type, ValueReader> Readers = new();
    private static readonly Dictionary<Type, ValueReader> Building = new();
    private static readonly object Gate = new();

    /// <summary>Reads <paramref name="json"/> as <typeparamref name="T"/>; false when Newtonsoft must read it instead.</summary>
    public static bool TryRead<T>(ReadOnlyMemory<byte> json, out T? value)
    {
        value = default;
        if (For(typeof(T)) is not ValueReader<T> reader || reader.ByNewtonsoft) return false;
        try
        {
            var r = new Utf8JsonReader(json.Span, new JsonReaderOptions { MaxDepth = PhraseJson.Settings.MaxDepth ?? 64 });
            if (!r.Read()) return false;
            if (r.TokenType == JsonTokenType.Null) return true;
            value = reader.Read(ref r, json);
            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or ArgumentException or Fallback)
        {
            value = default;
            return false;
        }
    }

    /// <summary>Whether <paramref name="type"/> is read by this reader (else Newtonsoft reads it).</summary>
    public static bool Reads(Type type) => For(type) is { ByNewtonsoft: false };

    /// <summary>The reader of a value of <paramref name="type"/> (one that hands it to Newtonsoft when this reader cannot).</summary>
    internal static ValueReader For(Type type)
    {
        if (Readers.TryGetValue(type, out var known)) return known;
        lock (Gate)
        {
            // Readers only publishes readers whose plans are complete; those of the build in progress (this thread's)
            // are in Building until the outermost build is done.
            if (Readers.TryGetValue(type, out known) || Building.TryGetValue(type, out known)) return known;
            var outermost = Building.Count == 0;
            try
            {
                var reader = Build(type);
                if (outermost) foreach (var built in Building) Readers[built.Key] = built.Value;
                return reader;
            }
            finally
            {
                if (outermost) Building.Clear();
            }
        }
    }

    private static ValueReader Build(Type type)
    {
        var contract = PhraseJson.Serializer.ContractResolver.ResolveContract(type);
        ValueReader reader;
        if (Primitive(type) is { } primitive) reader = primitive;
        else if (Nullable.GetUnderlyingType(type) is { } underlying && Primitive(underlying) is { } inner)
            reader = (ValueReader)Activator.CreateInstance(typeof(NullableReader<>).MakeGenericType(underlying), inner)!;
        else if (contract is JsonArrayContract && ListElement(type) is { } element && contract.Converter is null
                 && For(element) is { ByNewtonsoft: false } elementReader)
            reader = (ValueReader)Activator.CreateInstance(typeof(ListReader<>).MakeGenericType(element), elementReader)!;
        else if (contract is JsonObjectContract objectContract && ObjectPlan.Eligible(objectContract))
        {
            // Registered before its properties are planned, so that models referring to themselves work; a plan that
            // fails leaves it handing its values to Newtonsoft.
            var objectReader = (ValueReader)Activator.CreateInstance(typeof(ObjectReader<>).MakeGenericType(type))!;
            Building[type] = objectReader;
            try { ((IObjectReader)objectReader).Plan(objectContract); }
            catch (Exception ex) when (ex is ArgumentException or MemberAccessException) { /* left to Newtonsoft */ }
            return objectReader;
        }
        else reader = (ValueReader)Activator.CreateInstance(typeof(NewtonsoftSliceReader<>).MakeGenericType(type))!;
        return Building[type] = reader;
    }

    // Types read from their token directly; DateTimeOffset as PhraseDateConverter reads it.
    private static ValueReader? Primitive(Type type) =>
        type == typeof(string) ? StringValueReader.Instance
        : type == typeof(bool) ? BoolValueReader.Instance
        : type == typeof(int) ? Int32ValueReader.Instance
        : type == typeof(long) ? Int64ValueReader.Instance
        : type == typeof(double) ? DoubleValueReader.Instance
        : type == typeof(DateTimeOffset) ? DateValueReader.Instance
        : null;

    private static Type? ListElement(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0] : null;

    /// <summary>The document holds something the fast path does not read the way Newtonsoft would: Newtonsoft reads it.</summary>
    internal sealed class Fallback : Exception
    {
        public static readonly Fallback Instance = new();
    }
}
