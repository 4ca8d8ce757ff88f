using System.Collections;
using System.Globalization;
using System.Reflection;
using PhraseTms.Client.Errors;

namespace PhraseTms.Client.Serialization;

/// <summary>
/// Turns what a PowerShell user writes (hashtables, arrays, scalars) into typed request pieces: dictionary keys are the
/// target's public settable properties (case-insensitive), nested dictionaries and arrays map recursively, a scalar
/// maps onto a one-argument constructor (so <c>AssignedUsers = 5, 6</c> works), typed objects pass through. Any mismatch
/// is a <see cref="PhraseTmsValidationException"/> naming the path (e.g. <c>WorkflowSetting[0].Assignments[1].Providers[0]</c>)
/// and, for an unknown key, listing the allowed ones.
/// </summary>
public static class DictionaryMapper
{
    /// <summary>Maps <paramref name="value"/> to <typeparamref name="T"/>; <paramref name="path"/> names it in errors.</summary>
    public static T? Map<T>(object? value, string path, Func<object, object?>? unwrap = null) =>
        (T?)Map(typeof(T), value, path, unwrap);

    /// <summary>Maps <paramref name="value"/> to <paramref name="target"/>. <paramref name="unwrap"/> lets the caller
    /// open wrappers (PowerShell's PSObject) before each value is looked at.</summary>
    public static object? Map(Type target, object? value, string path, Func<object, object?>? unwrap = null)
    {
        if (value is not null && unwrap is not null) value = unwrap(value);
        if (value is null)
        {
            if (target.IsValueType && Nullable.GetUnderlyingType(target) is null)
                throw Invalid("InvalidValue", path, null, $"-{path} must not be null.");
            return null;
        }
        if (target.IsInstanceOfType(value)) return value;

        if (ElementType(target) is { } element)
            return MapList(target, element, value, path, unwrap);
        var underlying = Nullable.GetUnderlyingType(target) ?? target;
        if (IsScalar(underlying)) return ConvertScalar(underlying, value, path);
        if (value is IDictionary dictionary) return MapObject(underlying, dictionary, path, unwrap);
        return FromConstructor(underlying, value, path, unwrap);
    }

    private static object MapList(Type target, Type element, object value, string path, Func<object, object?>? unwrap)
    {
        var items = value is IEnumerable sequence and not string and not IDictionary ? sequence.Cast<object?>().ToList() : [value];
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
        for (var i = 0; i < items.Count; i++) list.Add(Map(element, items[i], $"{path}[{i}]", unwrap));
        if (!target.IsArray) return list;
        var array = Array.CreateInstance(element, list.Count);
        list.CopyTo(array, 0);
        return array;
    }

    private static object MapObject(Type target, IDictionary dictionary, string path, Func<object, object?>? unwrap)
    {
        var properties = SettableProperties(target);
        if (target.GetConstructor(Type.EmptyTypes) is null || properties.Count == 0)
            throw Invalid("InvalidValue", path, dictionary, $"-{path}: a {target.Name} cannot be written as a hashtable.");
        var instance = Activator.CreateInstance(target)!;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in dictionary)
        {
            var key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "";
            var property = properties.FirstOrDefault(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase));
            if (property is null)
                throw Invalid("UnknownKey", $"{path}.{key}", key,
                    $"-{path}: unknown key '{key}'. Allowed keys: {string.Join(", ", properties.Select(p => p.Name))}.");
            if (!seen.Add(property.Name))
                throw Invalid("DuplicateKey", $"{path}.{property.Name}", key, $"-{path}: key '{property.Name}' is given twice.");
            property.SetValue(instance, Map(property.PropertyType, entry.Value, $"{path}.{property.Name}", unwrap));
        }
        return instance;
    }

    private static object FromConstructor(Type target, object value, string path, Func<object, object?>? unwrap)
    {
        var constructors = target.GetConstructors().Where(c => c.GetParameters().Length == 1 && !c.GetParameters()[0].ParameterType.IsArray).ToList();
        foreach (var constructor in constructors)
        {
            var parameterType = constructor.GetParameters()[0].ParameterType;
            try
            {
                return constructor.Invoke([Map(parameterType, value, path, unwrap)]);
            }
            catch (PhraseTmsValidationException) when (constructors.Count > 1)
            {
                // Try the next constructor.
            }
        }
        var keys = SettableProperties(target).Select(p => p.Name).ToList();
        throw Invalid("InvalidValue", path, value,
            $"-{path}: '{value}' ({value.GetType().Name}) cannot be read as a {target.Name}; write a hashtable with the keys {string.Join(", ", keys)}.");
    }

    private static object ConvertScalar(Type target, object value, string path)
    {
        if (value is IDictionary or (IEnumerable and not string))
            throw Invalid("InvalidValue", path, value, $"-{path}: a single value ({FriendlyName(target)}) was expected, not a {(value is IDictionary ? "hashtable" : "list")}.");
        try
        {
            if (target == typeof(string))
                return value is string s ? s : Convert.ToString(value, CultureInfo.InvariantCulture)!;
            if (target.IsEnum)
            {
                if (value is string name && Enum.TryParse(target, name, ignoreCase: true, out var parsed) && Enum.IsDefined(target, parsed!)
                    && !char.IsDigit(name.TrimStart()[0]))
                    return parsed!;
                throw new FormatException($"one of {string.Join(", ", Enum.GetNames(target))} was expected");
            }
            if (target == typeof(DateTimeOffset))
            {
                return value switch
                {
                    DateTime d => new DateTimeOffset(d),
                    string text when PhraseDateConverter.TryParse(text, out var date) => date,
                    _ => throw new FormatException("a date was expected"),
                };
            }
            if (target == typeof(bool))
            {
                return value switch
                {
                    bool b => b,
                    string text when bool.TryParse(text.Trim(), out var b) => b,
                    _ => throw new FormatException("$true or $false was expected"),
                };
            }
            if (value is bool) throw new FormatException("a number was expected");
            if (value is double or float or decimal && Convert.ToDecimal(value, CultureInfo.InvariantCulture) % 1 != 0
                && target != typeof(double) && target != typeof(float) && target != typeof(decimal))
                throw new FormatException("a whole number was expected");
            return Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException)
        {
            throw Invalid("InvalidValue", path, value,
                $"-{path}: '{value}' cannot be read as {FriendlyName(target)} ({ex.Message.TrimEnd('.')}).");
        }
    }

    private static bool IsScalar(Type t) =>
        t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateTimeOffset);

    private static Type? ElementType(Type t)
    {
        if (t == typeof(string)) return null;
        if (t.IsArray) return t.GetElementType();
        if (t.IsGenericType && t.GetGenericTypeDefinition() is var g
            && (g == typeof(List<>) || g == typeof(IList<>) || g == typeof(IReadOnlyList<>) || g == typeof(IEnumerable<>) || g == typeof(ICollection<>) || g == typeof(IReadOnlyCollection<>)))
            return t.GetGenericArguments()[0];
        return null;
    }

    private static IReadOnlyList<PropertyInfo> SettableProperties(Type t) =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetSetMethod() is not null && p.GetIndexParameters().Length == 0)
            .ToList();

    private static string FriendlyName(Type t) => t == typeof(int) || t == typeof(long) ? "a whole number"
        : t == typeof(DateTimeOffset) ? "a date" : t == typeof(bool) ? "a boolean" : $"a {t.Name}";

    private static PhraseTmsValidationException Invalid(string errorId, string path, object? value, string message) =>
        new(errorId, path, value, message);
}
