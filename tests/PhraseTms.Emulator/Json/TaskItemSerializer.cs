using System.Text.Encodings.Web;
using System.Text.Json;

namespace PhraseTms.Emulator;

/// <summary>Writes one connectorAsyncTasks item by hand (fast, no reflection). Every field is written; absent values
/// (jobUid of DOWNLOAD tasks, dateProcessed of unprocessed tasks, errorMessage of non-error tasks) are written as null,
/// as the real API does for this endpoint.</summary>
internal static class TaskItemSerializer
{
    private static readonly byte[][] Statuses = Quote(TaskCatalog.Statuses);
    private static readonly byte[][] TaskTypes = Quote(TaskCatalog.TaskTypes);
    private static readonly byte[][] ProcessingTypes = Quote(TaskCatalog.ProcessingTypes);
    private static readonly byte[][] Languages = Quote(TaskCatalog.Languages);
    private static readonly byte[][] Errors = Quote(TaskCatalog.AllErrorMessages);
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string[], byte[][]> FileNameCache = new();

    /// <summary>A JSON string literal (quotes included) as UTF-8; only what must be escaped is escaped.</summary>
    public static byte[] QuoteOne(string value)
    {
        var encoded = JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).EncodedUtf8Bytes;
        var result = new byte[encoded.Length + 2];
        result[0] = result[^1] = (byte)'"';
        encoded.CopyTo(result.AsSpan(1));
        return result;
    }

    private static byte[][] Quote(string[] values) => values.Select(QuoteOne).ToArray();

    public static void Write(TaskTable t, int i, ref Utf8Buffer b)
    {
        var files = FileNameCache.GetValue(t.FileNames, Quote);
        b.Write("{\"id\":\""u8);
        b.WriteNumber(t.Ids[i]);
        b.Write("\",\"jobUid\":"u8);
        if (t.TaskType[i] == TaskCatalog.Download) b.Write("null"u8);
        else
        {
            Span<char> uid = stackalloc char[22];
            t.WriteJobUid(i, uid);
            b.WriteByte((byte)'"');
            b.WriteAscii(uid);
            b.WriteByte((byte)'"');
        }
        b.Write(",\"status\":"u8);
        b.Write(Statuses[t.Status[i]]);
        b.Write(",\"taskType\":"u8);
        b.Write(TaskTypes[t.TaskType[i]]);
        b.Write(",\"taskProcessingType\":"u8);
        b.Write(ProcessingTypes[t.ProcessingType[i]]);
        b.Write(",\"jobFileName\":"u8);
        b.Write(files[t.File[i]]);
        b.Write(",\"targetLang\":"u8);
        b.Write(Languages[t.Lang[i]]);
        b.Write(",\"dateCreated\":"u8);
        ApiDates.WriteQuotedPlus0000(t.Created[i], ref b);
        b.Write(",\"dateProcessed\":"u8);
        if (t.Processed[i] == TaskTable.NoDate) b.Write("null"u8);
        else ApiDates.WriteQuotedPlus0000(t.Processed[i], ref b);
        b.Write(",\"errorMessage\":"u8);
        if (t.Error[i] == TaskTable.NoError) b.Write("null"u8);
        else b.Write(Errors[t.Error[i]]);
        b.WriteByte((byte)'}');
    }
}
