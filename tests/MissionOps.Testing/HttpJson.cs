using System.Net;
using Google.Protobuf;
using Xunit;

namespace MissionOps.Testing;

/// <summary>Reading a service over plain HTTP/JSON as a partner without gRPC does.</summary>
public static class HttpJson
{
    /// <summary>GETs <paramref name="path"/>, asserts 200 OK and JSON, and parses the answer as the contract's message.</summary>
    public static async Task<T> GetMessageAsync<T>(this HttpClient http, string path)
        where T : IMessage<T>, new()
    {
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonParser.Default.Parse<T>(body);
    }
}
