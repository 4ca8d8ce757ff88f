using System.Globalization;
using Newtonsoft.Json.Linq;

namespace PhraseTms.Emulator;

/// <summary>A fault as JSON for POST /_emulator/faults:
/// {"method":"GET","pathContains":"/connectorAsyncTasks","kind":"TooManyRequests","times":1,"skipFirst":0,
///  "statusCode":429,"delayMs":2000,"retryAfter":"2","rateLimitHeaders":true}.
/// kind: a <see cref="FaultKind"/> name (case-insensitive). times: a number, or "forever"/-1 for int.MaxValue.
/// The delay may also be given as "delay": "00:00:02" (TimeSpan) or a number of milliseconds.</summary>
internal static class FaultJson
{
    public static bool TryParse(JObject o, out string method, out string pathContains, out Fault? fault, out string? error)
    {
        method = (string?)o["method"] ?? "*";
        pathContains = (string?)o["pathContains"] ?? "";
        fault = null;
        error = null;
        try
        {
            if (!Enum.TryParse<FaultKind>((string?)o["kind"], ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
            {
                error = $"kind: must be one of {string.Join(", ", Enum.GetNames<FaultKind>())}";
                return false;
            }
            var times = o["times"] switch
            {
                null or { Type: JTokenType.Null } => 1,
                JValue { Type: JTokenType.String } s when string.Equals((string?)s, "forever", StringComparison.OrdinalIgnoreCase) => int.MaxValue,
                var t when (long)t! < 0 => int.MaxValue,
                var t => (int)t!,
            };
            if (times == 0)
            {
                error = "times: must be positive (or -1 / \"forever\")";
                return false;
            }
            var skip = (int?)o["skipFirst"] ?? 0;
            if (skip < 0)
            {
                error = "skipFirst: must not be negative";
                return false;
            }
            fault = new Fault(kind)
            {
                Times = times,
                SkipFirst = skip,
                StatusCode = (int?)o["statusCode"] ?? 0,
                Delay = Delay(o),
                RetryAfter = (string?)o["retryAfter"],
                RateLimitHeaders = (bool?)o["rateLimitHeaders"] ?? false,
            };
            return true;
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException or ArgumentException)
        {
            error = "The fault has a field of the wrong type";
            return false;
        }
    }

    private static TimeSpan Delay(JObject o)
    {
        if (o["delayMs"] is { Type: not JTokenType.Null } ms) return TimeSpan.FromMilliseconds((double)ms);
        return o["delay"] switch
        {
            null or { Type: JTokenType.Null } => TimeSpan.Zero,
            JValue { Type: JTokenType.String } s => TimeSpan.Parse((string)s!, CultureInfo.InvariantCulture),
            var n => TimeSpan.FromMilliseconds((double)n),
        };
    }

    public static JObject Describe(string method, string pathContains, Fault f) => new()
    {
        ["method"] = method,
        ["pathContains"] = pathContains,
        ["kind"] = f.Kind.ToString(),
        ["times"] = f.Times,
        ["skipFirst"] = f.SkipFirst,
        ["statusCode"] = f.StatusCode,
        ["delayMs"] = f.Delay.TotalMilliseconds,
        ["retryAfter"] = f.RetryAfter,
        ["rateLimitHeaders"] = f.RateLimitHeaders,
    };
}
