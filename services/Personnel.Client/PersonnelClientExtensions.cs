using Microsoft.Extensions.Hosting;
using MissionOps.Personnel.V1;
using MissionOps.ServiceDefaults;
using MissionOps.ServiceDefaults.Clients;

namespace MissionOps.Personnel.Client;

public static class PersonnelClientExtensions
{
    /// <summary>A Personnel client and a <see cref="PersonnelDirectory"/> over it.</summary>
    public static IHostApplicationBuilder AddPersonnelClient(this IHostApplicationBuilder builder) =>
        builder.AddServiceClient<PersonnelService.PersonnelServiceClient, PersonnelDirectory>(ServiceNames.Personnel);
}
