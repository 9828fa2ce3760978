namespace Annotate.Scale.Infrastructure;

/// <summary>The tests with both instances up, sharing one browser.</summary>
[CollectionDefinition(Name)]
public sealed class LiveCollection : ICollectionFixture<ScaleBrowsers>
{
    public const string Name = "Both instances up";
}
