using MissionOps.Projects.Projects;
using MissionOps.Projects.V1;
using MissionOps.ServiceDefaults.Contracts;
using Budget = MissionOps.Projects.Projects.Budget;
using Project = MissionOps.Projects.Projects.Project;

namespace MissionOps.Projects.Tests.Domain;

/// <summary>A quick-impact school project brought to the status a domain test needs, by its own transitions.</summary>
public static class SchoolProject
{
    public static readonly DateTimeOffset Now = new(2023, 6, 1, 8, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Day = new(2023, 3, 1);
    public static readonly Text Reason = new("Insecurity", "Insécurité");

    public static ProjectDescription Description(long cents = 4_500_000, DateOnly? end = null, string currency = "USD") =>
        new(new Text("School", "École"), new Text("Classrooms", "Salles de classe"), null, true, new DateOnly(2023, 1, 1),
            end ?? new DateOnly(2023, 5, 31), [], [new SectorShare("11220", 100)], [], currency,
            [new Budget(new DateOnly(2023, 1, 1), new DateOnly(2023, 5, 31), cents, false)], [], null);

    public static Project InStatus(ActivityStatus status)
    {
        var project = Project.Create("minusma", "school", "XX-TEST-1", ProjectKind.Education, Description(), Now);
        if (status is ActivityStatus.Implementation or ActivityStatus.Suspended or ActivityStatus.Finalisation or ActivityStatus.Closed)
        {
            project.Start(Day, Now);
        }

        if (status == ActivityStatus.Suspended)
        {
            project.Suspend(Reason, Now);
        }

        if (status is ActivityStatus.Finalisation or ActivityStatus.Closed)
        {
            project.Finalise(Day.AddMonths(2), Now);
        }

        if (status == ActivityStatus.Closed)
        {
            project.Close(Now);
        }

        if (status == ActivityStatus.Cancelled)
        {
            project.Cancel(Reason, Now);
        }

        return project;
    }
}
