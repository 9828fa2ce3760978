using Xunit.Sdk;

namespace Annotate.Web.Tests.Infrastructure;

/// <summary>
/// A test (or every test of a class) whose outcome can depend on the database engine: migrations, search
/// (SQLite's FTS5, PostgreSQL's tsvectors), the write lock and concurrency tokens, and queries whose SQL the
/// providers translate differently (the visibility rule, raw SQL, engine error codes). ./test.sh runs these
/// again on a throwaway PostgreSQL cluster in every run; the rest of the suite on PostgreSQL is
/// `./test.sh --postgres`. It is the trait <c>Engine=Specific</c>, so a filter can pick them.
/// </summary>
[TraitDiscoverer("Annotate.Web.Tests.Infrastructure.EngineSpecificDiscoverer", "Annotate.Web.Tests")]
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class EngineSpecificAttribute : Attribute, ITraitAttribute
{
    public const string Trait = "Engine";
    public const string Value = "Specific";
}
