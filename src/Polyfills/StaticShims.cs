// Static members that .NET 8 has and netstandard2.0 lacks, added with C# 14 static extension members so that the
// business code calls them exactly as on .NET 8 (ArgumentNullException.ThrowIfNull(x), Random.Shared …).

using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;

namespace System
{
    internal static class StaticShims
    {
        extension(ArgumentNullException)
        {
            public static void ThrowIfNull(object? argument,
                [CallerArgumentExpression(nameof(argument))] string? paramName = null)
            {
                if (argument is null) throw new ArgumentNullException(paramName);
            }
        }

        extension(Enum)
        {
            public static bool IsDefined<TEnum>(TEnum value) where TEnum : struct, Enum => Enum.IsDefined(typeof(TEnum), value);

            public static string[] GetNames<TEnum>() where TEnum : struct, Enum => Enum.GetNames(typeof(TEnum));

            /// <summary>Like .NET 8: false (never an exception) for null, blank or unknown text.</summary>
            public static bool TryParse(Type enumType, string? value, bool ignoreCase, out object? result)
            {
                result = null;
                if (string.IsNullOrWhiteSpace(value)) return false;
                try
                {
                    result = Enum.Parse(enumType, value, ignoreCase);
                    return true;
                }
                catch (ArgumentException) { return false; }
                catch (OverflowException) { return false; }
            }
        }

        extension(char)
        {
            public static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';
        }

        extension(Random)
        {
            /// <summary>A thread-safe shared instance, as on .NET 8.</summary>
            public static Random Shared => SharedRandom.Instance;
        }

        extension(string)
        {
            public static string Join(char separator, IEnumerable<string?> values) => string.Join(separator.ToString(), values);

            public static string Join(char separator, params string?[] values) => string.Join(separator.ToString(), values);

            public static string Concat(ReadOnlySpan<char> first, ReadOnlySpan<char> second, ReadOnlySpan<char> third) =>
                new StringBuilder(first.Length + second.Length + third.Length)
                    .Append(first.ToString()).Append(second.ToString()).Append(third.ToString()).ToString();
        }

        private sealed class SharedRandom : Random
        {
            public static readonly SharedRandom Instance = new();
            private readonly object _gate = new();

            public override int Next() { lock (_gate) return base.Next(); }
            public override int Next(int maxValue) { lock (_gate) return base.Next(maxValue); }
            public override int Next(int minValue, int maxValue) { lock (_gate) return base.Next(minValue, maxValue); }
            public override double NextDouble() { lock (_gate) return base.NextDouble(); }
            public override void NextBytes(byte[] buffer) { lock (_gate) base.NextBytes(buffer); }
        }
    }
}

namespace System.Net.Http
{
    internal static class HttpShims
    {
        private static readonly HttpMethod PatchMethod = new("PATCH");

        extension(HttpMethod)
        {
            public static HttpMethod Patch => PatchMethod;
        }
    }
}

namespace System.Threading.Tasks
{
    internal static class TaskShims
    {
        extension(Task)
        {
            /// <summary>Task.Delay driven by a <see cref="TimeProvider"/> (Microsoft.Bcl.TimeProvider's extension).</summary>
            public static Task Delay(TimeSpan delay, TimeProvider timeProvider, CancellationToken cancellationToken) =>
                timeProvider.Delay(delay, cancellationToken);
        }

        extension(ValueTask)
        {
            public static ValueTask<TResult> FromResult<TResult>(TResult result) => new(result);
        }
    }
}

namespace System.IO
{
    internal static class FileShims
    {
        extension(File)
        {
            /// <summary>File.Move(source, destination, overwrite) (netstandard2.0 has only the two-argument form).</summary>
            public static void Move(string sourceFileName, string destFileName, bool overwrite)
            {
                if (overwrite && File.Exists(destFileName)) File.Delete(destFileName);
                File.Move(sourceFileName, destFileName);
            }
        }
    }
}
