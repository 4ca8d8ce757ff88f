namespace PhraseTms.Emulator;

/// <summary>UTF-8 JSON of every task, serialised once and kept, in chunks of <see cref="ChunkSize"/> consecutive rows.
/// The emulator warms every table at start (a million items: about 1.5 s on 2 cores and 290 MB); a chunk not yet
/// serialised is built on first use.
/// A chunk holds its items joined by commas, so a run of consecutive rows is one contiguous slice.</summary>
internal sealed class TaskItemCache(TaskTable table)
{
    public const int ChunkSize = 1024;
    [ThreadStatic] private static byte[]? t_scratch;
    private readonly Chunk?[] _chunks = new Chunk?[(table.Count + ChunkSize - 1) / ChunkSize];

    /// <summary>Items <c>first .. first+count-1</c> (all inside one chunk) joined by commas.</summary>
    public ReadOnlyMemory<byte> Run(int first, int count)
    {
        var chunk = GetChunk(first / ChunkSize);
        var a = first % ChunkSize;
        var start = chunk.Offsets[a];
        return chunk.Data.AsMemory(start, chunk.Offsets[a + count] - 1 - start);
    }

    public ReadOnlyMemory<byte> Item(int row) => Run(row, 1);

    /// <summary>Serialises every chunk now (in parallel), so that no page answer pays for it later.</summary>
    public void WarmUp() => Parallel.For(0, _chunks.Length, i => GetChunk(i));

    private Chunk GetChunk(int index)
    {
        var chunk = Volatile.Read(ref _chunks[index]);
        if (chunk is not null) return chunk;
        // Two threads may build the same chunk at once: both results are identical, one wins.
        chunk = Build(index);
        return Interlocked.CompareExchange(ref _chunks[index], chunk, null) ?? chunk;
    }

    private Chunk Build(int index)
    {
        var first = index * ChunkSize;
        var count = Math.Min(ChunkSize, table.Count - first);
        var writer = new Utf8Buffer(t_scratch ??= new byte[ChunkSize * 400]);
        var offsets = new int[count + 1];
        for (var k = 0; k < count; k++)
        {
            if (k > 0) writer.WriteByte((byte)',');
            offsets[k] = writer.Length;
            TaskItemSerializer.Write(table, first + k, ref writer);
        }
        offsets[count] = writer.Length + 1; // as if followed by a comma
        t_scratch = writer.Buffer;
        return new Chunk(writer.ToArray(), offsets);
    }

    private sealed record Chunk(byte[] Data, int[] Offsets);
}
