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
            return DictionaryMapper.Map(TargetType, inputData, ParameterName, PowerShellValues.Unwrap);
        }
        catch (PhraseTmsValidationException ex)
        {
            throw new ArgumentTransformationMetadataException(ex.Message, ex);
        }
    }
}
