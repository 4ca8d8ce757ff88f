using Newtonsoft.Json.Linq;

namespace PhraseTms.Emulator;

/// <summary>Field checks for small request bodies (setStatus): the problem is an InvalidArguments description
/// naming the field.</summary>
internal static class RequestJson
{
    /// <summary>A string field that must be one of <paramref name="allowed"/> (exact spelling, as the API's enums).</summary>
    public static bool TryEnum(JObject body, string field, IReadOnlyList<string> allowed, bool required, out string? value, out string? error)
    {
        value = null;
        error = null;
        var t = body[field];
        if (t is null || t.Type == JTokenType.Null)
        {
            if (required) error = $"{field}: must not be null";
            return !required;
        }
        if (t.Type != JTokenType.String || !allowed.Contains((string)t!))
        {
            error = $"{field}: invalid value '{t}'; accepted values: {string.Join(", ", allowed)}";
            return false;
        }
        value = (string)t!;
        return true;
    }

    public static bool TryBool(JObject body, string field, out bool? value, out string? error)
    {
        value = null;
        error = null;
        var t = body[field];
        if (t is null || t.Type == JTokenType.Null) return true;
        if (t.Type != JTokenType.Boolean)
        {
            error = $"{field}: must be a boolean";
            return false;
        }
        value = (bool)t;
        return true;
    }
}
