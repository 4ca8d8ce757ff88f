using System.Buffers.Text;

namespace PhraseTms.Emulator;

/// <summary>A minimal growable UTF-8 byte buffer for hand-written JSON.</summary>
internal struct Utf8Buffer
{
    private byte[] _data;

    public Utf8Buffer(int capacity) => _data = new byte[Math.Max(capacity, 64)];

    /// <summary>Writes into <paramref name="scratch"/> (replaced by a larger array if it fills up: see <see cref="Buffer"/>).</summary>
    public Utf8Buffer(byte[] scratch) => _data = scratch;

    /// <summary>The array written into (it may have been replaced by a larger one).</summary>
    public readonly byte[] Buffer => _data;

    public int Length { get; private set; }

    public ReadOnlySpan<byte> WrittenSpan => _data.AsSpan(0, Length);

    public byte[] ToArray() => _data.AsSpan(0, Length).ToArray();

    public void WriteByte(byte b)
    {
        Ensure(1);
        _data[Length++] = b;
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_data.AsSpan(Length));
        Length += bytes.Length;
    }

    public void WriteAscii(ReadOnlySpan<char> chars)
    {
        Ensure(chars.Length);
        var span = _data.AsSpan(Length);
        for (var i = 0; i < chars.Length; i++) span[i] = (byte)chars[i];
        Length += chars.Length;
    }

    public void WriteNumber(long value)
    {
        Ensure(20);
        Utf8Formatter.TryFormat(value, _data.AsSpan(Length), out var written);
        Length += written;
    }

    public Span<byte> GetSpan(int size)
    {
        Ensure(size);
        return _data.AsSpan(Length, size);
    }

    public void Advance(int count) => Length += count;

    private void Ensure(int more)
    {
        if (Length + more <= _data.Length) return;
        Array.Resize(ref _data, Math.Max(_data.Length * 2, Length + more));
    }
}
