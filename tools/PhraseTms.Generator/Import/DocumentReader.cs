using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using YamlDotNet.RepresentationModel;

namespace PhraseTms.Generator.Import;

// Loads a Swagger/OpenAPI document, YAML or JSON, into one JSON tree so that the importers read one shape.
internal static class DocumentReader
{
    public static JObject Parse(string text)
    {
        var trimmed = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (trimmed.StartsWith('{')) return JObject.Parse(trimmed);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        if (yaml.Documents.Count == 0) throw new InvalidDataException("the document is empty");
        return Convert(yaml.Documents[0].RootNode) as JObject ?? throw new InvalidDataException("the document is not a mapping");
    }

    private static JToken Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JObject(map.Children.Select(kv => new JProperty(((YamlScalarNode)kv.Key).Value ?? "", Convert(kv.Value)))),
        YamlSequenceNode seq => new JArray(seq.Children.Select(Convert)),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new InvalidDataException($"unsupported YAML node at {node.Start}"),
    };

    private static readonly Regex Integer = new(@"^[-+]?[0-9]+$", RegexOptions.Compiled);
    private static readonly Regex Float = new(@"^[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$", RegexOptions.Compiled);

    // YAML 1.2 core schema for plain scalars; quoted scalars are always strings.
    private static JToken Scalar(YamlScalarNode s)
    {
        var v = s.Value ?? "";
        if (s.Style != YamlDotNet.Core.ScalarStyle.Plain) return new JValue(v);
        if (v is "" or "~" or "null" or "Null" or "NULL") return JValue.CreateNull();
        if (v is "true" or "True" or "TRUE") return new JValue(true);
        if (v is "false" or "False" or "FALSE") return new JValue(false);
        if (Integer.IsMatch(v) && long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l)) return new JValue(l);
        if (Float.IsMatch(v) && decimal.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return new JValue(d);
        return new JValue(v);
    }
}
