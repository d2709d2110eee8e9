using Google.Rpc;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using MissionOps.ServiceDefaults.Errors;

namespace MissionOps.Sites.Tests.Domain;

/// <summary>The shared exceptions as a caller receives them: code, reason, and the details to act on.</summary>
public sealed class ErrorMappingTests
{
    [Fact]
    public void Two_changes_of_one_row_at_the_same_moment_abort_the_loser_as_a_concurrent_change()
    {
        var answer = RpcErrors.From(new DbUpdateConcurrencyException("the row changed under the update"))!;

        Assert.Equal(StatusCode.Aborted, answer.StatusCode);
        Assert.Equal(("CONCURRENT_CHANGE", ErrorDomain.Name), (answer.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason, answer.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Domain));
    }

    [Fact]
    public void An_unreachable_neighbour_is_unavailable_naming_it_with_the_delay_before_a_retry()
    {
        var answer = RpcErrors.From(new DependencyUnavailableException("sites"))!;

        Assert.Equal(StatusCode.Unavailable, answer.StatusCode);
        var info = answer.GetRpcStatus()?.GetDetail<ErrorInfo>();
        Assert.Equal(("DEPENDENCY_UNAVAILABLE", "sites"), (info?.Reason, info?.Metadata["service"]));
        Assert.Equal(TimeSpan.FromSeconds(1), answer.GetRpcStatus()?.GetDetail<RetryInfo>()?.RetryDelay.ToTimeSpan());
    }
}
