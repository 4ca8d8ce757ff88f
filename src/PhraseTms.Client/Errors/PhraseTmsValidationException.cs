namespace PhraseTms.Client.Errors;

/// <summary>A bad input value, caught locally before any request was sent.</summary>
public sealed class PhraseTmsValidationException : PhraseTmsException
{
    public PhraseTmsValidationException(string errorId, string parameterName, object? value, string message)
        : base(PhraseErrorKind.InvalidArgument, errorId, message)
    {
        ParameterName = parameterName;
        Value = value;
    }

    /// <summary>The parameter (or hashtable key) that was wrong.</summary>
    public string ParameterName { get; }

    /// <summary>The offending value.</summary>
    public object? Value { get; }
}
