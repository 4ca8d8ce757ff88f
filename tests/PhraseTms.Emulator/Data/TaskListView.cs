using System.Collections;

namespace PhraseTms.Emulator;

/// <summary>A read-only list of a project's tasks in API order; each access materialises a fresh (equal) record.</summary>
internal sealed class TaskListView(TaskTable table) : IReadOnlyList<ConnectorTask>
{
    public ConnectorTask this[int index] =>
        (uint)index < (uint)table.Count ? table.Get(index) : throw new ArgumentOutOfRangeException(nameof(index));

    public int Count => table.Count;

    public IEnumerator<ConnectorTask> GetEnumerator()
    {
        for (var i = 0; i < table.Count; i++) yield return table.Get(i);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
