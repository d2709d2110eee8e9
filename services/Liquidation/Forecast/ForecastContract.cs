using MissionOps.Sites.V1;
using V1 = MissionOps.Liquidation.V1;

namespace MissionOps.Liquidation.Forecast;

/// <summary>The forecast as the contract shows it, and a planner's changes as the contract sends them.</summary>
public static class ForecastContract
{
    public static V1.MissionForecast ToProto(this MissionForecast forecast, IEnumerable<string> regions)
    {
        var proto = new V1.MissionForecast
        {
            Mission = forecast.Mission,
            AsOfDate = forecast.AsOf.ToProto(),
            WithdrawalDeadline = forecast.WithdrawalDeadline == DateOnly.MaxValue ? null : forecast.WithdrawalDeadline.ToProto(),
            WithdrawalDate = forecast.Withdrawal.ToProto(),
            AtRisk = forecast.AtRisk,
            FinalReportDate = forecast.FinalReport.ToProto(),
            WithdrawalPath = { forecast.WithdrawalPath.Select(ToProto) },
            CriticalPath = { forecast.CriticalPath.Select(ToProto) },
            Sites = { forecast.Sites.Select(ToProto) },
            Regions = { regions },
        };
        if (forecast.SlackDays is { } slack && forecast.WithdrawalDeadline != DateOnly.MaxValue)
        {
            proto.SlackDays = slack;
        }

        return proto;
    }

    private static V1.SiteForecast ToProto(SiteForecast site)
    {
        var proto = new V1.SiteForecast
        {
            Site = site.Site,
            DisplayName = site.DisplayName,
            DrawdownPhase = site.Phase ?? string.Empty,
            Done = site.Done,
            ClosureDate = site.Closure.ToProto(),
            HandoverDate = site.Handover.ToProto(),
            PhaseEndDate = site.PhaseEnd.ToProto(),
            AtRisk = site.AtRisk,
            CriticalPath = { site.CriticalPath.Select(ToProto) },
            RetainedUntil = site.RetainedUntil.ToProto(),
        };
        if (site.SlackDays is { } slack)
        {
            proto.SlackDays = slack;
        }

        return proto;
    }

    private static V1.ForecastStep ToProto(Blocker blocker) => new()
    {
        Kind = blocker.Kind switch
        {
            BlockerKind.Movement => V1.ForecastStepKind.Movement,
            BlockerKind.PeopleWithoutMovement => V1.ForecastStepKind.PeopleWithoutMovement,
            BlockerKind.ClosureStep => V1.ForecastStepKind.ClosureStep,
            BlockerKind.Project => V1.ForecastStepKind.Project,
            BlockerKind.SiteClosure => V1.ForecastStepKind.SiteClosure,
            BlockerKind.SiteHandover => V1.ForecastStepKind.SiteHandover,
            BlockerKind.Asset => V1.ForecastStepKind.Asset,
            BlockerKind.Withdrawal => V1.ForecastStepKind.Withdrawal,
            _ => V1.ForecastStepKind.Unspecified,
        },
        Resource = blocker.Resource,
        ClosureStep = blocker.Step is { } step ? StepName(step) : string.Empty,
        Description = blocker.Description,
        Text = new Common.V1.LocalizedText { En = blocker.Text.En, Fr = blocker.Text.Fr },
        Date = blocker.Date.ToProto(),
    };

    /// <summary>A closure step by its name in the Sites contract (<c>CLOSURE_STEP_KIND_HAZARDOUS_WASTE_REMOVED</c>).</summary>
    public static string StepName(ClosureStepKind step) => ContractEnums.NameOf(step);

    /// <summary>
    /// The changes a request sends, each checked for what it must carry; what is missing or malformed is named by its
    /// field (<c>changes[0].hold_movement.days</c>), as the domain names what the mission does not have.
    /// </summary>
    public static IReadOnlyList<PlanChange> FromProto(string mission, IReadOnlyList<V1.PlanChange> changes, RequestValidator v)
    {
        var read = new List<PlanChange>();
        for (var i = 0; i < changes.Count; i++)
        {
            var field = $"changes[{i}]";
            var change = changes[i];
            switch (change.ChangeCase)
            {
                case V1.PlanChange.ChangeOneofCase.HoldMovement:
                    read.Add(new HoldMovement(change.HoldMovement.Movement, change.HoldMovement.Days));
                    break;
                case V1.PlanChange.ChangeOneofCase.MoveMovement:
                    read.Add(new MoveMovement(change.MoveMovement.Movement, v.Date($"{field}.move_movement.date", change.MoveMovement.Date)));
                    break;
                case V1.PlanChange.ChangeOneofCase.AddMovement:
                    var added = change.AddMovement;
                    var id = v.ResourceId($"{field}.add_movement.id", added.Id);
                    read.Add(new AddMovement(new OutboundMovement($"{mission}/movements/{id}", added.OriginSite, added.PeopleCount, Personnel.V1.MovementState.Planned,
                        v.Date($"{field}.add_movement.planned_date", added.PlannedDate))));
                    break;
                case V1.PlanChange.ChangeOneofCase.MoveProjectHandover:
                    read.Add(new MoveProjectHandover(change.MoveProjectHandover.Project, v.Date($"{field}.move_project_handover.date", change.MoveProjectHandover.Date)));
                    break;
                case V1.PlanChange.ChangeOneofCase.PlanClosureStep:
                    var planned = change.PlanClosureStep;
                    var day = v.Date($"{field}.plan_closure_step.date", planned.Date);
                    if (ContractEnums.ValueOf<ClosureStepKind>(planned.ClosureStep) is { } kind and not ClosureStepKind.Unspecified)
                    {
                        read.Add(new PlanClosureStep(planned.Site, kind, day));
                    }
                    else
                    {
                        v.Add($"{field}.plan_closure_step.closure_step", $"must name a closure step of the Sites contract (CLOSURE_STEP_KIND_…), not \"{planned.ClosureStep}\"");
                    }

                    break;
                default:
                    v.Add(field, "must set one change: hold_movement, move_movement, add_movement, move_project_handover or plan_closure_step");
                    break;
            }
        }

        return read;
    }
}
