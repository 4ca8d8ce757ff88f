using Newtonsoft.Json.Linq;

namespace PhraseTms.Emulator;

/// <summary>Validates a JobCreateRequestDto body the way the API's bean validation would; returns the first problem as an
/// InvalidArguments description ("field: message"), or null. Values (e.g. a connectorToken) are never echoed.</summary>
internal static class JobCreateValidator
{
    public const int MaxPathLength = 255, MaxNotificationInterval = 1440;

    public static string? Validate(JObject body)
    {
        var langs = body["targetLangs"];
        if (IsAbsent(langs) || langs is JArray { Count: 0 }) return "targetLangs: must not be empty";
        if (langs is not JArray array) return "targetLangs: must be an array of strings";
        for (var i = 0; i < array.Count; i++)
            if (array[i].Type != JTokenType.String || string.IsNullOrWhiteSpace((string?)array[i])) return $"targetLangs[{i}]: must not be blank";

        return Date(body, "due", "due")
            ?? Array(body, "workflowSettings", "workflowSettings", WorkflowStep)
            ?? Array(body, "assignments", "assignments", ProvidersPerLanguage)
            ?? UidReference(body, "importSettings", "importSettings")
            ?? Boolean(body, "useProjectFileImportSettings") ?? Boolean(body, "preTranslate") ?? Boolean(body, "semanticMarkup")
            ?? Object(body, "notifyProvider", "notifyProvider", NotifyProvider)
            ?? String(body, "callbackUrl", "callbackUrl")
            ?? String(body, "path", "path")
            ?? (body["path"] is JValue { Type: JTokenType.String } p && ((string?)p)!.Length > MaxPathLength
                ? $"path: size must be between 0 and {MaxPathLength}" : null)
            ?? Object(body, "remoteFile", "remoteFile", RemoteFile)
            ?? UidReference(body, "jobPreviewPackageFileUidRef", "jobPreviewPackageFileUidRef")
            ?? UidReference(body, "xmlAssistantProfile", "xmlAssistantProfile");
    }

    private static string? WorkflowStep(JObject o, string at) =>
        (IsAbsent(o["assignments"]) ? $"{at}.assignments: must not be null" : null)
        ?? String(o, "id", $"{at}.id")
        ?? Array(o, "assignments", $"{at}.assignments", ProvidersPerLanguage)
        ?? Date(o, "due", $"{at}.due")
        ?? Object(o, "notifyProvider", $"{at}.notifyProvider", NotifyProvider);

    private static string? ProvidersPerLanguage(JObject o, string at) =>
        String(o, "targetLang", $"{at}.targetLang")
        ?? Array(o, "providers", $"{at}.providers", (p, pat) =>
            p["type"] is JValue { Type: JTokenType.String } t && !string.IsNullOrEmpty((string?)t)
                ? String(p, "id", $"{pat}.id")
                : $"{pat}.type: must not be null")
        ?? Array(o, "assignedUsers", $"{at}.assignedUsers", (_, _) => null);

    private static string? NotifyProvider(JObject o, string at)
    {
        var interval = o["notificationIntervalInMinutes"];
        if (IsAbsent(interval)) return null;
        if (interval!.Type != JTokenType.Integer) return $"{at}.notificationIntervalInMinutes: must be an integer";
        var minutes = (long)interval;
        return minutes is < 0 or > MaxNotificationInterval
            ? $"{at}.notificationIntervalInMinutes: must be between 0 and {MaxNotificationInterval}" : null;
    }

    private static string? RemoteFile(JObject o, string at) =>
        (o["connectorToken"] is JValue { Type: JTokenType.String } ? null : $"{at}.connectorToken: must not be null")
        ?? (o["remoteFileName"] is JValue { Type: JTokenType.String } ? null : $"{at}.remoteFileName: must not be null")
        ?? String(o, "remoteFolder", $"{at}.remoteFolder")
        ?? Boolean(o, "remoteFileNameRegex", $"{at}.remoteFileNameRegex")
        ?? Boolean(o, "continuous", $"{at}.continuous");

    private static string? UidReference(JObject o, string name, string at) => Object(o, name, at, (r, rat) =>
        r["uid"] is JValue { Type: JTokenType.String } ? null : $"{rat}.uid: must not be null");

    public static bool IsAbsent(JToken? token) => token is null || token.Type == JTokenType.Null;

    private static string? String(JObject o, string name, string at) =>
        IsAbsent(o[name]) || o[name]!.Type == JTokenType.String ? null : $"{at}: must be a string";

    private static string? Boolean(JObject o, string name, string? at = null) =>
        IsAbsent(o[name]) || o[name]!.Type == JTokenType.Boolean ? null : $"{at ?? name}: must be a boolean";

    private static string? Date(JObject o, string name, string at)
    {
        var t = o[name];
        if (IsAbsent(t)) return null;
        return t!.Type == JTokenType.String && ApiDates.TryParse((string?)t, out _) ? null : $"{at}: must be an ISO 8601 date-time";
    }

    private static string? Object(JObject o, string name, string at, Func<JObject, string, string?> validate)
    {
        var t = o[name];
        if (IsAbsent(t)) return null;
        return t is JObject obj ? validate(obj, at) : $"{at}: must be an object";
    }

    private static string? Array(JObject o, string name, string at, Func<JObject, string, string?> validateItem)
    {
        var t = o[name];
        if (IsAbsent(t)) return null;
        if (t is not JArray items) return $"{at}: must be an array";
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not JObject item) return $"{at}[{i}]: must be an object";
            if (validateItem(item, $"{at}[{i}]") is { } error) return error;
        }
        return null;
    }
}
