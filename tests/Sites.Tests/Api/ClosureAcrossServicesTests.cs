extern alias personnel;
extern alias projects;
using Google.Rpc;
using Grpc.Core;
using MissionOps.Sites.V1;
using MissionOps.Testing;
using static MissionOps.Sites.Tests.Api.Requests;
using P = MissionOps.Personnel.V1;
using Pr = MissionOps.Projects.V1;

namespace MissionOps.Sites.Tests.Api;

/// <summary>A site closes only when Personnel has no one left there and Projects no open project: asked of the real services.</summary>
public sealed class ClosureAcrossServicesTests(SitesApp app) : SitesApiTest(app)
{
    private P.PersonnelService.PersonnelServiceClient Personnel => new(App.Personnel.Channel);

    private Pr.ProjectsService.ProjectsServiceClient Projects => new(App.Projects.Channel);

    private Task HireAtSevareAsync() => Personnel.CreatePersonAsync(PersonnelRequests.HireAtSevare("last-soldier")).ResponseAsync;

    private async Task StartSchoolAtSevareAsync()
    {
        await Projects.CreateProjectAsync(new Pr.CreateProjectRequest
        {
            Parent = Minusma,
            ProjectId = "school",
            RequestId = NewId(),
            Project = new Pr.Project
            {
                IatiIdentifier = "XX-TEST-SCHOOL",
                Title = Text("School", "École"),
                Description = Text("Classrooms", "Salles de classe"),
                Kind = Pr.ProjectKind.Education,
                Dates = new Pr.ActivityDates { PlannedStart = Day(2023, 1, 1), PlannedEnd = Day(2023, 12, 31) },
                ParticipatingOrganisations =
                {
                    new Pr.ParticipatingOrganisation { Name = Text("MINUSMA", "MINUSMA"), Role = Pr.OrganisationRole.Funding },
                    new Pr.ParticipatingOrganisation { Name = Text("GIE", "GIE"), Role = Pr.OrganisationRole.Implementing },
                },
                Sectors = { new Pr.Sector { Code = "11220", Percentage = 100 } },
                Locations = { new Pr.ProjectLocation { Site = $"{Minusma}/sites/sevare" } },
                Budgets = { new Pr.Budget { PeriodStart = Day(2023, 1, 1), PeriodEnd = Day(2023, 12, 31), Value = new MissionOps.Common.V1.Money { CurrencyCode = "USD", MinorUnits = 9_000_000 } } },
            },
        });
        await Projects.StartProjectAsync(new Pr.StartProjectRequest { Name = $"{Minusma}/projects/school", ActualStart = Day(2023, 2, 1), RequestId = NewId() });
    }

    [Fact]
    public async Task A_closure_is_refused_while_a_person_and_a_project_not_handed_over_remain_and_accepted_once_they_are_gone()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        await OpenSiteWithChecklistDoneAsync("sevare");
        await HireAtSevareAsync();
        await StartSchoolAtSevareAsync();

        var blockers = await RpcAssert.FailedPrecondition(() => Client.RecordSiteClosureAsync(CloseRequest("sevare", Day(2023, 12, 8))).ResponseAsync,
            "SITE_NOT_CLEAR");

        Assert.Equal(new[] { "PERSONNEL", "PROJECT" }, blockers.Select(b => b.Type));
        Assert.Contains("MNS-LAST", blockers[0].Description);
        Assert.Equal($"{Minusma}/projects/school", blockers[1].Subject);
        Assert.Equal(SiteState.Closing, (await Client.GetSiteAsync(new GetSiteRequest { Name = $"{Minusma}/sites/sevare" })).State);

        await Personnel.CreateMovementAsync(new P.CreateMovementRequest
        {
            Parent = Minusma,
            MovementId = "last-flight",
            RequestId = NewId(),
            Movement = new P.Movement
            {
                Person = $"{Minusma}/personnel/last-soldier",
                Kind = P.MovementKind.Repatriation,
                Mode = P.MovementMode.Flight,
                OriginSite = $"{Minusma}/sites/sevare",
                PlannedDate = Day(2023, 12, 8),
            },
        });
        await Personnel.StartMovementAsync(new P.StartMovementRequest { Name = $"{Minusma}/movements/last-flight", DepartureDate = Day(2023, 12, 8), RequestId = NewId() });
        await Personnel.CompleteMovementAsync(new P.CompleteMovementRequest { Name = $"{Minusma}/movements/last-flight", ArrivalDate = Day(2023, 12, 8), RequestId = NewId() });
        await Projects.FinaliseProjectAsync(new Pr.FinaliseProjectRequest { Name = $"{Minusma}/projects/school", ActualEnd = Day(2023, 11, 30), RequestId = NewId() });

        var worksFinished = await RpcAssert.FailedPrecondition(() => Client.RecordSiteClosureAsync(CloseRequest("sevare", Day(2023, 12, 8))).ResponseAsync,
            "SITE_NOT_CLEAR");
        Assert.Equal($"{Minusma}/projects/school", Assert.Single(worksFinished).Subject);

        await Projects.RecordProjectHandoverAsync(new Pr.RecordProjectHandoverRequest
        {
            Name = $"{Minusma}/projects/school",
            RequestId = NewId(),
            Handover = new Pr.ProjectHandover
            {
                Recipient = Text("Mopti Education Academy", "Académie d'enseignement de Mopti"),
                RecipientKind = Pr.HandoverRecipientKind.Ministry,
                HandoverDate = Day(2023, 12, 1),
                Document = Document("HO-SCHOOL", Day(2023, 12, 1)),
            },
        });
        var closed = await Client.RecordSiteClosureAsync(CloseRequest("sevare", Day(2023, 12, 8)));

        Assert.Equal(SiteState.Closed, closed.State);
    }

    [Fact]
    public async Task The_emergency_path_records_who_and_what_stayed()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        await Client.CreateSiteAsync(CreateSite("sevare"));
        await HireAtSevareAsync();
        await StartSchoolAtSevareAsync();
        var request = CloseRequest("sevare", Day(2023, 10, 2));
        request.Emergency = new EmergencyClosure
        {
            Reason = Text("Attack on the camp", "Attaque contre le camp"),
            ItemsLeftInPlace =
            {
                new ItemLeftInPlace
                {
                    Description = Text("Fuel bladders", "Citernes souples"),
                    Disposition = InPlaceDisposition.Destroyed,
                    Reason = Text("No convoy", "Pas de convoi"),
                },
            },
        };

        var closed = await Client.RecordSiteClosureAsync(request);

        Assert.True(closed.Closure.WhatStayed.Complete);
        Assert.Equal(1, closed.Closure.WhatStayed.PersonnelRemaining);
        Assert.Equal($"{Minusma}/projects/school", Assert.Single(closed.Closure.WhatStayed.OpenProjects));
    }

    [Fact]
    public async Task Without_Personnel_a_normal_closure_is_unavailable_naming_it_and_nothing_changes()
    {
        await using var isolated = new GrpcServiceFactory<Program>(App.Postgres, Extensions.DatabaseName, "sites_without_personnel")
            .WithService("personnel", LoopbackPorts.Closed())
            .WithService("projects", App.Projects.Address);
        isolated.Start();
        var client = new SitesService.SitesServiceClient(isolated.Channel);
        await client.CreateMissionWithMoptiAndPhase2Async();
        await client.OpenSiteWithChecklistDoneAsync("sevare");

        var failure = await RpcAssert.Fails(StatusCode.Unavailable, () => client.RecordSiteClosureAsync(CloseRequest("sevare", Day(2023, 12, 8))).ResponseAsync);

        Assert.Equal("personnel", failure.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Metadata["service"]);
        Assert.Equal(SiteState.Closing, (await client.GetSiteAsync(new GetSiteRequest { Name = $"{Minusma}/sites/sevare" })).State);
    }
}
