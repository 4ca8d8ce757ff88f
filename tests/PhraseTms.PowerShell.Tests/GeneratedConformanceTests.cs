using System.Collections;
using System.Management.Automation;
using Newtonsoft.Json.Linq;
using PhraseTms.PowerShell.Tests.Support;
using Xunit.Abstractions;

namespace PhraseTms.PowerShell.Tests;

/// <summary>
/// Every generated cmdlet, each parameter set at least once, run in PowerShell against the contract stub with values
/// for its required parameters built here from the command map and the description (never written by hand): no
/// request may break the description, every generated operation must be reached, and answers come back typed.
/// </summary>
[Collection(PowerShellCollection.Name)]
public sealed class GeneratedConformanceTests(EmulatorFixture fixture, ITestOutputHelper output, DiagnosticSink diagnostics)
    : ModuleTest(fixture), IAsyncLifetime, IClassFixture<DiagnosticSink>
{
    private const string GeneratedNamespace = "PhraseTms.Cmdlets.Generated";
    private static readonly JObject Description = JObject.Parse(File.ReadAllText(Path.Combine(Repo.Root, "api", "phrase-tms.api.json")));
    private static readonly JObject CommandMap = JObject.Parse(File.ReadAllText(Path.Combine(Repo.Root, "api", "command-map.json")));
    private ContractStub.ContractStub _stub = null!;

    public async Task InitializeAsync() =>
        _stub = await ContractStub.ContractStub.StartAsync(Path.Combine(Repo.Root, "api", "phrase-tms.api.json"));

    public async Task DisposeAsync()
    {
        await _stub.DisposeAsync();
        Directory.Delete(_files, recursive: true);
    }

    [Fact]
    public void Every_generated_cmdlet_and_parameter_set_conforms_to_the_description_reaches_its_operation_and_answers_typed()
    {
        var cmdlets = PowerShell.Run($"Get-Command -Module PhraseTms | Where-Object {{ $_.ImplementingType.Namespace -eq '{GeneratedNamespace}' }}")
            .Output.Select(o => (CmdletInfo)o.BaseObject).ToList();
        Assert.True(cmdlets.Count > 250, $"only {cmdlets.Count} generated cmdlets in the module");

        var operations = CommandMap["operations"]!.Cast<JObject>().ToList();
        var byKey = Description["operations"]!.Cast<JObject>().ToDictionary(o => (string)o["key"]!);
        var calls = new List<Hashtable>();
        var reached = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cmdlet in cmdlets)
            foreach (var set in cmdlet.ParameterSets)
            {
                var setName = set.Name;
                var entry = operations.FirstOrDefault(o => (string?)o["cmdlet"] == cmdlet.Name && (string?)o["parameterSet"] == setName)
                    ?? operations.FirstOrDefault(o => (string?)o["cmdlet"] == cmdlet.Name && setName.EndsWith("Body", StringComparison.Ordinal)
                        && (string?)o["parameterSet"] == setName[..^4])
                    ?? operations.FirstOrDefault(o => (string?)o["cmdlet"] == cmdlet.Name && setName.EndsWith("Stream", StringComparison.Ordinal)
                        && (string?)o["parameterSet"] == setName[..^6]);
                Assert.True(entry is not null, $"{cmdlet.Name} [{setName}] maps to no operation of the command map");
                var op = byKey[(string)entry!["key"]!];
                reached.Add((string)op["key"]!);
                var parameters = new Hashtable();
                foreach (var p in set.Parameters.Where(p => p.IsMandatory))
                    parameters[p.Name] = p.Name == "Body" ? BodyFor(op)
                        : FileValue(p.Name) is { } file ? file
                        : p.ParameterType == typeof(SwitchParameter) && (setName == p.Name + "Body" || setName == p.Name) ? new SwitchParameter(true) // selects the set
                        : ValueFor(entry, op, p);
                if (cmdlet.ImplementingType.GetCustomAttributes(typeof(CmdletAttribute), false).Cast<CmdletAttribute>().Single().SupportsShouldProcess)
                    parameters["Confirm"] = false;
                if (op["paged"]?.Value<bool>() == true) parameters["First"] = 3UL;
                calls.Add(new Hashtable
                {
                    ["Name"] = cmdlet.Name, ["Set"] = setName, ["Parameters"] = parameters, ["Operation"] = (string)op["key"]!,
                    ["Typed"] = cmdlet.OutputType.Any(t => t.Type?.Namespace?.StartsWith("PhraseTms.Client", StringComparison.Ordinal) == true),
                });
            }

        var result = PowerShell.Run("""
            param($BaseUri, $Token, $Calls)
            Connect-PhraseTms -Token $Token -BaseUri $BaseUri
            foreach ($c in $Calls) {
                $p = $c.Parameters
                $e = $null
                $out = @(& $c.Name @p -ErrorVariable e -ErrorAction SilentlyContinue)
                [pscustomobject]@{
                    Call = "$($c.Name) [$($c.Set)] $($c.Operation)"; Typed = $c.Typed
                    Errors = @($e | ForEach-Object { "$($_.FullyQualifiedErrorId): $($_.Exception.GetType().Name): $($_.Exception.Message)" })
                    Types = @($out | ForEach-Object { $_.PSTypeNames[0] })
                    Filled = @($out | ForEach-Object { @($_.PSObject.Properties | Where-Object { $null -ne $_.Value -and $_.MemberType -eq 'Property' }).Count })
                }
            }
            """, new Hashtable
        {
            ["BaseUri"] = _stub.BaseUri.ToString().TrimEnd('/'), ["Token"] = Secure("contract-stub-token-0123456789"), ["Calls"] = calls.ToArray(),
        });

        var problems = new List<string>();
        foreach (var r in result.Output)
        {
            var call = r.Text("Call");
            foreach (var e in (object[])r.Get("Errors")!) problems.Add($"{call}: {e}");
            var types = ((object[])r.Get("Types")!).Select(t => t?.ToString() ?? "").ToList();
            if ((bool)r.Get("Typed")!)
            {
                foreach (var t in types.Where(t => !t.StartsWith("PhraseTms.", StringComparison.Ordinal))) problems.Add($"{call}: wrote a {t}");
                if (((object[])r.Get("Filled")!).Any(f => Convert.ToInt32(f) == 0)) problems.Add($"{call}: wrote an object without any property filled");
            }
        }
        foreach (var e in result.Errors) problems.Add($"error: {e.FullyQualifiedErrorId}: {e}");
        if (result.Terminated is { } stopped) problems.Add("terminated: " + stopped.Message);
        foreach (var v in _stub.Violations) problems.Add("violation: " + v);
        foreach (var u in _stub.Requests.Where(r => r.Operation == "unmatched")) problems.Add($"unmatched: {u.Method} {u.RawTarget}");

        // Every operation of status "generate" the module has a cmdlet for was reached; the others are planned, and
        // docs/commands.md says so for exactly those.
        var generate = operations.Where(o => (string?)o["status"] == "generate").Select(o => (string)o["key"]!).ToList();
        var planned = generate.Where(k => !reached.Contains(k)).ToList();
        var summary = _stub.Summary(reached);
        foreach (var k in summary.Unmapped) problems.Add("no request reached " + k);
        foreach (var p in problems) output.WriteLine(p);
        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join("\n", problems.Take(60)));
        var commandsDoc = File.ReadAllLines(Path.Combine(Repo.Root, "docs", "commands.md"));
        var plannedInDoc = commandsDoc.Where(l => l.StartsWith("| ", StringComparison.Ordinal) && l.Contains("*(planned", StringComparison.Ordinal))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries)).Select(c => $"{c[1]} {c[2].Trim('`')}").ToList();
        Assert.Equal(planned.Order(StringComparer.Ordinal), plannedInDoc.Order(StringComparer.Ordinal));
        Assert.Empty(planned); // every operation to generate has its cmdlet, file transfers included

        Assert.Empty(problems);
        Assert.Equal(calls.Count, result.Output.Count);
        Assert.True(summary.Requests >= reached.Count);
        output.WriteLine(summary.Line(cmdlets.Count));
        output.WriteLine($"planned (see docs/commands.md): {planned.Count} operations: {string.Join(", ", planned)}");
        var line = summary.Line(cmdlets.Count);
        // In `dotnet test`'s output: "[xUnit.net …] PhraseTms.PowerShell.Tests: API conformance: …" (diagnostic messages).
        var others = operations.Where(o => (string?)o["status"] != "generate").GroupBy(o => (string)o["status"]!)
            .Select(g => $"{g.Count()} {g.Key}").Order(StringComparer.Ordinal);
        diagnostics.Write(line + $"; planned: {planned.Count}; of the description's {operations.Count} operations the others are {string.Join(", ", others)} (hand-written: ConformanceTests; superseded: no cmdlet by design)");
        Assert.EndsWith(" 0 unmapped", line);
    }

    private readonly string _files = Directory.CreateTempSubdirectory("phrasetms-conformance-").FullName;
    private int _fileCount;

    // The file parameters of uploads and downloads: a temporary file to send (a non-ASCII name), a stream, a new
    // -OutFile each call (an existing one would be refused before any request).
    private object? FileValue(string parameter)
    {
        switch (parameter)
        {
            case "Path":
                var path = Path.Combine(_files, $"Über-{++_fileCount}.txt");
                File.WriteAllText(path, "conformance " + _fileCount);
                return new[] { path };
            case "InputStream": return new MemoryStream(System.Text.Encoding.UTF8.GetBytes("conformance stream"));
            case "FileName": return "stream-é.txt";
            case "OutFile": return Path.Combine(_files, $"out-{++_fileCount}.bin");
            default: return null;
        }
    }

    // A value for a required parameter from what the description says of it.
    private static object ValueFor(JObject entry, JObject op, CommandParameterInfo p)
    {
        var named = entry["parameters"]!.Cast<JObject>().FirstOrDefault(x => (string?)x["name"] == p.Name);
        Assert.True(named is not null, $"{entry["cmdlet"]} -{p.Name} is not in the command map");
        var apiName = (string)named!["apiName"]!;
        var where = (string)named["in"]!;
        if (where == "body")
        {
            var def = Definition((string?)op["requestBody"]?["schema"]?["ref"]);
            var prop = Properties(def).First(x => (string?)x["name"] == apiName);
            return FieldValue(prop, p.ParameterType, 0)!;
        }
        if (where == "memsource")
        {
            var schema = Definition((string?)op["memsourceHeader"]?["schema"]?["ref"] ?? "");
            if (Properties(schema).FirstOrDefault(x => (string?)x["name"] == apiName) is { } field) return FieldValue(field, p.ParameterType, 0)!;
            return new[] { new Hashtable { ["uid"] = "aBcD1234" } }; // a listed field without a schema: the jobs to update

        }
        var ap = op["parameters"]!.Cast<JObject>().First(x => (string?)x["name"] == apiName && (string?)x["in"] == where);
        if (where == "path")
            return (string?)ap["type"] == "integer" ? "1234567" : "aBcD1234";
        return Scalar(ap, p.ParameterType);
    }

    private static object Scalar(JToken schema, Type type)
    {
        var values = (schema["enum"] ?? schema["items"]?["enum"]) as JArray;
        object one = values is { Count: > 0 } ? (string)values[0]! : (string?)(schema["type"]) switch
        {
            "integer" or "number" => schema["minimum"]?.Value<long>() is { } min && min > 1 ? min : 1L,
            "boolean" => true,
            _ when (string?)schema["format"] is "date-time" or "date" => DateTime.UtcNow,
            "array" => Scalar(schema["items"]!, type.GetElementType() ?? typeof(string)),
            _ => new string('a', Math.Max(3, schema["minLength"]?.Value<int>() ?? 0)),
        };
        if (type == typeof(SwitchParameter)) return new SwitchParameter(true);
        return type.IsArray ? new[] { one } : one;
    }

    // A field of a body: a scalar, a list of one, or a hashtable of the referenced definition's required fields.
    private static object? FieldValue(JToken prop, Type? type, int depth)
    {
        if ((string?)prop["ref"] is { } r)
        {
            var def = Definition(r);
            if (def["enum"] is JArray values) return (string)values[0]!;
            return depth > 6 ? new Hashtable() : Required(def, depth + 1);
        }
        if ((string?)prop["type"] == "array")
        {
            var item = FieldValue(prop["items"]!, type?.GetElementType(), depth);
            return new[] { item };
        }
        if ((string?)prop["type"] == "object") return new Hashtable();
        return Scalar(prop, type ?? typeof(object));
    }

    private static Hashtable Required(JObject def, int depth)
    {
        var table = new Hashtable();
        foreach (var p in Properties(def).Where(p => p["required"]?.Value<bool>() == true && p["readOnly"]?.Value<bool>() != true))
            table[(string)p["name"]!] = FieldValue(p, null, depth);
        return table;
    }

    private static object BodyFor(JObject op)
    {
        var r = (string?)op["requestBody"]?["schema"]?["ref"];
        return r is null ? new Hashtable() : Required(Definition(r), 0);
    }

    private static JObject Definition(string? name) => Description["definitions"]![name!] as JObject ?? new JObject();

    private static IEnumerable<JObject> Properties(JObject def)
    {
        foreach (var b in def["bases"] ?? new JArray())
            foreach (var p in Properties(Definition((string)b!))) yield return p;
        foreach (var p in def["properties"]?.Cast<JObject>() ?? []) yield return p;
    }
}

/// <summary>Writes a line into the test run's output as an xunit diagnostic message (xunit.runner.json enables them).</summary>
public sealed class DiagnosticSink(Xunit.Abstractions.IMessageSink sink)
{
    public void Write(string line) => sink.OnMessage(new Xunit.Sdk.DiagnosticMessage(line));
}
