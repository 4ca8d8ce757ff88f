using System.Collections;
using System.Management.Automation;
using PhraseTms.Client.Errors;
using PhraseTms.Client.Serialization;

namespace PhraseTms.Infrastructure;

/// <summary>
/// Lets a parameter take typed request pieces or hashtables (and [pscustomobject]s) that the client's
/// <see cref="DictionaryMapper"/> converts; a bad key or value fails binding with a message naming it.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class RequestPieceTransformationAttribute : ArgumentTransformationAttribute
{
    public RequestPieceTransformationAttribute(Type targetType, string parameterName)
    {
        TargetType = targetType;
        ParameterName = parameterName;
    }

    /// <summary>The parameter's type (an array for a list).</summary>
    public Type TargetType { get; }

    /// <summary>The parameter's name, as errors show it.</summary>
    public string ParameterName { get; }

    public override object? Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        try
        {
            return DictionaryMapper.Map(TargetType, inputData, ParameterName, Unwrap);
        }
        catch (PhraseTmsValidationException ex)
        {
            throw new ArgumentTransformationMetadataException(ex.Message, ex);
        }
    }

    /// <summary>Opens PowerShell's wrappers: a [pscustomobject] becomes a dictionary of its properties.</summary>
    private static object? Unwrap(object value)
    {
        if (value is not PSObject wrapped) return value;
        if (wrapped.BaseObject is not PSCustomObject) return wrapped.BaseObject;
        var properties = new Hashtable(StringComparer.OrdinalIgnoreCase);
        foreach (var property in wrapped.Properties) properties[property.Name] = property.Value;
        return properties;
    }
}
