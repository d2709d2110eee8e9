using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace MissionOps.ServiceDefaults.Http;

/// <summary>
/// The service's own gRPC endpoint, called over loopback with the caller's token: a plain HTTP endpoint that serves what
/// an RPC answers (a file, a feed) is then refused, scoped and audited by exactly the RPC's rules, not by a copy of them.
/// </summary>
public sealed class OwnGrpc(IServer server) : IDisposable
{
    private readonly ConcurrentDictionary<Uri, GrpcChannel> _channels = new();

    /// <summary>The gRPC endpoint beside the one <paramref name="http"/> came in on: the service listens on exactly two.</summary>
    public CallInvoker InvokerFor(HttpContext http)
    {
        var addresses = server.Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Select(a => new Uri(a));
        var grpc = addresses.First(a => a.Port != http.Connection.LocalPort);
        var address = new UriBuilder(grpc) { Host = grpc.Host is "0.0.0.0" or "[::]" or "+" or "*" ? "localhost" : grpc.Host }.Uri;
        return _channels.GetOrAdd(address, a => GrpcChannel.ForAddress(a, new GrpcChannelOptions { MaxReceiveMessageSize = null }))
            .CreateCallInvoker();
    }

    /// <summary>The call as the caller made the request: its token (or <paramref name="token"/>), its language, its agent.</summary>
    public static CallOptions OptionsFor(HttpContext http, string? token = null)
    {
        var headers = new Metadata();
        var authorization = token is null ? http.Request.Headers.Authorization.ToString() : $"Bearer {token}";
        if (authorization.Length > 0)
        {
            headers.Add("authorization", authorization);
        }

        foreach (var name in new[] { "accept-language", "user-agent" })
        {
            if (http.Request.Headers[name].ToString() is { Length: > 0 } value)
            {
                headers.Add(name, value);
            }
        }

        return new CallOptions(headers, cancellationToken: http.RequestAborted);
    }

    public static Marshaller<T> Marshaller<T>() where T : Google.Protobuf.IMessage<T>, new() =>
        Marshallers.Create(m => Google.Protobuf.MessageExtensions.ToByteArray(m), bytes => new Google.Protobuf.MessageParser<T>(() => new T()).ParseFrom(bytes));

    public void Dispose()
    {
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }
    }
}
