using System.Reflection;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MissionOps.ServiceDefaults.Contracts.Decoding;

/// <summary>
/// Binds every gRPC service's methods as grpc-dotnet does (the generated <c>BindService</c>, the
/// implementation's overrides, their attributes as endpoint metadata), but with each request read
/// through a <see cref="CheckedMarshaller"/>. It takes the place of grpc-dotnet's own binder.
/// </summary>
public sealed class CheckedServiceMethodProvider<TService> : IServiceMethodProvider<TService> where TService : class
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        for (var type = typeof(TService); type is not null; type = type.BaseType)
        {
            if (type.GetCustomAttribute<BindServiceMethodAttribute>(inherit: false) is { } bind)
            {
                var bindService = bind.BindType.GetMethod(bind.BindMethodName, BindingFlags.Public | BindingFlags.Static, [typeof(ServiceBinderBase), type])
                    ?? throw new InvalidOperationException($"{bind.BindType} has no {bind.BindMethodName}({nameof(ServiceBinderBase)}, {type}).");
                bindService.Invoke(null, [new Binder(context), null]);
                return;
            }
        }
    }

    private sealed class Binder(ServiceMethodProviderContext<TService> context) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
            context.AddUnaryMethod(Checked(method), Metadata(method.Name, out var invoker, typeof(TRequest), typeof(ServerCallContext)),
                invoker.CreateDelegate<UnaryServerMethod<TService, TRequest, TResponse>>());

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddServerStreamingMethod(Checked(method), Metadata(method.Name, out var invoker, typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext)),
                invoker.CreateDelegate<ServerStreamingServerMethod<TService, TRequest, TResponse>>());

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddClientStreamingMethod(Checked(method), Metadata(method.Name, out var invoker, typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext)),
                invoker.CreateDelegate<ClientStreamingServerMethod<TService, TRequest, TResponse>>());

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddDuplexStreamingMethod(Checked(method), Metadata(method.Name, out var invoker, typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext)),
                invoker.CreateDelegate<DuplexStreamingServerMethod<TService, TRequest, TResponse>>());

        private static Method<TRequest, TResponse> Checked<TRequest, TResponse>(Method<TRequest, TResponse> method) where TRequest : class where TResponse : class =>
            new(method.Type, method.ServiceName, method.Name, CheckedMarshaller.For(method.RequestMarshaller), method.ResponseMarshaller);

        /// <summary>The implementation's override of the method, and its attributes after the service's, so the method's win.</summary>
        private static List<object> Metadata(string name, out MethodInfo invoker, params Type[] parameters)
        {
            invoker = typeof(TService).GetMethod(name, BindingFlags.Public | BindingFlags.Instance, parameters)
                ?? throw new InvalidOperationException($"Could not find '{name}' on {typeof(TService)}.");
            return
            [
                .. typeof(TService).GetCustomAttributes(inherit: true),
                .. invoker.GetCustomAttributes(inherit: true),
                new HttpMethodMetadata(["POST"], acceptCorsPreflight: true),
            ];
        }
    }
}

/// <summary>Puts <see cref="CheckedServiceMethodProvider{TService}"/> in grpc-dotnet's binder's place.</summary>
public static class CheckedServiceMethodProvider
{
    /// <summary>Replaces grpc-dotnet's binder; call after every <c>AddGrpc</c>, which would add it back.</summary>
    public static void Replace(IServiceCollection services)
    {
        var binders = services.Where(d => d.ServiceType == typeof(IServiceMethodProvider<>)
            && d.ImplementationType?.Name.StartsWith("BinderServiceMethodProvider", StringComparison.Ordinal) == true).ToList();
        if (binders.Count != 1)
        {
            throw new InvalidOperationException($"Expected grpc-dotnet's one service binder, found {binders.Count}.");
        }

        services.Remove(binders[0]);
        services.Add(ServiceDescriptor.Singleton(typeof(IServiceMethodProvider<>), typeof(CheckedServiceMethodProvider<>)));
    }
}
