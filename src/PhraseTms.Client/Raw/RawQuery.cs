using System.Collections;
using PhraseTms.Client.Errors;
using PhraseTms.Client.Serialization;
using Newtonsoft.Json.Linq;

namespace PhraseTms.Client.Raw;

/// <summary>
/// Turns the -Query table into query parameters: null values are left out, lists repeat the name, booleans are
/// <c>true</c>/<c>false</c>, dates UTC ISO 8601, enums their name, numbers invariant.
/// </summary>
public static class RawQuery
{
    /// <summary>The parameters, in the table's order; <c>adapt</c> unwraps host objects (PSObject) before a value is read.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> From(IDictionary? query, Func<object, object?>? adapt = null)
    {
        var result = new List<KeyValuePair<string, string>>();
        if (query is null) return result;
        foreach (DictionaryEntry entry in query)
        {
            var name = Adapt(entry.Key, adapt)?.ToString();
            if (string.IsNullOrWhiteSpace(name))
                throw new PhraseTmsValidationException("InvalidQuery", "Query", entry.Key, "-Query has an empty parameter name.");
            var value = Adapt(entry.Value, adapt);
            if (value is IEnumerable many and not string and not IDictionary)
            {
                foreach (var item in many)
                    if (Format(name, Adapt(item, adapt)) is { } text) result.Add(new(name, text));
            }
            else if (Format(name, value) is { } text)
            {
                result.Add(new(name, text));
            }
        }
        return result;
    }

    private static object? Adapt(object? value, Func<object, object?>? adapt) =>
        value is null || adapt is null ? value : adapt(value);

    private static string? Format(string name, object? value) => value switch
    {
        null => null,
        JValue j => Format(name, j.Value),
        IDictionary or JContainer => throw new PhraseTmsValidationException("InvalidQuery", "Query", value,
            $"-Query '{name}' holds a table or object: a query value is a string, number, boolean, date or a list of those."),
        _ => ApiValue.Format(value),
    };
}
