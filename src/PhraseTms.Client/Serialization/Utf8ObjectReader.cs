using System.Reflection;
using System.Text;
using System.Text.Json;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;
using JsonProperty = Newtonsoft.Json.Serialization.JsonProperty;
using Fallback = PhraseTms.Client.Serialization.Utf8ModelReader.Fallback;

namespace PhraseTms.Client.Serialization;

/// <summary>Which object contracts Utf8ModelReader reads itself: plain models, every property a public get/set one.</summary>
internal static class ObjectPlan
{
    public static bool Eligible(JsonObjectContract c)
    {
        var type = c.UnderlyingType;
        return type.IsClass && !type.IsAbstract && type.GetConstructor(Type.EmptyTypes) is not null
            && c.Converter is null && !PhraseJson.Settings.Converters.Any(x => x.CanConvert(type))
            && c.CreatedType == type && c.DefaultCreator is not null && !c.DefaultCreatorNonPublic
            && c.OverrideCreator is null && c.CreatorParameters.Count == 0 && c.ExtensionDataSetter is null
            && c.OnDeserializingCallbacks.Count == 0 && c.OnDeserializedCallbacks.Count == 0 && c.OnErrorCallbacks.Count == 0
            && c.ItemRequired is null && c.MemberSerialization == MemberSerialization.OptOut && c.IsReference is null
            && c.Properties.All(p => p.Ignored || Plain(p));
    }

    // A property Newtonsoft reads with nothing but its type and name.
    private static bool Plain(JsonProperty p) =>
        p.PropertyType is not null && p.Converter is null && p.ItemConverter is null && p.Required == Required.Default
        && p.ShouldDeserialize is null && p.SetIsSpecified is null && p.TypeNameHandling is null && p.IsReference is null
        && p.ObjectCreationHandling is null && p.NullValueHandling is null && p.DefaultValueHandling is null
        && p.DeclaringType?.GetProperty(p.UnderlyingName!, BindingFlags.Public | BindingFlags.Instance) is { } info
        && info.PropertyType == p.PropertyType && info.GetMethod is { IsPublic: true }
        && (p.Writable ? info.SetMethod is { IsPublic: true } : p.PropertyType.IsValueType || p.PropertyType == typeof(string));
}

/// <summary>An object reader, planned once it is registered (so that models referring to themselves work).</summary>
internal interface IObjectReader
{
    void Plan(JsonObjectContract contract);
}

/// <summary>
/// Reads an object into a new <typeparamref name="T"/>: each JSON property to the property Newtonsoft would pick (the
/// exact name, else the same name in another case), unknown ones skipped. The properties of a model usually come in
/// the same order, so the one after the last matched is tried first.
/// </summary>
internal sealed class ObjectReader<T> : ValueReader<T>, IObjectReader where T : class, new()
{
    private Slot[] _slots = [];
    private JsonObjectContract? _contract;
    private bool _byNewtonsoft = true;
    private readonly NewtonsoftSliceReader<T> _slice = new();

    public override bool ByNewtonsoft => _byNewtonsoft;

    public void Plan(JsonObjectContract contract)
    {
        _contract = contract;
        var slots = new List<Slot>();
        foreach (var p in contract.Properties)
        {
            if (p.Ignored || !p.Writable) continue;
            var info = p.DeclaringType!.GetProperty(p.UnderlyingName!, BindingFlags.Public | BindingFlags.Instance)!;
            var reader = Utf8ModelReader.For(p.PropertyType!);
            slots.Add((Slot)Activator.CreateInstance(typeof(Slot<>).MakeGenericType(typeof(T), p.PropertyType!), p, info, reader)!);
        }
        _slots = slots.ToArray();
        // A constructor that fills an object or a map (a dictionary with its own comparer) is for Newtonsoft, which
        // reads into it.
        var probe = new T();
        _byNewtonsoft = _slots.Any(s => s.ReadsIntoExisting(probe));
    }

    public override T Read(ref Utf8JsonReader r, ReadOnlyMemory<byte> json)
    {
        if (_byNewtonsoft) return _slice.Read(ref r, json);
        if (r.TokenType != JsonTokenType.StartObject) throw Fallback.Instance;
        var target = new T();
        var slots = _slots;
        var next = 0;
        var first = true;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            Slot? slot = null;
            if (!r.ValueIsEscaped && !r.HasValueSequence)
            {
                var name = r.ValueSpan;
                // "$ref", "$id", "$type": metadata Newtonsoft acts on.
                if (first && name.Length > 0 && name[0] == (byte)'$') throw Fallback.Instance;
                for (var i = 0; i < slots.Length; i++)
                {
                    var candidate = slots[(next + i) % slots.Length];
                    if (name.SequenceEqual(candidate.Utf8Name))
                    {
                        slot = candidate;
                        next = (next + i + 1) % slots.Length;
                        break;
                    }
                }
            }
            first = false;
            slot ??= Closest(r.GetString()!);
            if (slot is null) r.Skip();
            else slot.Read(target, ref r, json);
        }
        if (r.TokenType != JsonTokenType.EndObject) throw Fallback.Instance;
        return target;
    }

    // What Newtonsoft picks for a name that is not exactly one of the read properties: the same name in another case;
    // null (skip the value) for unknown, ignored or read-only ones.
    private Slot? Closest(string name)
    {
        if (name.Length > 0 && name[0] == '$') throw Fallback.Instance;
        var property = _contract!.Properties.GetClosestMatchProperty(name);
        if (property is null || property.Ignored || !property.Writable) return null;
        foreach (var slot in _slots)
            if (ReferenceEquals(slot.Property, property)) return slot;
        return null;
    }

    private abstract class Slot(JsonProperty property)
    {
        public JsonProperty Property { get; } = property;
        public byte[] Utf8Name { get; } = Encoding.UTF8.GetBytes(property.PropertyName!);
        public abstract void Read(T target, ref Utf8JsonReader r, ReadOnlyMemory<byte> json);
        public abstract bool ReadsIntoExisting(T target);
    }

    /// <summary>One property. A value that lands on one already there (a list made by the constructor, a repeated name) is treated as Newtonsoft does: lists are appended to, other objects are Newtonsoft's.</summary>
    private sealed class Slot<TValue> : Slot
    {
        private static readonly bool Appends = typeof(TValue).IsGenericType && typeof(TValue).GetGenericTypeDefinition() == typeof(List<>);
        private static readonly bool Replaces = typeof(TValue).IsValueType || typeof(TValue) == typeof(string) || typeof(TValue).IsArray
            || typeof(Newtonsoft.Json.Linq.JToken).IsAssignableFrom(typeof(TValue));

        private readonly ValueReader<TValue> _reader;
        private readonly Action<T, TValue> _set;
        private readonly Func<T, TValue> _get;

        public Slot(JsonProperty property, PropertyInfo info, ValueReader reader) : base(property)
        {
            // Each text property has its own few repeated values.
            _reader = reader is StringValueReader ? (ValueReader<TValue>)(object)new RepeatedStringValueReader() : (ValueReader<TValue>)reader;
            _set = (Action<T, TValue>)Delegate.CreateDelegate(typeof(Action<T, TValue>), info.SetMethod!);
            _get = (Func<T, TValue>)Delegate.CreateDelegate(typeof(Func<T, TValue>), info.GetMethod!);
        }

        public override bool ReadsIntoExisting(T target) => !Replaces && !Appends && _get(target) is not null;

        public override void Read(T target, ref Utf8JsonReader r, ReadOnlyMemory<byte> json)
        {
            if (!r.Read()) throw Fallback.Instance;
            if (r.TokenType == JsonTokenType.Null) return; // NullValueHandling.Ignore
            if (!Replaces && _get(target) is { } existing)
            {
                // Newtonsoft appends to a list that is already there (a page's Content, made by its constructor):
                // the items go straight into it (no second list to build and copy) when this reader reads the list.
                if (!Appends) throw Fallback.Instance;
                if (_reader is IAppendingReader<TValue> appending) appending.ReadInto(existing, ref r, json);
                else
                {
                    var list = (System.Collections.IList)existing;
                    foreach (var item in (System.Collections.IList)_reader.Read(ref r, json)!) list.Add(item);
                }
                return;
            }
            _set(target, _reader.Read(ref r, json));
        }
    }
}
