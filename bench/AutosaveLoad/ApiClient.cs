using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AutosaveLoad;

/// <summary>An HTTP status (0 when the request failed without one) and how long the request took, body included.</summary>
internal readonly record struct Sample(int Status, double Milliseconds)
{
    public bool IsError => Status is < 200 or > 299;
}

/// <summary>A response read in full: status, parsed JSON body (null when empty or not JSON) and the raw text.</summary>
internal sealed record ApiResponse(int Status, JsonNode? Body, string Text, double Milliseconds)
{
    public bool IsSuccess => Status is >= 200 and <= 299;
}

/// <summary>
/// One caller of the PeerInterview API with its own bearer token. Every caller shares one connection pool, like wrk's
/// connections: each concurrent caller holds one keep-alive connection.
/// </summary>
internal sealed class ApiClient(HttpClient http, string? token)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
    private static readonly MediaTypeHeaderValue JsonType = new("application/json") { CharSet = "utf-8" };

    public static async Task<ApiClient> SignInAsync(HttpClient http, string email, string password, CancellationToken ct)
    {
        var response = await new ApiClient(http, null).SendAsync(HttpMethod.Post, "/api/v1/auth/login", new { email, password }, ct);
        if (!response.IsSuccess || response.Body?["accessToken"]?.GetValue<string>() is not { } accessToken)
        {
            throw new InvalidOperationException($"Signing in as {email} answered {response.Status}: {response.Text}");
        }

        return new ApiClient(http, accessToken);
    }

    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, JsonOptions));
            request.Content.Headers.ContentType = JsonType;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            return new ApiResponse((int)response.StatusCode, Parse(text), text, elapsed);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            return new ApiResponse(0, null, e.Message, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    /// <summary>Sends and insists on a 2xx answer with a JSON body; setup and verification use this.</summary>
    public async Task<JsonNode> RequireAsync(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        var response = await SendAsync(method, path, body, ct);
        if (!response.IsSuccess || response.Body is null)
        {
            throw new InvalidOperationException($"{method} {path} answered {response.Status}: {Shorten(response.Text)}");
        }

        return response.Body;
    }

    public Task<JsonNode> GetAsync(string path, CancellationToken ct) => RequireAsync(HttpMethod.Get, path, null, ct);

    public Task<JsonNode> PostAsync(string path, object body, CancellationToken ct) => RequireAsync(HttpMethod.Post, path, body, ct);

    private static JsonNode? Parse(string text)
    {
        if (text.Length == 0 || (text[0] != '{' && text[0] != '['))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Shorten(string text) => text.Length <= 600 ? text : string.Concat(text.AsSpan(0, 600), "…");

    public static string Describe(ApiResponse response) => $"{response.Status} {Shorten(response.Text)}";
}
