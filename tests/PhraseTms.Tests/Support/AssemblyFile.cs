using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace PhraseTms.Tests.Support;

/// <summary>
/// What a built .dll says about itself, read with System.Reflection.Metadata (never loaded: the desktop build is for
/// .NET Framework and could not be loaded here anyway).
/// </summary>
/// <param name="TargetFramework">The TargetFrameworkAttribute, e.g. ".NETStandard,Version=v2.0".</param>
/// <param name="Cmdlets">"Verb-Noun" of every type carrying [Cmdlet].</param>
/// <param name="Interfaces">(type, interface) for every interface a type of this assembly implements directly.</param>
public sealed record AssemblyFile(string Path, string Name, Version Version, string? TargetFramework,
    IReadOnlyList<AssemblyFile.Reference> References, IReadOnlyList<string> Cmdlets, IReadOnlyList<(string Type, string Interface)> Interfaces)
{
    public sealed record Reference(string Name, Version Version);

    public static AssemblyFile Read(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var md = pe.GetMetadataReader();
        var definition = md.GetAssemblyDefinition();
        var references = md.AssemblyReferences.Select(h => md.GetAssemblyReference(h))
            .Select(r => new Reference(md.GetString(r.Name), r.Version)).ToList();
        var targetFramework = definition.GetCustomAttributes()
            .Select(h => md.GetCustomAttribute(h))
            .Where(a => AttributeTypeName(md, a) == "System.Runtime.Versioning.TargetFrameworkAttribute")
            .Select(a => StringArguments(md, a, 1)[0]).FirstOrDefault();
        var cmdlets = new List<string>();
        var interfaces = new List<(string, string)>();
        foreach (var handle in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(handle);
            var typeName = $"{md.GetString(type.Namespace)}.{md.GetString(type.Name)}";
            foreach (var a in type.GetCustomAttributes().Select(h => md.GetCustomAttribute(h)))
                if (AttributeTypeName(md, a) == "System.Management.Automation.CmdletAttribute")
                    cmdlets.Add(string.Join("-", StringArguments(md, a, 2)));
            foreach (var i in type.GetInterfaceImplementations().Select(h => md.GetInterfaceImplementation(h)))
                if (i.Interface.Kind == HandleKind.TypeReference)
                    interfaces.Add((typeName, TypeName(md, (TypeReferenceHandle)i.Interface)));
        }
        return new AssemblyFile(path, md.GetString(definition.Name), definition.Version, targetFramework, references, cmdlets, interfaces);
    }

    private static string? AttributeTypeName(MetadataReader md, CustomAttribute attribute) => attribute.Constructor.Kind switch
    {
        HandleKind.MemberReference when md.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent is
            { Kind: HandleKind.TypeReference } parent => TypeName(md, (TypeReferenceHandle)parent),
        HandleKind.MethodDefinition => TypeName(md, md.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType()),
        _ => null,
    };

    private static string TypeName(MetadataReader md, TypeReferenceHandle handle)
    {
        var type = md.GetTypeReference(handle);
        return $"{md.GetString(type.Namespace)}.{md.GetString(type.Name)}";
    }

    private static string TypeName(MetadataReader md, TypeDefinitionHandle handle)
    {
        var type = md.GetTypeDefinition(handle);
        return $"{md.GetString(type.Namespace)}.{md.GetString(type.Name)}";
    }

    /// <summary>The first <paramref name="count"/> constructor arguments of an attribute whose constructor takes strings.</summary>
    private static string[] StringArguments(MetadataReader md, CustomAttribute attribute, int count)
    {
        var blob = md.GetBlobReader(attribute.Value);
        if (blob.ReadUInt16() != 1) throw new BadImageFormatException("custom attribute blob without prolog");
        return Enumerable.Range(0, count).Select(_ => blob.ReadSerializedString() ?? "").ToArray();
    }
}
