using System.Collections;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PhraseTms.Client.Errors;
using PhraseTms.Client.Serialization;

namespace PhraseTms.Client.Raw;

/// <summary>
/// Turns the -Body value into the JSON text sent. A string is sent as it is (it must be JSON); tables keep their keys
/// exactly as written; lists become arrays; dates are UTC ISO 8601; enums their name; other .NET objects (the
/// module's models) are written with <see cref="PhraseJson"/> (camelCase).
/// </summary>
public static class JsonBody
{
    private const int MaxDepth = 64;

    /// <summary>
    /// The JSON text of a body; null for no body (null or an empty string). <c>adapt</c> unwraps host objects
    /// (PowerShell's PSObject, PSCustomObject) before each value is read.
    /// </summary>
    public static string? From(object? body, Func<object, object?>? adapt = null)
    {
        body = Adapt(body, adapt);
        switch (body)
        {
            case null:
            case string blank when string.IsNullOrWhiteSpace(blank):
                return null;
            case string text:
                CheckJson(text);
                return text;
            default:
                return ToToken(body, adapt, 0).ToString(Formatting.None);
        }
    }

    /// <summary>The JSON of a value (tables, lists, scalars, .NET objects), keys kept as written.</summary>
    public static JToken ToToken(object? value, Func<object, object?>? adapt = null) => ToToken(Adapt(value, adapt), adapt, 0);

    private static JToken ToToken(object? value, Func<object, object?>? adapt, int depth)
    {
        if (depth > MaxDepth)
            throw new PhraseTmsValidationException("InvalidBody", "Body", null, $"-Body is nested deeper than {MaxDepth} levels (a loop?).");
        switch (value)
        {
            case null:
                return JValue.CreateNull();
            case JToken token:
                return token;
            case string or char or bool or Guid or Uri:
                return new JValue(value is char c ? c.ToString() : value);
            case DateTimeOffset or DateTime or Enum:
                return new JValue(ApiValue.Format(value));
            case sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal:
                return new JValue(value);
            case IDictionary table:
                var obj = new JObject();
                foreach (DictionaryEntry entry in table)
                    obj[Adapt(entry.Key, adapt)?.ToString() ?? ""] = ToToken(Adapt(entry.Value, adapt), adapt, depth + 1);
                return obj;
            case IEnumerable list:
                var array = new JArray();
                foreach (var item in list) array.Add(ToToken(Adapt(item, adapt), adapt, depth + 1));
                return array;
            default:
                return JToken.FromObject(value, PhraseJson.Serializer);
        }
    }

    private static object? Adapt(object? value, Func<object, object?>? adapt) =>
        value is null || adapt is null ? value : adapt(value);

    private static void CheckJson(string text)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
            JToken.ReadFrom(reader);
            if (reader.Read()) throw new JsonReaderException($"more than one JSON value (at {reader.Path})");
        }
        catch (JsonReaderException ex)
        {
            throw new PhraseTmsValidationException("InvalidBody", "Body", text,
                $"-Body is a string but not JSON ({ex.Message}). Pass a hashtable or object to have it converted, or a JSON string.");
        }
    }
}
