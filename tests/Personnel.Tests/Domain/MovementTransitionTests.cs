using MissionOps.Personnel.Movements;
using MissionOps.Personnel.People;
using MissionOps.Personnel.V1;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.ServiceDefaults.Errors;
using Movement = MissionOps.Personnel.Movements.Movement;
using ErrorReason = MissionOps.Common.V1.ErrorReason;

namespace MissionOps.Personnel.Tests.Domain;

public sealed class MovementTransitionTests
{
    private static readonly DateTimeOffset Now = new(2023, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2023, 12, 1);
    private static readonly Text Reason = new("Movement restrictions", "Restrictions de mouvement");

    private static Movement InState(MovementState state)
    {
        var movement = Movement.Plan("minusma", "convoy-1", "amadou", null, MovementKind.Transfer, MovementMode.RoadConvoy,
            "missions/minusma/sites/sevare", "missions/minusma/sites/bamako-hq", Day, 1, null, Now);
        if (state is MovementState.InTransit or MovementState.Held or MovementState.Completed)
        {
            movement.Start(Day, Now);
        }

        if (state == MovementState.Held)
        {
            movement.Hold(Reason, Now);
        }

        if (state == MovementState.Completed)
        {
            movement.Complete(Day, Now);
        }

        if (state == MovementState.Cancelled)
        {
            movement.Cancel(Reason, Now);
        }

        return movement;
    }

    private static readonly Dictionary<string, Action<Movement>> Actions = new()
    {
        ["start"] = m => m.Start(Day, Now),
        ["hold"] = m => m.Hold(Reason, Now),
        ["resume"] = m => m.Resume(Now),
        ["complete"] = m => m.Complete(Day, Now),
        ["cancel"] = m => m.Cancel(Reason, Now),
    };

    [Theory]
    [InlineData(MovementState.Planned, "start", MovementState.InTransit)]
    [InlineData(MovementState.Planned, "cancel", MovementState.Cancelled)]
    [InlineData(MovementState.InTransit, "hold", MovementState.Held)]
    [InlineData(MovementState.InTransit, "complete", MovementState.Completed)]
    [InlineData(MovementState.Held, "resume", MovementState.InTransit)]
    [InlineData(MovementState.Held, "cancel", MovementState.Cancelled)]
    public void An_allowed_transition_moves_the_state(MovementState from, string action, MovementState to)
    {
        var movement = InState(from);

        Actions[action](movement);

        Assert.Equal(to, movement.State);
    }

    [Theory]
    [InlineData(MovementState.Planned, "hold")]
    [InlineData(MovementState.Planned, "resume")]
    [InlineData(MovementState.Planned, "complete")]
    [InlineData(MovementState.InTransit, "start")]
    [InlineData(MovementState.InTransit, "resume")]
    [InlineData(MovementState.InTransit, "cancel")]
    [InlineData(MovementState.Held, "start")]
    [InlineData(MovementState.Held, "hold")]
    [InlineData(MovementState.Held, "complete")]
    [InlineData(MovementState.Completed, "start")]
    [InlineData(MovementState.Completed, "hold")]
    [InlineData(MovementState.Completed, "resume")]
    [InlineData(MovementState.Completed, "complete")]
    [InlineData(MovementState.Completed, "cancel")]
    [InlineData(MovementState.Cancelled, "start")]
    [InlineData(MovementState.Cancelled, "hold")]
    [InlineData(MovementState.Cancelled, "resume")]
    [InlineData(MovementState.Cancelled, "complete")]
    [InlineData(MovementState.Cancelled, "cancel")]
    public void A_forbidden_transition_is_refused_and_changes_nothing(MovementState from, string action)
    {
        var movement = InState(from);

        var error = Assert.Throws<RuleViolationException>(() => Actions[action](movement));

        Assert.Equal(ErrorReason.MovementTransitionNotAllowed, error.Reason);
        Assert.Equal((ErrorReason.MovementState, movement.Name), (Assert.Single(error.Missing).Type, error.Missing[0].Subject));
        Assert.Equal(from, movement.State);
    }

    [Fact]
    public void Holding_keeps_the_reason_and_completing_sets_the_arrival()
    {
        var movement = InState(MovementState.Held);
        Assert.Equal(Reason, movement.HoldReason);

        movement.Resume(Now);
        movement.Complete(Day.AddDays(2), Now);

        Assert.Equal(Day.AddDays(2), movement.ArrivalDate);
        Assert.Equal(Day.AddDays(2), movement.EffectiveDate);
    }

    [Fact]
    public void An_arrival_before_the_departure_is_refused()
    {
        var movement = InState(MovementState.InTransit);

        Assert.Equal(ErrorReason.ArrivalBeforeDeparture, Assert.Throws<RuleBreachException>(() => movement.Complete(Day.AddDays(-1), Now)).Breach.Rule);
        Assert.Equal(MovementState.InTransit, movement.State);
    }

    [Fact]
    public void A_transfer_to_its_own_origin_is_refused()
    {
        Assert.Throws<RuleBreachException>(() => Movement.Plan("minusma", "m", "p", null, MovementKind.Transfer, MovementMode.Flight,
            "missions/minusma/sites/sevare", "missions/minusma/sites/sevare", Day, 1, null, Now));
    }

    [Fact]
    public void A_repatriation_has_no_destination()
    {
        var refused = Assert.Throws<RuleBreachException>(() => Movement.Plan("minusma", "m", "p", null, MovementKind.Repatriation, MovementMode.Flight,
            "missions/minusma/sites/sevare", "missions/minusma/sites/bamako-hq", Day, 1, null, Now));
        Assert.Equal((ErrorReason.RepatriationWithDestination, "destination_site", "missions/minusma/sites/bamako-hq"),
            (refused.Breach.Rule, refused.Breach.Attribute, refused.Breach.Value));

        var movement = Movement.Plan("minusma", "m", "p", null, MovementKind.Repatriation, MovementMode.Flight, "missions/minusma/sites/sevare", null, Day, 1, null, Now);
        Assert.Null(movement.DestinationSite);
    }

    [Theory]
    [InlineData(Category.Contingent, Component.Military)]
    [InlineData(Category.StaffOfficer, Component.Military)]
    [InlineData(Category.IndividualPolice, Component.Police)]
    [InlineData(Category.FormedPoliceUnit, Component.Police)]
    [InlineData(Category.InternationalCivilian, Component.Civilian)]
    [InlineData(Category.NationalCivilian, Component.Civilian)]
    [InlineData(Category.Volunteer, Component.Civilian)]
    [InlineData(Category.Contractor, Component.Civilian)]
    public void Each_category_belongs_to_one_component(Category category, Component component)
    {
        Assert.Equal(component, Categories.ComponentOf(category));
    }
}
