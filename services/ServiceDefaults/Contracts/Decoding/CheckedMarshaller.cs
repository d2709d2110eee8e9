using System.Buffers;
using Google.Protobuf;
using Grpc.Core;
using MissionOps.ServiceDefaults.Errors;

namespace MissionOps.ServiceDefaults.Contracts.Decoding;

/// <summary>
/// A request marshaller that answers bytes Google.Protobuf cannot read (text that is not UTF-8, a
/// truncated message) with INVALID_ARGUMENT naming the field, where gRPC would answer UNKNOWN: the
/// message is read before any interceptor runs, so only its marshaller can tell the caller why.
/// </summary>
public static class CheckedMarshaller
{
    public static Marshaller<T> For<T>(Marshaller<T> inner) where T : class
    {
        var type = typeof(IMessage).IsAssignableFrom(typeof(T)) ? ((IMessage)Activator.CreateInstance(typeof(T))!).Descriptor : null;
        return type is null ? inner : new Marshaller<T>(inner.ContextualSerializer, context =>
        {
            try
            {
                return inner.ContextualDeserializer(context);
            }
            catch (Exception exception) when (exception is InvalidProtocolBufferException or ArgumentException)
            {
                var field = WireText.FindInvalidUtf8(type, context.PayloadAsReadOnlySequence().ToArray());
                throw RpcErrors.From(field is null
                    ? new InvalidArgumentException("request", $"is not a readable {type.FullName} message")
                    : new InvalidArgumentException(field, "is not UTF-8 text: it holds an unpaired surrogate or bytes that encode no character"))!;
            }
        });
    }
}
