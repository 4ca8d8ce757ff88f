using System.Diagnostics;

namespace PhraseTms.Emulator;

/// <summary>The emulator's notion of "now": starts at the anchor and advances in real time.</summary>
internal sealed class EmulatorClock
{
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();

    public EmulatorClock(DateTimeOffset anchor) => Anchor = anchor;

    /// <summary>The anchor of seeded dates (UTC, whole seconds).</summary>
    public DateTimeOffset Anchor { get; }

    public DateTimeOffset UtcNow => Anchor + _elapsed.Elapsed;

    public static DateTimeOffset TruncateToSecond(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }
}
