namespace PhraseTms.ContractStub.Validation;

/// <summary>One way a request (or an answer) departs from the description: where (<c>query pageSize</c>,
/// <c>body $.name</c>, <c>header Memsource</c>) and what.</summary>
public sealed record Violation(string Operation, string Where, string Message)
{
    public override string ToString() => $"{Operation}: {Where}: {Message}";
}

/// <summary>Collects violations for one operation.</summary>
public sealed class ViolationList
{
    private readonly List<Violation> _items = [];

    public ViolationList(string operation) => Operation = operation;

    public string Operation { get; }
    public IReadOnlyList<Violation> Items => _items;

    public void Add(string where, string message) => _items.Add(new Violation(Operation, where, message));
}
