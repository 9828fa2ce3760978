using Annotate.Web.Features;
using Microsoft.AspNetCore.Http;

namespace Annotate.Web.Tests;

/// <summary>The one result type of the services and the one place it becomes an HTTP answer.</summary>
public sealed class ServiceResultTests
{
    [Fact]
    public void Every_failure_has_its_own_status_and_keeps_its_sentence()
    {
        var statuses = Enum.GetValues<Failure>().ToDictionary(f => f, f => Problems.For(new ServiceProblem(f, $"sentence of {f}")));

        Assert.Equal(Enum.GetValues<Failure>().Length, statuses.Values.Select(r => r.StatusCode).Distinct().Count());
        Assert.All(statuses, pair => Assert.Equal($"sentence of {pair.Key}", pair.Value.ProblemDetails.Detail));
        Assert.Equal(StatusCodes.Status404NotFound, statuses[Failure.NotFound].StatusCode);
        Assert.Equal(StatusCodes.Status403Forbidden, statuses[Failure.Forbidden].StatusCode);
        Assert.Equal(StatusCodes.Status412PreconditionFailed, statuses[Failure.Stale].StatusCode);
        Assert.Equal(StatusCodes.Status429TooManyRequests, statuses[Failure.Busy].StatusCode);
    }

    [Fact]
    public void A_value_or_a_problem_converts_to_a_result_and_a_null_problem_never_reads_as_done()
    {
        ServiceResult<string> value = "kept";
        ServiceResult<string> refused = ServiceProblem.Forbidden("No.");
        ServiceResult done = ServiceResult.Done;

        Assert.True(value.Succeeded);
        Assert.Equal("kept", value.Value);
        Assert.Null(value.Message);
        Assert.False(refused.Succeeded);
        Assert.Equal("No.", refused.Message);
        Assert.False(((ServiceResult)refused).Succeeded);
        Assert.True(done.Succeeded);
        Assert.Throws<ArgumentNullException>(() => (ServiceResult)(ServiceProblem)null!);
        Assert.Throws<ArgumentNullException>(() => (ServiceResult<string>)(ServiceProblem)null!);
    }
}
