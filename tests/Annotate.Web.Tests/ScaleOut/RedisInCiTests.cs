using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests.ScaleOut;

/// <summary>
/// The Redis tests run in CI or fail there: skipped only on a machine without redis-server that is not CI
/// (./test.sh installs redis-server, and .ci/run says CI=true).
/// </summary>
public sealed class RedisInCiTests
{
    [Theory]
    [InlineData("true")]
    [InlineData("TRUE")]
    [InlineData("1")]
    public void On_CI_a_missing_redis_server_does_not_skip_the_tests(string ci) =>
        Assert.Null(RedisServer.SkipReason(installed: false, ci));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("false")]
    public void Elsewhere_a_missing_redis_server_skips_them_and_says_how_to_get_it(string? ci) =>
        Assert.Equal("Needs /usr/bin/redis-server (apt-get install redis-server; ./test.sh installs it) to run instances over Redis.",
            RedisServer.SkipReason(installed: false, ci));

    [Fact]
    public void An_installed_redis_server_runs_them_anywhere() => Assert.Null(RedisServer.SkipReason(installed: true, ci: null));

    [Fact]
    public async Task On_CI_the_fixture_fails_with_a_sentence_when_the_binary_is_missing()
    {
        var server = new RedisServer("/nonexistent/redis-server", required: true);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(server.InitializeAsync);

        Assert.Equal("/nonexistent/redis-server is missing, and CI must run the Redis tests: install redis-server (./test.sh does).", error.Message);
    }
}
