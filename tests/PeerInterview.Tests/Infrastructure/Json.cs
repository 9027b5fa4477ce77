using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace PeerInterview.Tests.Infrastructure;

public static class Json
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} returned {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await ReadAsync(response);
    }

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body) =>
        client.PutAsJsonAsync(url, body);

    /// <summary>POST /api/v1/imports with the multipart field "file".</summary>
    public static Task<HttpResponseMessage> ImportAsync(this HttpClient client, byte[] content, string fileName, bool dryRun)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", fileName);
        return client.PostAsync($"/api/v1/imports?dryRun={(dryRun ? "true" : "false")}", form);
    }

    public static Task<HttpResponseMessage> ImportAsync(this HttpClient client, string content, string fileName, bool dryRun) =>
        client.ImportAsync(Encoding.UTF8.GetBytes(content), fileName, dryRun);
}
