using System.Globalization;
using PhraseTms.ContractStub.Description;

namespace PhraseTms.ContractStub.Samples;

/// <summary>The deterministic scalar values of samples, numbered by <paramref name="n"/> (1, 2, …).</summary>
public static class SampleValues
{
    public const string DateTime = "2026-12-01T10:00:00+0000";

    /// <summary>A uid: 20 alphanumerics, as Phrase's are.</summary>
    public static string Uid(int n) => "Stub" + n.ToString("D16", CultureInfo.InvariantCulture);

    public static bool IsUidName(string name) => name == "uid" || name.EndsWith("Uid", StringComparison.Ordinal);

    /// <summary>Ids are digits: several paths take them as int64 (<c>/async/{asyncRequestId}</c>).</summary>
    public static bool IsIdName(string name) => name == "id" || name.EndsWith("Id", StringComparison.Ordinal);

    public static string String(ApiType type, string name, int n)
    {
        if (type.Enum is { Count: > 0 } values) return values[0];
        if (type.Format == "date-time") return DateTime;
        if (type.Pattern is { } pattern && pattern.Split('|')[0] is var first && first.All(char.IsLetterOrDigit)) return first;
        var text = IsUidName(name) ? Uid(n) : IsIdName(name) ? n.ToString(CultureInfo.InvariantCulture) : $"{name}-{n}";
        if (type.MaxLength is { } max && text.Length > max) text = text[..Math.Max(0, max)];
        if (type.MinLength is { } min && text.Length < min) text = text.PadRight(min, 'x');
        return text;
    }

    public static long Integer(ApiType type, int n) => (long)Clamp(type, n);

    public static double Number(ApiType type, int n) => Clamp(type, n + 0.5);

    private static double Clamp(ApiType type, double value)
    {
        if (type.Maximum is { } max && value > max) value = max;
        if (type.Minimum is { } min && value < min) value = min;
        return value;
    }
}
