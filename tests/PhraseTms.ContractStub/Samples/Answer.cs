namespace PhraseTms.ContractStub.Samples;

/// <summary>What the stub sends back: status, content type (null without a body), body, extra headers.</summary>
public sealed record Answer(int Status, string? ContentType, byte[] Body, IReadOnlyDictionary<string, string> Headers)
{
    public static Answer Empty(int status) => new(status, null, [], new Dictionary<string, string>());

    /// <summary>The body as text (JSON answers), null for none or binary.</summary>
    public string? Text => ContentType is { } ct && ct.Contains("json", StringComparison.Ordinal)
        ? System.Text.Encoding.UTF8.GetString(Body) : null;
}
