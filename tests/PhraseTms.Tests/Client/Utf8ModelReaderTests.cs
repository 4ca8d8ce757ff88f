using System.Collections;
using System.Reflection;
using System.Text;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;
using PhraseTms.Client;
using PhraseTms.Client.Connectors;
using PhraseTms.Client.Paging;
using PhraseTms.Client.Serialization;
using Xunit.Abstractions;

namespace PhraseTms.Tests.Client;

/// <summary>
/// The fast reader (Utf8ModelReader) against the reference, Newtonsoft alone: for schema-shaped samples of every
/// model of the client, generated and hand-written, the two give the same objects; odd documents go to Newtonsoft and
/// give its results and its errors.
/// </summary>
public sealed class Utf8ModelReaderTests(ITestOutputHelper output)
{
    private static readonly DefaultContractResolver Resolver = (DefaultContractResolver)PhraseJson.Serializer.ContractResolver;

    /// <summary>Every public model class of PhraseTms.Client (the generated ones and the hand-written ones), and pages of them.</summary>
    public static IEnumerable<Type> ModelTypes() =>
        typeof(PhraseTmsClient).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsAbstract && !t.IsGenericTypeDefinition && t.GetConstructor(Type.EmptyTypes) is not null
                        && !typeof(Exception).IsAssignableFrom(t) && IsData(t, []))
            .Append(typeof(Page<ConnectorAsyncTask>))
            .Append(typeof(Page<PhraseTms.Client.Models.Project>))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    [Fact]
    public void Every_model_reads_a_schema_shaped_sample_fast_and_exactly_as_newtonsoft_does()
    {
        var compared = 0;
        var models = 0;
        foreach (var type in ModelTypes().Where(Utf8ModelReader.Reads))
        {
            models++;
            foreach (var (variant, json) in Samples(type))
            {
                var (fast, read) = Fast(type, json);
                Assert.True(read, $"{type.Name} ({variant}) fell back to Newtonsoft: {json}");
                var reference = Reference(type, json);
                Assert.Equal(PhraseJson.Serialize(reference!), PhraseJson.Serialize(fast!));
                Assert.Equal(DeepText(reference), DeepText(fast));
                compared++;
            }
        }
        output.WriteLine($"{models} models, {compared} samples compared with Newtonsoft");
        // Every generated model and the hand-written ones of the lists are read fast (none silently left to Newtonsoft).
        var generated = typeof(PhraseTmsClient).Assembly.GetExportedTypes().Where(t => t.Namespace == "PhraseTms.Client.Models" && t.IsClass).ToList();
        Assert.True(generated.Count > 500, $"{generated.Count} generated models");
        Assert.All(generated, t => Assert.True(Utf8ModelReader.Reads(t), $"{t.Name} is not read fast"));
        Assert.True(Utf8ModelReader.Reads(typeof(ConnectorAsyncTaskPage)));
        Assert.True(Utf8ModelReader.Reads(typeof(List<ConnectorAsyncTask>)));
        Assert.True(models > generated.Count);
    }

    [Fact]
    public void A_page_as_the_api_writes_it_reads_fast_with_dates_enums_and_nulls()
    {
        const string json = """
            {"content":[{"id":"500097000","jobUid":"RYsPKJPY5QIzvusnlOT2eA","status":"SUCCESS","taskType":"REIMPORT","taskProcessingType":"GUI",
            "jobFileName":"marketing/newsletter-march.html","targetLang":"es","dateCreated":"2026-12-02T01:04:21+0000","dateProcessed":"2026-12-02T01:05:16.5-0530","errorMessage":null},
            {"id":"2","jobUid":null,"status":"BRAND_NEW","taskType":"DOWNLOAD","dateCreated":"2026-12-02 01:04:21Z","dateProcessed":null,"errorMessage":"caf\u00e9 \"x\""}],
            "errorCount":105,"numberOfElements":2,"pageNumber":3,"pageSize":1000,"projectName":"Benchmark project","projectUid":"benchProject01",
            "sort":{"orders":[{"property":"dateCreated","direction":"DESC"}]},"successCount":798,"totalElements":100000,"totalPages":100}
            """;
        var (value, read) = Fast(typeof(ConnectorAsyncTaskPage), json);
        Assert.True(read);
        var page = (ConnectorAsyncTaskPage)value!;
        Assert.Equal((3, 1000, 100000L, 100, "benchProject01", 105), (page.PageNumber, page.PageSize, page.TotalElements, page.TotalPages, page.ProjectUid, page.ErrorCount));
        Assert.Equal(2, page.Content.Count);
        var (a, b) = (page.Content[0], page.Content[1]);
        Assert.Equal(ConnectorTaskStatus.SUCCESS, a.Status);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 1, 4, 21, TimeSpan.Zero), a.DateCreated);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 1, 5, 16, 500, TimeSpan.FromHours(-5.5)), a.DateProcessed);
        Assert.Equal(TimeSpan.FromHours(-5.5), a.DateProcessed!.Value.Offset);
        Assert.Null(b.Status);
        Assert.Equal("BRAND_NEW", b.StatusText);
        Assert.Null(b.JobUid);
        Assert.Null(b.DateProcessed);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 1, 4, 21, TimeSpan.Zero), b.DateCreated);
        Assert.Equal("café \"x\"", b.ErrorMessage);
        Assert.Equal(PhraseJson.Serialize(Reference(typeof(ConnectorAsyncTaskPage), json)!), PhraseJson.Serialize(page));
    }

    public static TheoryData<string, string> OddDocuments() => new()
    {
        { "a number where text is expected", """{"id":5,"taskType":true,"dateCreated":"2026-12-02T01:04:21+0000"}""" },
        { "text where a number is expected", """{"content":[],"totalPages":"7","pageNumber":1.0}""" },
        { "an epoch date", """{"content":[{"dateCreated":1700000000000}]}""" },
        { "an empty date", """{"content":[{"dateCreated":""}]}""" },
        { "an escaped property name", """{"\u0069d":"x","STATUS":"ERROR"}""" },
        { "a repeated list", """{"content":[{"id":"1"}],"content":[{"id":"2"}],"totalPages":1}""" },
        { "a null list element", """{"content":[null,{"id":"2"}]}""" },
        { "metadata", """{"$id":"1","content":[{"$ref":"1"}]}""" },
        { "a comment", """{"id":"1" /* Newtonsoft reads comments */}""" },
        { "a trailing comma", """{"id":"1",}""" },
        { "single quotes", """{'id':'1'}""" },
        { "a byte order mark", "\uFEFF{\"id\":\"1\"}" },
        { "an array where an object is expected", """[{"id":"1"}]""" },
        { "null", "null" },
        { "a lone surrogate", "{\"id\":\"\\uD800\",\"errorMessage\":\"\uD800\"}" },
        { "trailing content", """{"id":"1"} {"id":"2"}""" },
    };

    [Theory]
    [MemberData(nameof(OddDocuments))]
    public void An_odd_document_gives_exactly_what_newtonsoft_gives(string what, string json)
    {
        foreach (var type in new[] { typeof(ConnectorAsyncTask), typeof(ConnectorAsyncTaskPage) })
        {
            var expected = Outcome(() => Reference(type, json));
            var actual = Outcome(() => Deserialize(type, json));
            Assert.True(expected == actual, $"{what} as {type.Name}: Newtonsoft {expected}, now {actual}");
        }
    }

    public static TheoryData<string> BrokenDocuments() => new()
    {
        """{"content":[{"id":"1","dateCreated":"yesterday"}]}""",
        """{"content":[{"id":"1"},{"id":"2""",
        """{"content":[{"id":"1"}""",
        "<html><body>Bad gateway</body></html>",
        """{"content":[{"id":"1",,}]}""",
        """{"content":{"id":"1"}}""",
    };

    [Theory]
    [MemberData(nameof(BrokenDocuments))]
    public void A_broken_document_fails_with_newtonsofts_error(string json)
    {
        var expected = Assert.ThrowsAny<Newtonsoft.Json.JsonException>(() => Reference(typeof(ConnectorAsyncTaskPage), json));
        var actual = Assert.ThrowsAny<Newtonsoft.Json.JsonException>(() => Deserialize(typeof(ConnectorAsyncTaskPage), json));
        Assert.Equal(expected.GetType(), actual.GetType());
        Assert.Equal(expected.Message, actual.Message);
    }

    [Fact]
    public void Invalid_utf8_reads_as_newtonsoft_reads_it()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"id":"ab","errorMessage":"x"}""");
        bytes[8] = 0xC3; // a lead byte with no continuation: Newtonsoft's decoder replaces it
        var reference = PhraseJson.DeserializeWithNewtonsoft<ConnectorAsyncTask>(bytes)!;
        var actual = PhraseJson.Deserialize<ConnectorAsyncTask>(bytes)!;
        Assert.Equal(reference.Id, actual.Id);
        Assert.Equal(reference.ErrorMessage, actual.ErrorMessage);
    }

    [Fact]
    public void Readers_built_on_many_threads_at_once_read_alike()
    {
        var json = Samples(typeof(PhraseTms.Client.Models.Project)).First().Json;
        var expected = PhraseJson.Serialize(Reference(typeof(PhraseTms.Client.Models.Project), json)!);
        var results = new string[16];
        Parallel.For(0, results.Length, i => results[i] = PhraseJson.Serialize(Deserialize(typeof(PhraseTms.Client.Models.Project), json)!));
        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void Repeated_texts_share_one_string_and_every_text_reads_as_written()
    {
        // 40 values (more than fit without collisions in the table) repeated 25 times, and escaped and long ones.
        var values = Enumerable.Range(0, 40).Select(i => $"folder/file-{i}.html").ToList();
        var texts = Enumerable.Range(0, 1000).Select(i => values[i * 7 % values.Count]).Append("caf\\u00e9").Append(new string('x', 60)).ToList();
        var read = ReadStrings(new RepeatedStringValueReader(), texts);

        Assert.Equal(texts.Select(t => t == "caf\\u00e9" ? "café" : t), read);
        var distinct = read.Distinct(ReferenceEqualityComparer.Instance).Count();
        Assert.True(distinct < texts.Count / 2, $"{distinct} string instances for {texts.Count} texts of {values.Count + 2} values: repeated texts are not shared");
    }

    [Fact]
    public void Texts_that_keep_differing_stop_being_looked_up_and_still_read_as_written()
    {
        var reader = new RepeatedStringValueReader();
        var ids = Enumerable.Range(0, 600).Select(i => $"id-{i}").ToList();
        Assert.Equal(ids, ReadStrings(reader, ids));
        // Given up: a text seen again is a new string now (it would have been shared before).
        var again = ReadStrings(reader, ["id-599", "id-599"]);
        Assert.Equal(["id-599", "id-599"], again);
        Assert.False(ReferenceEquals(again[0], again[1]));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static List<string> ReadStrings(RepeatedStringValueReader reader, IEnumerable<string> texts)
    {
        var json = Encoding.UTF8.GetBytes("[" + string.Join(",", texts.Select(t => "\"" + t + "\"")) + "]");
        var r = new System.Text.Json.Utf8JsonReader(json);
        var result = new List<string>();
        r.Read();
        while (r.Read() && r.TokenType != System.Text.Json.JsonTokenType.EndArray) result.Add(reader.Read(ref r, json));
        return result;
    }

    /// <summary>A model: a class whose properties hold only JSON data (not the client's options, sessions or services).</summary>
    private static bool IsData(Type type, HashSet<Type> seen)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || type.IsPrimitive || type.IsEnum || type == typeof(decimal) || type == typeof(DateTimeOffset) || typeof(JToken).IsAssignableFrom(type) || type == typeof(object))
            return true;
        if (type.IsArray) return IsData(type.GetElementType()!, seen);
        if (type.IsGenericType && type.GetGenericTypeDefinition() is var g && (g == typeof(List<>) || g == typeof(Dictionary<,>)))
            return type.GetGenericArguments().All(a => IsData(a, seen));
        if (!seen.Add(type)) return true;
        return type.IsClass && type.GetConstructor(Type.EmptyTypes) is not null && Resolver.ResolveContract(type) is JsonObjectContract contract
            && contract.Properties.Where(p => !p.Ignored && p.Writable).All(p => IsData(p.PropertyType!, seen));
    }

    private static (object? Value, bool Read) Fast(Type type, string json)
    {
        var method = typeof(Utf8ModelReader).GetMethod(nameof(Utf8ModelReader.TryRead))!.MakeGenericMethod(type);
        var args = new object?[] { new ReadOnlyMemory<byte>(Encoding.UTF8.GetBytes(json)), null };
        var read = (bool)method.Invoke(null, args)!;
        return (args[1], read);
    }

    private static object? Reference(Type type, string json) => Invoke(nameof(PhraseJson.DeserializeWithNewtonsoft), type, json);

    private static object? Deserialize(Type type, string json) => Invoke(nameof(PhraseJson.Deserialize), type, json);

    private static object? Invoke(string name, Type type, string json)
    {
        var method = typeof(PhraseJson).GetMethod(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, [typeof(ReadOnlyMemory<byte>)])!
            .MakeGenericMethod(type);
        try
        {
            return method.Invoke(null, [new ReadOnlyMemory<byte>(Encoding.UTF8.GetBytes(json))]);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }

    private static string Outcome(Func<object?> read)
    {
        try
        {
            var value = read();
            return value is null ? "null" : DeepText(value);
        }
        catch (Exception ex)
        {
            return $"{ex.GetType().Name}: {ex.Message}";
        }
    }

    /// <summary>Every public property of the object graph, read back (JSON-ignored ones and each list's type too).</summary>
    private static string DeepText(object? value, int depth = 0)
    {
        if (value is null) return "null";
        if (depth > 8) return "…";
        var type = value.GetType();
        if (value is string or bool or int or long or double or DateTimeOffset or Enum) return $"{type.Name}:{(value is DateTimeOffset d ? d.ToString("o") : value)}";
        if (value is JToken token) return $"JToken:{token.ToString(Newtonsoft.Json.Formatting.None)}";
        if (value is IDictionary map)
            return "{" + string.Join(",", map.Keys.Cast<object>().Select(k => $"{k}={DeepText(map[k], depth + 1)}")) + "}";
        if (value is IEnumerable items)
            return $"{type.Name}[" + string.Join(",", items.Cast<object?>().Select(i => DeepText(i, depth + 1))) + "]";
        return type.Name + "{" + string.Join(",", type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => $"{p.Name}={DeepText(p.GetValue(value), depth + 1)}")) + "}";
    }

    /// <summary>Samples of a type's JSON from its contract: every property set, then the names in capitals and in reverse, then every value null.</summary>
    private static IEnumerable<(string Variant, string Json)> Samples(Type type)
    {
        var full = SampleObject(type, 2, 0);
        full["someFutureField"] = JToken.Parse("""{"deep":[1,{"x":2}],"n":null}""");
        full["anotherFutureField"] = null;
        yield return ("every property", full.ToString(Newtonsoft.Json.Formatting.None));
        var upper = new JObject();
        foreach (var p in full.Properties().Reverse()) upper[p.Name.ToUpperInvariant()] = p.Value;
        yield return ("names in capitals, reversed", upper.ToString(Newtonsoft.Json.Formatting.None));
        var nulls = new JObject();
        foreach (var p in full.Properties()) nulls[p.Name] = null;
        yield return ("every value null", nulls.ToString(Newtonsoft.Json.Formatting.None));
        var alternate = SampleObject(type, 2, 1);
        yield return ("other values", alternate.ToString(Newtonsoft.Json.Formatting.None));
    }

    private static JObject SampleObject(Type type, int depth, int variant)
    {
        var sample = new JObject();
        if (Resolver.ResolveContract(type) is not JsonObjectContract contract) return sample;
        foreach (var p in contract.Properties.Where(p => !p.Ignored && p.Writable))
            sample[p.PropertyName!] = SampleValue(p.PropertyType!, depth, variant, p.PropertyName!);
        return sample;
    }

    private static JToken SampleValue(Type type, int depth, int variant, string name)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return variant == 0 ? $"text of {name}" : "caf\u00e9 \"quoted\" \\ \u00a0";
        if (type == typeof(bool)) return variant == 0;
        if (type == typeof(int)) return variant == 0 ? 42 : -7;
        if (type == typeof(long)) return variant == 0 ? 9007199254740993L : long.MinValue;
        if (type == typeof(double)) return variant == 0 ? 1.25 : 3;
        if (type == typeof(decimal)) return 2.5m;
        if (type == typeof(DateTimeOffset)) return variant == 0 ? "2026-11-20T10:00:00+0000" : "2026-11-20T10:00:00.1234567-05:30";
        if (type.IsEnum) return Enum.GetNames(type)[0];
        if (typeof(JToken).IsAssignableFrom(type))
            return type == typeof(JArray) ? JToken.Parse("""[1,"x"]""") : JToken.Parse("""{"a":[1,"x",null,{"b":true}],"d":"2026-11-20T10:00:00Z","f":1.50}""");
        if (type.IsArray) return new JArray(SampleValue(type.GetElementType()!, depth - 1, variant, name));
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            return new JObject { ["k"] = SampleValue(type.GetGenericArguments()[1], depth - 1, variant, name) };
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            var element = type.GetGenericArguments()[0];
            var list = new JArray(SampleValue(element, depth - 1, variant, name));
            if (variant == 1 && (!element.IsValueType || Nullable.GetUnderlyingType(element) is not null)) list.Add(JValue.CreateNull());
            list.Add(SampleValue(element, depth - 1, 1 - variant, name));
            return list;
        }
        if (type == typeof(object)) return "anything";
        return depth <= 0 ? new JObject() : SampleObject(type, depth - 1, variant);
    }
}
