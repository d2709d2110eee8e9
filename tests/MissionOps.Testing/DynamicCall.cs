using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace MissionOps.Testing;

/// <summary>Calls any RPC by its descriptor with a message built by reflection, and answers with the status it ended on.</summary>
internal static class DynamicCall
{
    public const string Mission = "minusma";

    public static async Task<StatusCode> CallAsync(CallInvoker invoker, MethodDescriptor method, IMessage request) =>
        (await OutcomeAsync(invoker, method, [request])).Code;

    /// <summary>
    /// Sends the messages (one for a unary or server-streaming call, each in turn on a client stream) and answers
    /// with the status the call ended on and, when it failed, its error.
    /// </summary>
    public static async Task<(StatusCode Code, RpcException? Error)> OutcomeAsync(CallInvoker invoker, MethodDescriptor method,
        IReadOnlyList<IMessage> messages)
    {
        var marshaller = Marshallers.Create<IMessage>(m => m.ToByteArray(), bytes => method.OutputType.Parser.ParseFrom(bytes));
        var requestMarshaller = Marshallers.Create<IMessage>(BadInputCorpus.ToWire, bytes => method.InputType.Parser.ParseFrom(bytes));
        var type = method.IsClientStreaming ? MethodType.ClientStreaming : method.IsServerStreaming ? MethodType.ServerStreaming : MethodType.Unary;
        var call = new Method<IMessage, IMessage>(type, method.Service.FullName, method.Name, requestMarshaller, marshaller);
        // An allowed stream stays open: its deadline ends it; a refusal comes at once.
        var options = new CallOptions(deadline: DateTime.UtcNow.AddSeconds(type == MethodType.ServerStreaming ? 0.5 : 5));
        try
        {
            switch (type)
            {
                case MethodType.Unary:
                    await invoker.AsyncUnaryCall(call, null, options, messages.Single());
                    break;
                case MethodType.ServerStreaming:
                    using (var stream = invoker.AsyncServerStreamingCall(call, null, options, messages.Single()))
                    {
                        await stream.ResponseStream.MoveNext(CancellationToken.None);
                    }

                    break;
                default:
                    using (var stream = invoker.AsyncClientStreamingCall(call, null, options))
                    {
                        try
                        {
                            foreach (var message in messages)
                            {
                                await stream.RequestStream.WriteAsync(message);
                            }

                            await stream.RequestStream.CompleteAsync();
                        }
                        catch (Exception e) when (e is RpcException or InvalidOperationException)
                        {
                            // The service answered before the stream was sent whole (a bad header refuses at once): its answer is the response's.
                        }

                        await stream.ResponseAsync;
                    }

                    break;
            }

            return (StatusCode.OK, null);
        }
        catch (RpcException e)
        {
            return (e.StatusCode, e);
        }
    }

    /// <summary>
    /// An otherwise empty request that names the mission where the service looks for it (its parent, name or mission);
    /// for a client stream, its first message.
    /// </summary>
    public static IMessage RequestFor(MessageDescriptor type)
    {
        var request = NewMessage(type);
        NameMission(request);
        return request;
    }

    public static bool NamesMission(MessageDescriptor type) => NameMission(NewMessage(type));

    /// <summary>Whether the request carries a <c>request_id</c>: on itself, or on a message it carries (the header a client stream starts with).</summary>
    public static bool HasRequestId(MessageDescriptor type) => RequestIdPath(type) is not null;

    /// <summary>Sets the request's <c>request_id</c>, wherever <see cref="HasRequestId"/> found it.</summary>
    public static void SetRequestId(IMessage request, string requestId)
    {
        var path = RequestIdPath(request.Descriptor) ?? throw new ArgumentException($"{request.Descriptor.Name} has no request_id", nameof(request));
        var message = request;
        foreach (var field in path.SkipLast(1))
        {
            var nested = (IMessage?)field.Accessor.GetValue(message) ?? NewMessage(field.MessageType);
            field.Accessor.SetValue(message, nested);
            message = nested;
        }

        path[^1].Accessor.SetValue(message, requestId);
    }

    private static FieldDescriptor[]? RequestIdPath(MessageDescriptor type) =>
        RequestIdOf(type) is { } own
            ? [own]
            : NestedMessages(type).Select(field => RequestIdOf(field.MessageType) is { } nested ? new[] { field, nested } : null)
                .FirstOrDefault(path => path is not null);

    private static FieldDescriptor? RequestIdOf(MessageDescriptor type) =>
        type.FindFieldByName("request_id") is { FieldType: FieldType.String, IsRepeated: false } field ? field : null;

    private static IMessage NewMessage(MessageDescriptor type) => (IMessage)Activator.CreateInstance(type.ClrType)!;

    private static IEnumerable<FieldDescriptor> NestedMessages(MessageDescriptor type) => type.Fields.InFieldNumberOrder().Where(IsNestedMessage);

    private static bool IsNestedMessage(FieldDescriptor field) =>
        field is { FieldType: FieldType.Message, IsRepeated: false, IsMap: false }
        && field.MessageType.ClrType is { } clr && !clr.Namespace!.StartsWith("Google", StringComparison.Ordinal);

    private static bool NameMission(IMessage message)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.IsRepeated || field.IsMap)
            {
                continue;
            }

            if (field.FieldType == FieldType.String && field.Name is "parent" or "name" or "mission" or "site")
            {
                field.Accessor.SetValue(message, $"missions/{Mission}");
                return true;
            }

            if (field.FieldType == FieldType.String && field.Name == "mission_id")
            {
                field.Accessor.SetValue(message, Mission);
                return true;
            }

            if (IsNestedMessage(field))
            {
                var nested = NewMessage(field.MessageType);
                if (NameMission(nested))
                {
                    field.Accessor.SetValue(message, nested);
                    return true;
                }
            }
        }

        return false;
    }
}
