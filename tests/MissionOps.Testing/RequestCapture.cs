using System.Net;
using System.Net.Http.Headers;

namespace MissionOps.Testing;

/// <summary>
/// Lets a test take the request a client is about to send instead of sending it: while armed, the
/// next call's framed messages are kept (every message of a client stream) and the call is answered
/// with CANCELLED, so nothing reaches the service. Unarmed, calls pass through.
/// </summary>
public sealed class RequestCapture(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private TaskCompletionSource<CapturedCall>? _next;

    /// <summary>Arms the capture, runs <paramref name="send"/>, and answers with what it would have sent.</summary>
    public async Task<CapturedCall> CaptureAsync(Func<Task> send)
    {
        var next = new TaskCompletionSource<CapturedCall>(TaskCreationOptions.RunContinuationsAsynchronously);
        _next = next;
        try
        {
            await send();
        }
        catch (Grpc.Core.RpcException e) when (e.StatusCode == Grpc.Core.StatusCode.Cancelled)
        {
        }
        finally
        {
            _next = null;
        }

        return next.Task.IsCompleted ? await next.Task : throw new InvalidOperationException("The change sent no call");
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _next, null) is not { } next)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        next.SetResult(new CapturedCall(request.RequestUri!.AbsolutePath, Frames(body)));
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Version = HttpVersion.Version20, Content = new ByteArrayContent([]) };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        response.Headers.Add("grpc-status", ((int)Grpc.Core.StatusCode.Cancelled).ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Headers.Add("grpc-message", "captured, not sent");
        return response;
    }

    /// <summary>The messages of a gRPC body: each a compression flag, a big-endian length and the bytes.</summary>
    private static List<byte[]> Frames(byte[] body)
    {
        var frames = new List<byte[]>();
        for (var at = 0; at + 5 <= body.Length;)
        {
            var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(body.AsSpan(at + 1, 4));
            frames.Add(body.AsSpan(at + 5, length).ToArray());
            at += 5 + length;
        }

        return frames;
    }
}

/// <summary>A call taken by <see cref="RequestCapture"/>: its path (<c>/package.Service/Method</c>) and its messages as sent.</summary>
public sealed record CapturedCall(string Path, IReadOnlyList<byte[]> Messages);
