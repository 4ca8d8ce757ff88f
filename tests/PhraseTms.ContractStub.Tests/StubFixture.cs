using System.Text;
using PhraseTms.ContractStub.Description;

namespace PhraseTms.ContractStub.Tests;

/// <summary>One running stub for the rule tests, with the conforming builder and small request edits.</summary>
public sealed class StubFixture : IAsyncLifetime
{
    public ContractStub Stub { get; private set; } = null!;
    internal ConformingRequests Builder { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Stub = await ContractStub.StartAsync(TestPaths.Description);
        Builder = new ConformingRequests(Stub.Description);
    }

    public async Task DisposeAsync() => await Stub.DisposeAsync();

    public ApiOperation Op(string key) => Stub.Description.Operations.Single(o => o.Key == key);

    internal RequestSpec Conforming(string key) => Builder.For(Op(key));

    /// <summary>The violation messages ("where: message") the stub finds in <paramref name="spec"/>, handled in-process.</summary>
    internal List<string> Check(RequestSpec spec) =>
        Stub.Handle(spec.ToStubRequest()).Violations.Select(v => $"{v.Where}: {v.Message}").ToList();
}

internal static class RequestEdits
{
    /// <summary>Replaces (or adds) a query parameter; <paramref name="values"/> empty removes it.</summary>
    public static RequestSpec WithQuery(this RequestSpec spec, string name, params string[] values)
    {
        var parts = spec.PathAndQuery.Split('?', 2);
        var pairs = (parts.Length > 1 ? parts[1].Split('&') : []).Where(p => p.Split('=')[0] != name).ToList();
        pairs.AddRange(values.Select(v => name + "=" + Uri.EscapeDataString(v)));
        spec.PathAndQuery = parts[0] + (pairs.Count > 0 ? "?" + string.Join("&", pairs) : "");
        return spec;
    }

    public static RequestSpec WithJson(this RequestSpec spec, string json)
    {
        spec.Body = Encoding.UTF8.GetBytes(json);
        spec.ContentType ??= "application/json";
        return spec;
    }

    public static RequestSpec WithPath(this RequestSpec spec, string path)
    {
        var parts = spec.PathAndQuery.Split('?', 2);
        spec.PathAndQuery = path + (parts.Length > 1 ? "?" + parts[1] : "");
        return spec;
    }
}
