using System.Management.Automation;
using System.Reflection;
using PhraseTms.HelpGen;

namespace PhraseTms.Tests.Support;

/// <summary>
/// Reads the PowerShell surface of the module by reflection over attribute metadata (CustomAttributeData), which
/// works with the reference-only System.Management.Automation that is all this machine has. The reading itself is the
/// help generator's (<see cref="CmdletReflector"/>): the tests check what the help is made from.
/// </summary>
public static class CmdletSurface
{
    public static Assembly Module { get; } = typeof(PhraseTms.Infrastructure.PhraseTmsCmdlet).Assembly;

    public sealed record CmdletInfo(Type Type, string Verb, string Noun, CustomAttributeData Attribute)
    {
        public string Name => $"{Verb}-{Noun}";
        /// <summary>Generated at build time from the description (tools/PhraseTms.Generator generate-cmdlets).</summary>
        public bool IsGenerated => Type.Namespace == "PhraseTms.Cmdlets.Generated";
        public object? Named(string name) => CmdletSurface.Named(Attribute, name);
        public PropertyInfo Parameter(string name) =>
            Type.GetProperty(name) ?? throw new Xunit.Sdk.XunitException($"{Name} has no -{name}");
    }

    public static IReadOnlyList<CmdletInfo> Cmdlets { get; } = CmdletReflector.CmdletTypes(Module)
        .Select(t => (t, a: Attr(t, typeof(CmdletAttribute))!))
        .Select(x => new CmdletInfo(x.t, (string)x.a.ConstructorArguments[0].Value!, (string)x.a.ConstructorArguments[1].Value!, x.a))
        .OrderBy(c => c.Name)
        .ToList();

    public static CmdletInfo Get(string name) => Cmdlets.Single(c => c.Name == name);

    public static CustomAttributeData? Attr(MemberInfo member, Type attributeType) => CmdletReflector.Attr(member, attributeType);

    public static IEnumerable<CustomAttributeData> Attrs(MemberInfo member, Type attributeType) => CmdletReflector.Attrs(member, attributeType);

    public static object? Named(CustomAttributeData attribute, string name) => CmdletReflector.Named(attribute, name);

    /// <summary>All [Parameter] attributes of a property (one per parameter set).</summary>
    public static IEnumerable<CustomAttributeData> ParameterAttributes(PropertyInfo property) => Attrs(property, typeof(ParameterAttribute));

    /// <summary>Every public property carrying [Parameter] (inherited ones included).</summary>
    public static IEnumerable<PropertyInfo> Parameters(Type cmdlet) =>
        cmdlet.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => ParameterAttributes(p).Any());

    /// <summary>PowerShell's approved verbs, read from the Verbs* classes' constants.</summary>
    public static IReadOnlySet<string> ApprovedVerbs { get; } = new[]
        {
            typeof(VerbsCommon), typeof(VerbsCommunications), typeof(VerbsData), typeof(VerbsDiagnostic),
            typeof(VerbsLifecycle), typeof(VerbsSecurity), typeof(VerbsOther),
        }
        .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>The types named by [OutputType].</summary>
    public static IEnumerable<Type> OutputTypes(Type cmdlet) => CmdletReflector.OutputTypes(cmdlet);
}
