namespace PhraseTms.Emulator;

/// <summary>A tiny, fast, deterministic pseudo-random generator (SplitMix64). Same seed, same sequence, on every runtime.</summary>
internal struct SplitMix
{
    private ulong _state;

    public SplitMix(long seed, ulong salt) => _state = (ulong)seed * 0x9E3779B97F4A7C15UL ^ salt;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        return Mix(z);
    }

    /// <summary>0 &lt;= result &lt; max.</summary>
    public int Next(int max) => (int)(Next() % (ulong)max);

    public long NextLong(long max) => (long)(Next() % (ulong)max);

    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>A uid-like string (letters and digits) derived from a seed and a number.</summary>
    public static string Uid(long seed, long number, int length = 22)
    {
        Span<char> chars = stackalloc char[length];
        WriteUid(seed, number, chars);
        return new string(chars);
    }

    public static void WriteUid(long seed, long number, Span<char> destination)
    {
        var root = Mix((ulong)seed * 0x9E3779B97F4A7C15UL ^ (ulong)number * 0xD1B54A32D192ED03UL);
        var h = root;
        for (var i = 0; i < destination.Length; i++)
        {
            if (i % 10 == 0) h = Mix(root + (ulong)i * 0x9E3779B97F4A7C15UL); // 10 base-62 digits use ~60 bits
            destination[i] = Alphabet[(int)(h % 62)];
            h /= 62;
        }
    }
}
