using static PhraseTms.Emulator.TaskCatalog;

namespace PhraseTms.Emulator;

/// <summary>benchProject01: <c>count</c> tasks created within the last hour, generated straight into API order
/// (row i: id 500000000 + count - i, dateCreated now - 1 s - i * 3540 s / count), in a few hundred milliseconds.</summary>
internal static class BenchData
{
    public const long IdBase = 500000000;

    public static TaskTable Create(EmulatorProject project, int seed, DateTimeOffset now, int count)
    {
        var table = new TaskTable(project, seed, count, FileNames);
        var newest = EmulatorClock.TruncateToSecond(now).UtcTicks - TimeSpan.TicksPerSecond;
        var salt = (ulong)seed * 0x9E3779B97F4A7C15UL ^ 0xBE7C4;
        for (var i = 0; i < count; i++)
        {
            var h = SplitMix.Mix(salt + (ulong)i);
            var created = newest - i * 3540L / count * TimeSpan.TicksPerSecond;
            var r = (int)(h % 100);
            h /= 100;
            var status = r < 80 ? Success : r < 88 ? New : r < 95 ? Error : ConverterError;
            var type = (byte)(h % 4);
            h /= 4;
            var processingType = (byte)(h % (ulong)ProcessingTypes.Length);
            h /= (ulong)ProcessingTypes.Length;
            var lang = (byte)(h % (ulong)Languages.Length);
            h /= (ulong)Languages.Length;
            var file = (ushort)(h % (ulong)FileNames.Length);
            h /= (ulong)FileNames.Length;
            var processed = status == New ? TaskTable.NoDate : created + (long)(2 + h % 60) * TimeSpan.TicksPerSecond;
            short error = status == Error ? (short)(h % (ulong)ErrorMessages.Length)
                : status == ConverterError ? (short)(ErrorMessages.Length + (int)(h % (ulong)ConverterErrorMessages.Length))
                : TaskTable.NoError;
            table.Set(i, IdBase + count - i, status, type, processingType, lang, file, created, Math.Min(processed, newest), error);
        }
        return table;
    }
}
