using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using Annotate.Data.Entities;
using Annotate.Shared;
using Annotate.Shared.Anchoring;
using Annotate.Shared.W3c;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Features.Discussion;
using Annotate.Web.Realtime;
using Annotate.Web.Realtime.Redis;
using Annotate.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Annotate.Web.Tests.Realtime;

/// <summary>
/// Every kind of live event the feed carries goes from one instance to the other through Redis and arrives
/// whole: every field of every event type, found by reflection, so that a new event type (or a new field of
/// one) cannot be left behind by the channel between instances.
/// </summary>
public sealed class FeedRoundTripTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private const int Document = 4242;
    private static readonly DateTimeOffset Created = new(2026, 3, 14, 9, 26, 53, 589, TimeSpan.FromHours(7));

    /// <summary>One or more of each event type a writer publishes, each with every field set to something other than its default.</summary>
    private static readonly IReadOnlyList<(string Name, FeedEvent Event)> Samples =
    [
        ("annotation created", new AnnotationEvent(AnnotationEventKind.Created, Annotation())),
        ("annotation updated", new AnnotationEvent(AnnotationEventKind.Updated, Annotation() with { Body = "Edited.", Version = 3 }, Previous: Annotation())),
        ("annotation deleted", new AnnotationEvent(AnnotationEventKind.Deleted, Annotation(), Previous: Annotation() with { Visibility = Visibility.Seminar })),
        ("reply", new AnnotationEvent(AnnotationEventKind.Created, Reply(Motivations.Replying), Previous: Annotation())),
        ("feedback", new AnnotationEvent(AnnotationEventKind.Created, Reply(Motivations.Assessing), Previous: Annotation())),
        ("import", new AnnotationsImportedEvent(Document, [Annotation(), Reply(Motivations.Replying)])),
        ("document revised", new DocumentRevisedEvent(Document, 5)),
        ("anchoring progress", new AnchoringProgressEvent(Document, 5, [new PlacedThread(Guid.NewGuid(), AnchorState.Edited), new PlacedThread(Guid.NewGuid(), AnchorState.Orphan)], Finished: true)),
        ("feedback read", new FeedbackReadEvent(Document, "student-1")),
        ("member removed or moved", new AccessChangedEvent(Document, 17, "student-1", OthersAffected: true)),
        ("tag vocabulary changed", new TagsChangedEvent(Document, 17)),
        ("notification", new NotificationEvent(Document, "student-1", Guid.NewGuid())),
    ];

    [Fact]
    public void Every_event_type_a_writer_publishes_has_a_sample_here_and_a_tag_to_travel_under()
    {
        var published = typeof(FeedEvent).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(FeedEvent)) && !t.IsAbstract && t != typeof(FellBehindEvent))
            .OrderBy(t => t.Name).ToList();

        Assert.Equal(published, Samples.Select(s => s.Event.GetType()).Distinct().OrderBy(t => t.Name));
        Assert.Equal(published, FeedEventJson.TaggedTypes.OrderBy(t => t.Name));
        Assert.Equal(Enum.GetValues<AnnotationEventKind>(), Samples.Select(s => s.Event).OfType<AnnotationEvent>().Select(e => e.Kind).Distinct().Order());
    }

    [Fact]
    public void The_samples_of_each_type_set_every_field_so_that_a_field_lost_on_the_way_shows()
    {
        foreach (var type in Samples.GroupBy(s => s.Event.GetType()))
        {
            // A field may be at its default in one sample (the first value of an enum) as long as another sample of the type sets it.
            var unsetInAll = type.Select(s => Unset(s.Event, type.Key.Name).ToHashSet()).Aggregate((left, right) => left.Intersect(right).ToHashSet());
            Assert.True(unsetInAll.Count == 0, $"Fields no sample of {type.Key.Name} sets: {string.Join(", ", unsetInAll)}.");
        }
    }

    [RedisFact]
    public async Task Every_event_published_on_one_instance_arrives_on_the_other_with_equal_content_in_order()
    {
        await using var instances = new TwoInstances(redis);
        var arrived = new ConcurrentQueue<FeedEvent>();
        using var subscription = instances.B.Services.GetRequiredService<IAnnotationFeed>().SubscribeAll(feedEvent =>
        {
            arrived.Enqueue(feedEvent);
            return Task.CompletedTask;
        });
        var feedOnA = instances.A.Services.GetRequiredService<IAnnotationFeed>();

        foreach (var (_, sample) in Samples) await feedOnA.PublishAsync(sample);

        var until = DateTime.UtcNow + LiveReadingPages.Timeout;
        while (arrived.Count < Samples.Count && DateTime.UtcNow < until) await Task.Delay(20);
        var received = arrived.ToList();
        Assert.Equal(Samples.Count, received.Count);
        for (var i = 0; i < Samples.Count; i++)
        {
            Assert.IsType(Samples[i].Event.GetType(), received[i]);
            Assert.NotSame(Samples[i].Event, received[i]);
            Assert.Equivalent(Samples[i].Event, received[i], strict: true);
        }
    }

    private static AnnotationView Annotation() => new(
        Id: Guid.Parse("0b6f1a52-5c1e-4b8e-9b0e-2a4f8e1d7c31"), DocumentId: Document, ParentId: Guid.Parse("1c2d3e4f-0000-4000-8000-000000000001"),
        ThreadId: Guid.Parse("1c2d3e4f-0000-4000-8000-000000000002"), AuthorId: "author-1", AuthorName: "Rosa", Motivation: Motivations.Questioning,
        Visibility: Visibility.Group, Body: "Is this **still** true today?", Tags: ["question", "history"],
        Quote: new TextQuoteSelector("A spectre is haunting Europe", "the slogan \"", "\" Marx"), Position: new TextPositionSelector(12, 40),
        DocumentRevision: 4, Created: Created, Modified: Created.AddMinutes(5), Version: 2,
        Access: new VisibilityFacts("author-1", Visibility.Group, 3, "student-1"))
    {
        Orphan = true,
        OriginalExact = "A spectre haunts Europe",
        ResolvedAt = Created.AddHours(1),
        Exemplary = true,
        AttributedTo = "acct:rosa@hypothes.is",
        AuthorRole = SeminarRole.Teacher,
        AddresseeName = "Karl",
        AnsweredAt = Created.AddHours(2),
        Answer = new AnswerMark(Guid.Parse("1c2d3e4f-0000-4000-8000-000000000003"), new VisibilityFacts("author-1", Visibility.Teachers, 3, "student-2")),
        VisibleAnswerId = Guid.Parse("1c2d3e4f-0000-4000-8000-000000000003"),
        Reactions = [new Reactor(ReactionKinds.Upvote, "student-1", "Karl"), new Reactor(ReactionKinds.SameQuestion, "student-2", "Clara")],
        MyReactions = [ReactionKinds.SameQuestion],
    };

    private static AnnotationView Reply(string motivation) => Annotation() with { Id = Guid.NewGuid(), Motivation = motivation, Body = $"A {motivation} answer." };

    /// <summary>The settable fields of <paramref name="value"/> (nested ones and list items included) left null or at their default.</summary>
    private static IEnumerable<string> Unset(object value, string path)
    {
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null))
        {
            var field = property.GetValue(value);
            var where = $"{path}.{property.Name}";
            if (field is null || (field.GetType().IsValueType && field.Equals(Activator.CreateInstance(field.GetType()))))
            {
                yield return where;
                continue;
            }
            var nested = field is IEnumerable items and not string ? items.Cast<object>() : [field];
            foreach (var item in nested.Where(n => n.GetType().Namespace?.StartsWith("Annotate", StringComparison.Ordinal) == true))
                foreach (var unset in Unset(item, field is IEnumerable and not string ? $"{where}[]" : where))
                    yield return unset;
        }
    }
}
