using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace PhraseTms.Generator.Model;

// Reads and writes api/*.json the one way: camelCase, two-space indents, LF, no nulls or false/zero defaults,
// numbers without a trailing ".0", and a final newline. Same input, same bytes.
internal static class ApiJson
{
    public static readonly JsonSerializerSettings Settings = new()
    {
        ContractResolver = new CamelCasePropertyNamesContractResolver { NamingStrategy = new CamelCaseNamingStrategy { ProcessDictionaryKeys = false } },
        NullValueHandling = NullValueHandling.Ignore,
        DefaultValueHandling = DefaultValueHandling.Ignore,
        Formatting = Formatting.Indented,
        Converters = { new PlainDecimalConverter() },
        FloatParseHandling = FloatParseHandling.Decimal,
        MissingMemberHandling = MissingMemberHandling.Error, // a misspelt field in a hand-written file is an error, not silence
    };

    public static string Serialize(object value)
    {
        var text = new StringBuilder();
        using (var writer = new StringWriter(text, CultureInfo.InvariantCulture) { NewLine = "\n" })
        using (var json = new JsonTextWriter(writer) { Formatting = Formatting.Indented, Indentation = 2 })
        {
            JsonSerializer.Create(Settings).Serialize(json, value);
        }
        return text.Replace("\r\n", "\n").Append('\n').ToString();
    }

    public static T Deserialize<T>(string text) =>
        JsonConvert.DeserializeObject<T>(text, Settings) ?? throw new InvalidDataException($"empty {typeof(T).Name} document");

    public static T Read<T>(string path)
    {
        try { return Deserialize<T>(File.ReadAllText(path)); }
        catch (JsonException e) { throw new InvalidDataException($"{path}: {e.Message}", e); }
    }

    // UTF-8 without a byte-order mark.
    public static void Write(string path, object value) =>
        File.WriteAllText(path, Serialize(value), new UTF8Encoding(false));

    private sealed class PlainDecimalConverter : JsonConverter
    {
        public override bool CanConvert(Type t) => t == typeof(decimal) || t == typeof(decimal?);
        public override bool CanRead => false;
        public override object? ReadJson(JsonReader r, Type t, object? v, JsonSerializer s) => throw new NotSupportedException();
        public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
        {
            if (value is null) writer.WriteNull();
            else writer.WriteRawValue(((decimal)value).ToString("0.############", CultureInfo.InvariantCulture));
        }
    }
}
