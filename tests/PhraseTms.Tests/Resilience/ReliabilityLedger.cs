using Xunit.Abstractions;
using Xunit.Sdk;

namespace PhraseTms.Tests.Resilience;

/// <summary>
/// Counts what the reliability suite proved (scenarios run, bad inputs refused, items compared, POSTs counted) and
/// prints one summary line when the collection ends; the README's reliability section quotes it.
/// </summary>
public sealed class ReliabilityLedger(IMessageSink sink) : IDisposable
{
    private readonly HashSet<string> _scenarios = [];
    private readonly HashSet<string> _badInputs = [];
    private long _itemsCompared;
    private long _postsCounted;

    public void Scenario(string name) { lock (_scenarios) _scenarios.Add(name); }

    public void BadInput(string name) { lock (_badInputs) _badInputs.Add(name); }

    public void ItemsCompared(int count) => Interlocked.Add(ref _itemsCompared, count);

    public void PostsCounted(int count) => Interlocked.Add(ref _postsCounted, count);

    public string Summary
    {
        get
        {
            lock (_scenarios) lock (_badInputs)
                return $"Reliability suite: {_scenarios.Count} fault scenarios, {_badInputs.Count} bad inputs refused before any request, " +
                       $"{Interlocked.Read(ref _itemsCompared):N0} items compared with what was served, {Interlocked.Read(ref _postsCounted)} POSTs counted";
        }
    }

    public void Dispose() => sink.OnMessage(new DiagnosticMessage(Summary));
}

[CollectionDefinition(Name)]
public sealed class ReliabilityCollection : ICollectionFixture<ReliabilityLedger>
{
    public const string Name = "Reliability";
}
