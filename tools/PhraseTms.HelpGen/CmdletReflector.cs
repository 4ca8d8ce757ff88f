using System.Globalization;
using System.Management.Automation;
using System.Reflection;

namespace PhraseTms.HelpGen;

/// <summary>
/// Reads cmdlets from an assembly through attribute metadata (CustomAttributeData), which works with the reference-only
/// System.Management.Automation that is all a build machine without PowerShell has. The one reader of cmdlet
/// attributes: the help generator and the tests' CmdletSurface both use it.
/// </summary>
public static class CmdletReflector
{
    /// <summary>The cmdlet classes of an assembly, by name.</summary>
    public static IReadOnlyList<Type> CmdletTypes(Assembly assembly) =>
        assembly.GetTypes().Where(t => !t.IsAbstract && Attr(t, typeof(CmdletAttribute)) is not null)
            .OrderBy(t => Read(t).Name, StringComparer.Ordinal).ToList();

    public static CmdletMetadata Read(Type type)
    {
        var cmdlet = Attr(type, typeof(CmdletAttribute)) ?? throw new ArgumentException($"{type} has no [Cmdlet].", nameof(type));
        var shouldProcess = Named(cmdlet, "SupportsShouldProcess") is true;
        var paging = Named(cmdlet, "SupportsPaging") is true;
        var defaults = DefaultValues(type);
        var parameters = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Attributes: Attrs(p, typeof(ParameterAttribute)).ToList()))
            .Where(x => x.Attributes.Count > 0)
            .Select(x => FromProperty(x.Property, x.Attributes, defaults))
            .ToList();
        if (paging) parameters.AddRange(CommonParameters.Paging);
        if (shouldProcess) parameters.AddRange(CommonParameters.ShouldProcess);
        var outputs = OutputTypes(type).Where(t => t != typeof(void)).Distinct().ToList();
        return new CmdletMetadata(type, (string)cmdlet.ConstructorArguments[0].Value!, (string)cmdlet.ConstructorArguments[1].Value!,
            Named(cmdlet, "DefaultParameterSetName") as string, shouldProcess, paging, parameters, outputs);
    }

    private static ParameterMetadata FromProperty(PropertyInfo property, List<CustomAttributeData> attributes, IReadOnlyDictionary<string, string> defaults)
    {
        var sets = attributes.Select(a => new ParameterSetEntry(
            Named(a, "ParameterSetName") as string ?? CmdletMetadata.AllSets,
            Named(a, "Mandatory") is true,
            Named(a, "Position") is int p && p != int.MinValue ? p : null,
            Named(a, "ValueFromPipeline") is true,
            Named(a, "ValueFromPipelineByPropertyName") is true)).ToList();
        var aliases = Attrs(property, typeof(AliasAttribute)).SelectMany(a => Strings(a.ConstructorArguments)).ToList();
        var validateSet = Attrs(property, typeof(ValidateSetAttribute)).SelectMany(a => Strings(a.ConstructorArguments)).ToList();
        var enumType = ElementType(property.PropertyType);
        var allowed = validateSet.Count > 0 ? validateSet : enumType.IsEnum ? Enum.GetNames(enumType).ToList() : [];
        return new ParameterMetadata(property.Name, property.PropertyType, aliases, sets, allowed,
            Attr(property, typeof(SupportsWildcardsAttribute)) is not null,
            defaults.GetValueOrDefault(property.Name, "None"), property, null);
    }

    /// <summary>The type without Nullable&lt;&gt; and array wrapping (the enum of an enum[] parameter).</summary>
    public static Type ElementType(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsArray ? ElementType(t.GetElementType()!) : t;
    }

    /// <summary>
    /// Default values read from a fresh instance: numbers, enums, strings and booleans as text; switches False;
    /// anything else (or a cmdlet that cannot be created here) None.
    /// </summary>
    private static IReadOnlyDictionary<string, string> DefaultValues(Type type)
    {
        var result = new Dictionary<string, string>();
        object? instance;
        try { instance = Activator.CreateInstance(type); }
        catch (Exception) { return result; }
        try
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.PropertyType == typeof(SwitchParameter)) { result[property.Name] = "False"; continue; }
                var t = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                if (!(t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal)) || !property.CanRead) continue;
                var value = property.GetValue(instance);
                if (value is not null) result[property.Name] = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "None";
            }
        }
        finally
        {
            (instance as IDisposable)?.Dispose();
        }
        return result;
    }

    private static IEnumerable<string> Strings(IEnumerable<CustomAttributeTypedArgument> arguments) =>
        arguments.SelectMany(a => a.Value is IReadOnlyCollection<CustomAttributeTypedArgument> many ? many.Select(m => m.Value) : [a.Value])
            .OfType<string>();

    /// <summary>The types named by the [OutputType] attributes of a cmdlet class.</summary>
    public static IEnumerable<Type> OutputTypes(Type cmdlet) =>
        Attrs(cmdlet, typeof(OutputTypeAttribute)).SelectMany(a => a.ConstructorArguments)
            .SelectMany(arg => arg.Value is IReadOnlyCollection<CustomAttributeTypedArgument> many ? many.Select(m => m.Value) : [arg.Value])
            .OfType<Type>();

    /// <summary>The first attribute of a type on a member, as metadata.</summary>
    public static CustomAttributeData? Attr(MemberInfo member, Type attributeType) => Attrs(member, attributeType).FirstOrDefault();

    /// <summary>Every attribute of a type on a member, as metadata.</summary>
    public static IEnumerable<CustomAttributeData> Attrs(MemberInfo member, Type attributeType) =>
        member.GetCustomAttributesData().Where(a => a.AttributeType == attributeType);

    /// <summary>A named argument of an attribute (Mandatory = true …), or null.</summary>
    public static object? Named(CustomAttributeData attribute, string name) =>
        attribute.NamedArguments.Where(n => n.MemberName == name).Select(n => n.TypedValue.Value).FirstOrDefault();
}
