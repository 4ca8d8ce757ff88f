// Instance methods that .NET 8 has and netstandard2.0 lacks, as ordinary extension methods of the same shape
// (on .NET 8 the instance method wins; these files are not even compiled there).

using System.Collections.Generic;
using System.Text;

namespace System
{
    internal static class InstanceShims
    {
        /// <summary>foreach (var (key, value) in dictionary)</summary>
        public static void Deconstruct<TKey, TValue>(this KeyValuePair<TKey, TValue> pair, out TKey key, out TValue value)
        {
            key = pair.Key;
            value = pair.Value;
        }

        public static bool EndsWith(this string text, char value) => text.Length > 0 && text[text.Length - 1] == value;

        public static bool StartsWith(this string text, char value) => text.Length > 0 && text[0] == value;

        public static bool Contains(this string text, string value, StringComparison comparison) => text.IndexOf(value, comparison) >= 0;

        public static bool Contains(this string text, char value) => text.IndexOf(value) >= 0;

        public static string GetString(this Encoding encoding, ReadOnlySpan<byte> bytes) => encoding.GetString(bytes.ToArray());

        public static bool TryDequeue<T>(this Queue<T> queue, out T result)
        {
            if (queue.Count == 0) { result = default!; return false; }
            result = queue.Dequeue();
            return true;
        }

        /// <summary>netstandard2.0 cannot cancel the start of the read; the read itself honours the token.</summary>
        public static System.Threading.Tasks.Task<System.IO.Stream> ReadAsStreamAsync(this System.Net.Http.HttpContent content,
            System.Threading.CancellationToken ct) => content.ReadAsStreamAsync();
    }
}
