using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using PhraseTms.Emulator;

namespace PhraseTms.Tests.Emulator;

/// <summary>A plain HttpClient against an emulator, authenticated with the demo API token; answers as JSON nodes.</summary>
internal sealed class EmulatorApi : IDisposable
{
    private readonly HttpClient _http;

    public EmulatorApi(PhraseTmsEmulator emulator, bool authenticated = true, string token = PhraseTmsEmulator.DemoApiToken)
    {
        _http = new HttpClient { BaseAddress = new Uri(emulator.BaseUri + "/") };
        if (authenticated) _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiToken", token);
    }

    public sealed record Answer(HttpStatusCode Status, string Text)
    {
        public JsonNode Json => JsonNode.Parse(Text)!;
        public JsonObject Object => Json.AsObject();
    }

    public async Task<Answer> SendAsync(HttpMethod method, string path, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _http.SendAsync(request);
        return new Answer(response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public Task<Answer> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<Answer> PostAsync(string path, string body) => SendAsync(HttpMethod.Post, path, body);

    public Task<Answer> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);

    /// <summary>GET that must answer 200 with a JSON object.</summary>
    public async Task<JsonObject> GetOkAsync(string path)
    {
        var answer = await GetAsync(path);
        Assert.True(answer.Status == HttpStatusCode.OK, $"GET {path}: {(int)answer.Status} {answer.Text}");
        return answer.Object;
    }

    /// <summary>Every item of a paged list, page by page (pageSize as given, default 50).</summary>
    public async Task<List<JsonObject>> AllAsync(string path, int pageSize = 50)
    {
        var items = new List<JsonObject>();
        var separator = path.Contains('?') ? '&' : '?';
        for (var page = 0; ; page++)
        {
            var body = await GetOkAsync($"{path}{separator}pageNumber={page}&pageSize={pageSize}");
            items.AddRange(body["content"]!.AsArray().Select(n => n!.AsObject()));
            if (page + 1 >= (int)body["totalPages"]!) return items;
        }
    }

    /// <summary>Asserts a Phrase error body with this status and errorCode; returns the description.</summary>
    public static string AssertError(Answer answer, HttpStatusCode status, string errorCode)
    {
        Assert.True(answer.Status == status, $"expected {(int)status}, got {(int)answer.Status} {answer.Text}");
        var body = answer.Object;
        Assert.Equal(errorCode, (string?)body["errorCode"]);
        return (string)body["errorDescription"]!;
    }

    public static List<string> Uids(IEnumerable<JsonObject> items, string field = "uid") => items.Select(i => (string)i[field]!).ToList();

    public void Dispose() => _http.Dispose();
}
