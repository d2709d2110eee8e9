using MissionOps.Personnel.Movements;
using MissionOps.Personnel.V1;
using ErrorReason = MissionOps.Common.V1.ErrorReason;

namespace MissionOps.Personnel.Tests.Domain;

public sealed class MovementRuleTests
{
    private const string Sevare = "missions/minusma/sites/sevare";
    private const string Gao = "missions/minusma/sites/gao";

    [Theory]
    [InlineData(MovementKind.Unspecified, MovementMode.Flight, null, ErrorReason.MovementKindUnknown, "kind")]
    [InlineData((MovementKind)9, MovementMode.Flight, null, ErrorReason.MovementKindUnknown, "kind")]
    [InlineData(MovementKind.Repatriation, MovementMode.Unspecified, null, ErrorReason.MovementModeUnknown, "mode")]
    [InlineData(MovementKind.Transfer, MovementMode.RoadConvoy, Sevare, ErrorReason.TransferToItsOrigin, "destination_site")]
    [InlineData(MovementKind.Repatriation, MovementMode.Flight, Gao, ErrorReason.RepatriationWithDestination, "destination_site")]
    public void A_movement_that_breaks_a_rule_is_told_which_and_of_what(MovementKind kind, MovementMode mode, string? destination,
        ErrorReason rule, string attribute)
    {
        var breach = Assert.Single(MovementRules.Breaches(kind, mode, Sevare, destination));

        Assert.Equal((rule, attribute), (breach.Rule, breach.Attribute));
        Assert.False(string.IsNullOrWhiteSpace(breach.Description));
    }

    [Theory]
    [InlineData(MovementKind.Transfer, MovementMode.RoadConvoy, Gao)]
    [InlineData(MovementKind.Repatriation, MovementMode.Flight, null)]
    public void A_transfer_elsewhere_and_a_repatriation_out_break_none(MovementKind kind, MovementMode mode, string? destination) =>
        Assert.Empty(MovementRules.Breaches(kind, mode, Sevare, destination));
}
