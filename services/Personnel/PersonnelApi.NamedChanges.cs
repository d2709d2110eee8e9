using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace MissionOps.Personnel;

/// <summary>
/// The standard changes of a resource named in the request (AIP-134 update by field mask, AIP-164 delete and undelete),
/// on the resource found whether deleted or not: the domain refuses what may not be done to a deleted one.
/// </summary>
public sealed partial class PersonnelApi
{
    /// <summary>What an update corrects: the resource's field in the request, its collection, the paths it may change, the RPC.</summary>
    private sealed record Correction(string Field, string Collection, IReadOnlyCollection<string> Paths, string Method);

    /// <summary>
    /// An update of a resource recorded with terms: the mask and the name checked, the masked fields laid over the resource
    /// as it is and made into terms by <paramref name="termsOf"/>, which checks them as on create (each bad value named),
    /// then the terms corrected through the change pipeline.
    /// </summary>
    private async Task<TResponse> CorrectAsync<TAggregate, TResponse, TTerms>(IMessage request, Correction correction, TResponse? resource, FieldMask? mask,
        string requestId, Func<RequestValidator, string, TResponse, IReadOnlyList<string>, Task<TTerms>> termsOf, Action<TAggregate, TTerms> correct,
        ServerCallContext context)
        where TAggregate : class, IAggregate
        where TResponse : class, IMessage<TResponse>, new()
    {
        var v = new RequestValidator();
        var (_, paths) = v.Update(correction.Field, resource, mask, requestId, correction.Paths, correction.Method);
        var name = (string)resource!.Descriptor.FindFieldByName("name").Accessor.GetValue(resource);
        var ids = v.Name($"{correction.Field}.name", name, "missions", correction.Collection);
        v.ThrowIfInvalid();
        var terms = await termsOf(v, ids[0], await changes.MergedAsync<TAggregate, TResponse>(ids, name, resource, paths, Token(context)), paths);
        v.ThrowIfInvalid();

        return await changes.ChangeFoundAsync<TAggregate, TResponse>(request, ids, name, found => correct(found, terms), Token(context));
    }

    /// <summary>A change of the resource the request's <c>name</c> gives, in <paramref name="collection"/>: a delete, an undelete.</summary>
    private Task<TResponse> ChangeNamedAsync<TAggregate, TResponse>(IMessage request, string name, string requestId, string collection,
        Action<TAggregate> change, ServerCallContext context)
        where TAggregate : class, IAggregate
        where TResponse : IMessage<TResponse>, new()
    {
        var v = new RequestValidator();
        var ids = v.Name("name", name, "missions", collection);
        v.RequestId("request_id", requestId);
        v.ThrowIfInvalid();

        return changes.ChangeFoundAsync<TAggregate, TResponse>(request, ids, name, change, Token(context));
    }

    private Task<TAggregate> FindAnyAsync<TAggregate>(IReadOnlyList<string> ids, string name, CancellationToken ct)
        where TAggregate : class, IAggregate => db.FindAnyAsync<TAggregate>(ids, name, ct);
}
