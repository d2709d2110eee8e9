using MissionOps.Common.V1;
using MissionOps.Projects.Iati;
using V1 = MissionOps.Projects.V1;

namespace MissionOps.Projects.Projects;

public static class ProjectMapping
{
    public static V1.Project ToProto(this Project project, CodeLists codes)
    {
        var d = project.Description;
        Money Money(long minorUnits) => new() { CurrencyCode = d.Currency, MinorUnits = minorUnits };
        return new V1.Project
        {
            Name = project.Name,
            IatiIdentifier = project.IatiIdentifier,
            Title = d.Title.ToProto(),
            Description = d.Description.ToProto(),
            TargetGroups = d.TargetGroups?.ToProto(),
            Kind = project.Kind,
            Status = project.Status,
            QuickImpact = d.QuickImpact,
            Dates = new V1.ActivityDates
            {
                PlannedStart = d.PlannedStart.ToProto(),
                PlannedEnd = d.PlannedEnd.ToProto(),
                ActualStart = project.ActualStart.ToProto(),
                ActualEnd = project.ActualEnd.ToProto(),
            },
            ParticipatingOrganisations =
            {
                d.Organisations.Select(o => new V1.ParticipatingOrganisation { Name = o.Name.ToProto(), Ref = o.Ref ?? string.Empty, Role = o.Role }),
            },
            Sectors =
            {
                d.Sectors.Select(s => new V1.Sector
                {
                    Code = s.Code,
                    Percentage = (double)s.Percentage,
                    DisplayName = codes.Sectors.TryGetValue(s.Code, out var name) ? name.ToProto() : null,
                }),
            },
            Locations = { d.Locations.Select(ToProto) },
            Budgets =
            {
                d.Budgets.Select(b => new V1.Budget
                {
                    PeriodStart = b.PeriodStart.ToProto(),
                    PeriodEnd = b.PeriodEnd.ToProto(),
                    Value = Money(b.MinorUnits),
                    Revised = b.Revised,
                }),
            },
            Transactions =
            {
                project.Transactions.Select(t => new V1.Transaction
                {
                    Type = t.Type,
                    TransactionDate = t.Date.ToProto(),
                    Value = Money(t.MinorUnits),
                    Description = t.Description?.ToProto(),
                }),
            },
            Beneficiaries = { d.Beneficiaries.Select(ToProto) },
            Training = d.Training is null ? null : new V1.TrainingWorkshop
            {
                Topic = d.Training.Topic,
                Participants = { d.Training.Participants.Select(ToProto) },
            },
            Results = { project.Results.Select(ToProto) },
            Handover = project.Handover is null ? null : new V1.ProjectHandover
            {
                Recipient = project.Handover.Recipient.ToProto(),
                RecipientKind = project.Handover.RecipientKind,
                HandoverDate = project.Handover.HandoverDate.ToProto(),
                Document = project.Handover.Document.ToProto(),
            },
            Spent = Money(project.Spent),
            BlocksClosure = project.BlocksClosure,
            CreateTime = project.CreateTime.ToProto(),
            UpdateTime = project.UpdateTime.ToProto(),
            Etag = project.Etag,
        };
    }

    private static V1.ProjectLocation ToProto(ProjectLocation l)
    {
        var proto = new V1.ProjectLocation
        {
            RegionPcode = l.RegionPcode ?? string.Empty,
            PcodeVersion = l.PcodeVersion ?? string.Empty,
            Name = l.Name?.ToProto(),
            Coordinates = l.Coordinates?.ToProto(),
        };
        if (l.DistrictPcode is not null)
        {
            proto.DistrictPcode = l.DistrictPcode;
        }
        else if (l.Site is not null)
        {
            proto.Site = l.Site;
        }
        else if (l.Route is not null)
        {
            proto.RouteSegment = new V1.RouteSegment { Road = l.Route.Road, FromPlace = l.Route.FromPlace, ToPlace = l.Route.ToPlace };
        }

        return proto;
    }

    private static V1.Beneficiaries ToProto(BeneficiaryCount b) => new() { Group = b.Group, Targeted = b.Targeted, Reached = b.Reached };

    private static V1.Result ToProto(Result r) => new()
    {
        Ref = r.Ref,
        Type = r.Type,
        Title = r.Title.ToProto(),
        Indicators =
        {
            r.Indicators.Select(i => new V1.Indicator
            {
                Ref = i.Ref,
                Title = i.Title.ToProto(),
                Measure = i.Measure,
                BaselineYear = i.BaselineYear,
                BaselineValue = (double)i.BaselineValue,
                Periods =
                {
                    i.Periods.Select(p =>
                    {
                        var period = new V1.IndicatorPeriod
                        {
                            PeriodStart = p.PeriodStart.ToProto(),
                            PeriodEnd = p.PeriodEnd.ToProto(),
                            Target = (double)p.Target,
                        };
                        if (p.Actual is { } actual)
                        {
                            period.Actual = (double)actual;
                        }

                        return period;
                    }),
                },
            }),
        },
    };
}
