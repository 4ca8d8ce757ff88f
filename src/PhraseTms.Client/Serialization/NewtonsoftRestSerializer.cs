using RestSharp;
using RestSharp.Serializers;

namespace PhraseTms.Client.Serialization;

/// <summary>RestSharp's serializer slot filled with Newtonsoft.Json and the one set of <see cref="PhraseJson.Settings"/>.</summary>
public sealed class NewtonsoftRestSerializer : IRestSerializer, ISerializer, IDeserializer
{
    private static readonly string[] JsonTypes = ["application/json", "text/json", "application/problem+json"];

    public ISerializer Serializer => this;
    public IDeserializer Deserializer => this;
    public string[] AcceptedContentTypes => JsonTypes;
    public SupportsContentType SupportsContentType => ct => ct.Value.EndsWith("json", StringComparison.OrdinalIgnoreCase);
    public DataFormat DataFormat => DataFormat.Json;
    public ContentType ContentType { get; set; } = ContentType.Json;

    public string? Serialize(Parameter parameter) => Serialize(parameter.Value);

    public string? Serialize(object? obj) => obj is null ? null : PhraseJson.Serialize(obj);

    public T? Deserialize<T>(RestResponse response) =>
        response.RawBytes is { Length: > 0 } bytes ? PhraseJson.Deserialize<T>(bytes) : default;
}
