using System.Buffers;
using System.Text;

namespace PhraseTms.Emulator;

/// <summary>Writes one page of connector tasks straight to the response: a prefix, the cached item bytes joined by
/// commas, and a suffix, with an exact Content-Length. Field order follows the documentation page.</summary>
internal static class ConnectorTaskPageWriter
{
    private static readonly byte[] Prefix = "{\"content\":["u8.ToArray();
    private const int FlushEvery = 64 * 1024;

    public static async Task WriteAsync(HttpContext context, TaskTable table, ConnectorTaskQuery query)
    {
        var rows = table.Filters.Rows(query.Filter);
        long fromTicks = query.CreatedFrom.UtcTicks, toTicks = query.CreatedTo.UtcTicks;
        int lo, hi;
        if (rows is null)
        {
            lo = table.FirstCreatedBefore(toTicks);
            hi = table.FirstCreatedBefore(fromTicks);
        }
        else
        {
            lo = table.FirstCreatedBefore(rows, toTicks);
            hi = table.FirstCreatedBefore(rows, fromTicks);
        }
        var total = Math.Max(0, hi - lo);
        var start = lo + (long)query.PageNumber * query.PageSize;
        var count = start >= hi ? 0 : (int)Math.Min(query.PageSize, hi - start);

        var segments = new List<ReadOnlyMemory<byte>>();
        int errors = 0, successes = 0;
        if (count > 0)
        {
            var first = (int)start;
            if (rows is null)
            {
                for (var row = first; row < first + count;)
                {
                    var run = Math.Min(first + count - row, TaskItemCache.ChunkSize - row % TaskItemCache.ChunkSize);
                    segments.Add(table.Items.Run(row, run));
                    for (var k = row; k < row + run; k++) Count(table.Status[k], ref errors, ref successes);
                    row += run;
                }
            }
            else
            {
                for (var k = first; k < first + count; k++)
                {
                    segments.Add(table.Items.Item(rows[k]));
                    Count(table.Status[rows[k]], ref errors, ref successes);
                }
            }
        }

        var totalPages = (total + query.PageSize - 1) / query.PageSize;
        var suffix = Encoding.UTF8.GetBytes(
            $"],\"errorCount\":{errors},\"numberOfElements\":{count},\"pageNumber\":{query.PageNumber},\"pageSize\":{query.PageSize}," +
            $"\"projectName\":{Quoted(table.Project.Name)},\"projectUid\":{Quoted(table.Project.Uid)}," +
            "\"sort\":{\"orders\":[{\"property\":\"dateCreated\",\"direction\":\"DESC\"}]}," +
            $"\"successCount\":{successes},\"totalElements\":{total},\"totalPages\":{totalPages}}}");

        long length = Prefix.Length + suffix.Length + Math.Max(0, segments.Count - 1);
        foreach (var s in segments) length += s.Length;

        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = ApiResponses.Json;
        response.ContentLength = length;
        var writer = response.BodyWriter;
        writer.Write(Prefix);
        var pending = Prefix.Length;
        for (var i = 0; i < segments.Count; i++)
        {
            if (i > 0) writer.Write(","u8);
            writer.Write(segments[i].Span);
            pending += segments[i].Length + 1;
            if (pending >= FlushEvery)
            {
                await writer.FlushAsync(context.RequestAborted);
                pending = 0;
            }
        }
        writer.Write(suffix);
        await writer.FlushAsync(context.RequestAborted);
    }

    private static void Count(byte status, ref int errors, ref int successes)
    {
        if (TaskCatalog.IsErrorStatus(status)) errors++;
        else if (status == TaskCatalog.Success) successes++;
    }

    private static string Quoted(string value) => Encoding.UTF8.GetString(TaskItemSerializer.QuoteOne(value));
}
