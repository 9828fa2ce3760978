using Annotate.Data;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests.ScaleOut;

/// <summary><c>Database:Provider</c>: Sqlite by default, Postgres by name in any case, anything else stops the start with a sentence.</summary>
[EngineSpecific]
public sealed class DatabaseProviderTests
{
    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite)]
    [InlineData("", DatabaseProvider.Sqlite)]
    [InlineData("sqlite", DatabaseProvider.Sqlite)]
    [InlineData("Postgres", DatabaseProvider.Postgres)]
    [InlineData(" POSTGRES ", DatabaseProvider.Postgres)]
    public void The_setting_names_the_provider_in_any_case(string? setting, DatabaseProvider expected) =>
        Assert.Equal(expected, DatabaseProviders.Parse(setting));

    [Theory]
    [InlineData("SqlServer")]
    [InlineData("1")]
    [InlineData("Sqlite,Postgres")]
    public void Another_value_is_refused_with_both_names(string setting)
    {
        var error = Assert.Throws<InvalidOperationException>(() => DatabaseProviders.Parse(setting));

        Assert.Equal($"Database:Provider '{setting}' is not supported. Use 'Sqlite' (the default) or 'Postgres'.", error.Message);
    }

    [Fact]
    public async Task The_app_does_not_start_on_an_unknown_provider()
    {
        await using var app = AnnotateApp.WithSettings(("Database:Provider", "MySql"));

        var error = Assert.Throws<InvalidOperationException>(() => app.Services);

        Assert.Contains("'Sqlite' (the default) or 'Postgres'", error.Message);
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_does_not_start_and_says_what_to_set()
    {
        await using var app = AnnotateApp.WithSettings(("Database:Provider", "Postgres"), ("ConnectionStrings:Annotate", ""));

        var error = Assert.Throws<InvalidOperationException>(() => app.Services);

        Assert.Contains("ConnectionStrings:Annotate is not set", error.Message);
    }
}
