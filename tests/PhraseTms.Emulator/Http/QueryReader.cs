using System.Globalization;

namespace PhraseTms.Emulator;

/// <summary>Reads and validates the query parameters of the core-area routes. Each read returns a default once a
/// problem was found and keeps only the first problem (<see cref="Error"/>, an InvalidArguments description
/// "name: message"). Empty values count as absent; parameters nobody reads are ignored, as on the real API.
/// Array parameters (collectionFormat multi) may be repeated and/or comma separated.</summary>
internal sealed class QueryReader(IQueryCollection query)
{
    public string? Error { get; private set; }

    public string? String(string name, int maxLength = int.MaxValue)
    {
        var value = First(name);
        if (value is not null && value.Length > maxLength) Fail($"{name}: size must be between 0 and {maxLength}");
        return Error is null ? value : null;
    }

    public int? Int(string name, int? min = null, int? max = null)
    {
        var text = First(name);
        if (text is null || Error is not null) return null;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            return Fail<int?>($"{name}: must be an integer");
        if (min is { } lo && value < lo) return Fail<int?>(max is { } m ? $"{name}: must be between {lo} and {m}" : $"{name}: must be greater than or equal to {lo}");
        if (max is { } hi && value > hi) return Fail<int?>(min is { } l ? $"{name}: must be between {l} and {hi}" : $"{name}: must be less than or equal to {hi}");
        return value;
    }

    public long? Long(string name)
    {
        var text = First(name);
        if (text is null || Error is not null) return null;
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value : Fail<long?>($"{name}: must be an integer");
    }

    public bool Bool(string name, bool defaultValue = false)
    {
        var text = First(name);
        if (text is null || Error is not null) return defaultValue;
        return bool.TryParse(text, out var value) ? value : Fail<bool>($"{name}: must be true or false");
    }

    /// <summary>Values of an array parameter (repeated and/or comma separated), empty when absent.</summary>
    public IReadOnlyList<string> List(string name)
    {
        var result = new List<string>();
        foreach (var value in query[name])
            result.AddRange((value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        return Error is null ? result : [];
    }

    /// <summary>An array parameter whose values must be among <paramref name="allowed"/> (case-sensitive, as the API's enums).</summary>
    public IReadOnlyList<string> Enums(string name, IReadOnlyList<string> allowed)
    {
        var values = List(name);
        foreach (var v in values)
            if (!allowed.Contains(v)) return Fail<IReadOnlyList<string>>(InvalidValue(name, v, allowed));
        return values;
    }

    /// <summary>A single value that must be among <paramref name="allowed"/> (matched case-insensitively; the allowed
    /// spelling is returned).</summary>
    public string? Enum(string name, IReadOnlyList<string> allowed, string? defaultValue = null)
    {
        var text = First(name);
        if (text is null || Error is not null) return Error is null ? defaultValue : null;
        var match = allowed.FirstOrDefault(a => a.Equals(text, StringComparison.OrdinalIgnoreCase));
        return match ?? Fail<string?>(InvalidValue(name, text, allowed));
    }

    /// <summary>pageNumber (≥ 0, default 0) and pageSize (1 to <paramref name="maxSize"/>, default <paramref name="defaultSize"/>).</summary>
    public PageQuery Page(int defaultSize = PageQuery.DefaultSize, int maxSize = PageQuery.MaxSize)
    {
        var number = Int("pageNumber", min: 0) ?? 0;
        var size = Int("pageSize", min: 1, max: maxSize) ?? defaultSize;
        return new PageQuery(number, size);
    }

    private static string InvalidValue(string name, string value, IReadOnlyList<string> allowed) =>
        $"{name}: invalid value '{value}'; accepted values: {string.Join(", ", allowed)}";

    private string? First(string name)
    {
        foreach (var v in query[name])
            if (!string.IsNullOrEmpty(v)) return v;
        return null;
    }

    private void Fail(string error) => Error ??= error;

    private T Fail<T>(string error)
    {
        Fail(error);
        return default!;
    }
}
