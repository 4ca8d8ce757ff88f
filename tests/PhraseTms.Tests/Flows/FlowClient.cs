using System.Collections.Specialized;
using System.Text;
using Newtonsoft.Json.Linq;
using PhraseTms.Client;
using PhraseTms.Client.AsyncRequests;
using PhraseTms.Client.Http;
using PhraseTms.Client.Raw;
using PhraseTms.Client.Transfers;

namespace PhraseTms.Tests.Flows;

/// <summary>The steps of the admin's flows, driven through the client library (raw requests, the transfer layer, the one
/// waiter) as the recipes drive them through the module.</summary>
internal static class FlowClient
{
    /// <summary>Polls without pausing long: the emulator finishes a request after a number of polls, not of seconds.</summary>
    public static readonly WaitOptions FastWait = new() { InitialInterval = TimeSpan.FromMilliseconds(5), MaxInterval = TimeSpan.FromMilliseconds(5), Growth = 1 };

    public static readonly TargetFileOptions FastTargetFile = new() { Wait = FastWait };

    /// <summary>A raw request; a query written into <paramref name="path"/> (<c>?a=1&amp;b=2</c>) is passed as the query table.</summary>
    public static async Task<JToken> SendAsync(PhraseTmsClient client, string method, string path, object? body = null)
    {
        OrderedDictionary? query = null;
        if (path.IndexOf('?') is var q and >= 0)
        {
            query = [];
            foreach (var pair in path[(q + 1)..].Split('&'))
                query[Uri.UnescapeDataString(pair[..pair.IndexOf('=')])] = Uri.UnescapeDataString(pair[(pair.IndexOf('=') + 1)..]);
            path = path[..q];
        }
        var response = await client.Raw.SendAsync(RawRequest.Create(method, path, query, body), default);
        return RawApi.ReadJson(response) ?? JValue.CreateNull();
    }

    /// <summary>POST /api2/v2/projects/applyTemplate/{templateUid}: the new project's uid.</summary>
    public static async Task<JObject> CreateFromTemplateAsync(PhraseTmsClient client, string templateUid, string name) =>
        (JObject)await SendAsync(client, "POST", $"/api2/v2/projects/applyTemplate/{templateUid}", new { name });

    /// <summary>POST /api2/v1/projects/{projectUid}/jobs with <paramref name="bytes"/> as an octet-stream body.</summary>
    public static Task<JObject> UploadJobAsync(PhraseTmsClient client, string projectUid, string fileName, byte[] bytes, string[] targetLangs,
        string? path = null, string? due = null, CancellationToken ct = default) =>
        client.Transfers.UploadAsync<JObject>(new ApiCall(HttpMethod.Post, $"api2/v1/projects/{projectUid}/jobs"),
            new OctetStreamUpload(UploadFile.FromStream(() => new MemoryStream(bytes), fileName, bytes.Length))
            {
                Memsource = new { targetLangs, path, due },
            }, null, ct);

    public static Task<AsyncRequest> WaitAsync(PhraseTmsClient client, JToken asyncRequest) =>
        WaitAsync(client, (string)asyncRequest["id"]!);

    public static async Task<AsyncRequest> WaitAsync(PhraseTmsClient client, string asyncRequestId) =>
        (await client.AsyncRequests.Waiter.WaitAsync(asyncRequestId, FastWait, null, default)).EnsureSucceeded();

    /// <summary>A project from the template, one uploaded file in it (jobs per target language), the import waited for.</summary>
    public static async Task<(string ProjectUid, JObject Jobs)> LaunchAsync(PhraseTmsClient client, string fileName, byte[] bytes, string[] langs)
    {
        var project = await CreateFromTemplateAsync(client, global::PhraseTms.Emulator.SeedIds.TemplateWebsite, "Launch " + fileName);
        var uid = (string)project["uid"]!;
        var jobs = await UploadJobAsync(client, uid, fileName, bytes, langs, path: "site/en");
        await WaitAsync(client, jobs["asyncRequest"]!);
        return (uid, jobs);
    }

    public static Task SetStatusAsync(PhraseTmsClient client, string projectUid, string jobUid, string status) =>
        SendAsync(client, "POST", $"/api2/v1/projects/{projectUid}/jobs/{jobUid}/setStatus", new { requestedStatus = status });

    /// <summary>Deterministic text of about <paramref name="bytes"/> bytes (ends with a line feed).</summary>
    public static byte[] Text(string title, int bytes)
    {
        var sb = new StringBuilder().Append(title).Append('\n');
        for (var i = 1; sb.Length < bytes; i++) sb.Append("Line ").Append(i).Append(": Übersetzung – 東京 and more words.\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>A TMX document with <paramref name="units"/> translation units en → de.</summary>
    public static string Tmx(int units, string prefix = "Imported") =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header srclang=\"en\"/><body>\n" +
        string.Concat(Enumerable.Range(1, units).Select(i =>
            $"<tu tuid=\"{prefix}-{i}\"><tuv xml:lang=\"en\"><seg>{prefix} {i}</seg></tuv><tuv xml:lang=\"de\"><seg>{prefix} {i} (de)</seg></tuv></tu>\n")) +
        "</body></tmx>\n";
}
