extern alias personnel;
using MissionOps.Personnel.V1;
using static MissionOps.Sites.Tests.Api.Requests;

namespace MissionOps.Sites.Tests.Api;

/// <summary>What the Sites tests ask of the Personnel service.</summary>
public static class PersonnelRequests
{
    /// <summary>A soldier assigned to Sévaré since the start of 2023.</summary>
    public static CreatePersonRequest HireAtSevare(string personId) => new()
    {
        Parent = Minusma,
        PersonId = personId,
        RequestId = NewId(),
        Person = new Person
        {
            IndexNumber = $"MNS-{personId.ToUpperInvariant()}",
            FullName = "Moussa Keïta",
            Component = Component.Military,
            Category = Category.Contingent,
            CountryCode = "SN",
            AssignedSite = $"{Minusma}/sites/sevare",
            AssignmentDate = Day(2023, 1, 1),
        },
    };
}
