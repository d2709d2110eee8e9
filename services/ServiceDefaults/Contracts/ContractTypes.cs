using Google.Protobuf.Reflection;

namespace MissionOps.ServiceDefaults.Contracts;

/// <summary>
/// Every message a <c>google.protobuf.Any</c> of the contracts may hold (an error's details, a feed event's payload, an
/// audit entry's images), so that HTTP/JSON answers write them as JSON objects with their <c>@type</c>, not as bytes.
/// </summary>
public static class ContractTypes
{
    public static readonly TypeRegistry Registry = TypeRegistry.FromFiles(
        Google.Rpc.ErrorDetailsReflection.Descriptor,
        Common.V1.ErrorReasonReflection.Descriptor,
        Sites.V1.SitesServiceReflection.Descriptor, Sites.V1.EventsReflection.Descriptor,
        Personnel.V1.PersonnelServiceReflection.Descriptor, Personnel.V1.EventsReflection.Descriptor,
        Projects.V1.ProjectsServiceReflection.Descriptor, Projects.V1.EventsReflection.Descriptor,
        Liquidation.V1.LiquidationServiceReflection.Descriptor, Liquidation.V1.EventsReflection.Descriptor);
}
