namespace PhraseTms.ContractStub.Tests;

internal static class Expect
{
    /// <summary>Fails listing every item in full (xunit's Assert.Empty cuts them short).</summary>
    public static void None<T>(IEnumerable<T> items)
    {
        var list = items.Select(i => i?.ToString()).ToList();
        if (list.Count > 0) Assert.Fail($"{list.Count}:\n" + string.Join("\n", list));
    }
}
