using PhraseTms.ContractStub.Description;

namespace PhraseTms.ContractStub.Matching;

/// <summary>An operation's path split into segments: literals, and <c>{name}</c> parameters.</summary>
public sealed class PathTemplate
{
    private readonly string?[] _literals; // null = a parameter segment
    private readonly string[] _names;

    public PathTemplate(ApiOperation operation)
    {
        Operation = operation;
        var segments = operation.Path.Trim('/').Split('/');
        _literals = new string?[segments.Length];
        _names = new string[segments.Length];
        for (var i = 0; i < segments.Length; i++)
        {
            var s = segments[i];
            if (s.Length > 2 && s[0] == '{' && s[^1] == '}') _names[i] = s[1..^1];
            else _literals[i] = s;
        }
    }

    public ApiOperation Operation { get; }
    public int Length => _literals.Length;

    /// <summary>The path parameters by name when the (unescaped) segments fit, else null.</summary>
    public Dictionary<string, string>? Match(IReadOnlyList<string> segments)
    {
        if (segments.Count != _literals.Length) return null;
        var values = new Dictionary<string, string>();
        for (var i = 0; i < segments.Count; i++)
        {
            if (_literals[i] is { } literal)
            {
                if (!string.Equals(literal, segments[i], StringComparison.Ordinal)) return null;
            }
            else values[_names[i]] = segments[i];
        }
        return values;
    }

    /// <summary>
    /// Orders templates (by length first, as only equal lengths compete): at the first segment where they differ in kind, the literal wins
    /// (<c>/async/status</c> before <c>/async/{id}</c>).
    /// </summary>
    public static int Specificity(PathTemplate a, PathTemplate b)
    {
        if (a.Length != b.Length) return a.Length.CompareTo(b.Length);
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var la = a._literals[i] is not null;
            var lb = b._literals[i] is not null;
            if (la != lb) return la ? -1 : 1;
        }
        return string.CompareOrdinal(a.Operation.Path, b.Operation.Path);
    }
}
