namespace Annotate.E2E.Infrastructure;

/// <summary>The tests that share one app and its database (each uses its own people and passages).</summary>
[CollectionDefinition(Name)]
public sealed class SeminarCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "Seminar";
}

/// <summary>The README screenshot gets an app of its own, so no other test's notes show in it.</summary>
[CollectionDefinition(Name)]
public sealed class ScreenshotCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "Screenshot";
}

/// <summary>Teacher feedback with its screenshots: an app of its own, so no other test's notes show in them.</summary>
[CollectionDefinition(Name)]
public sealed class FeedbackCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "Feedback";
}
