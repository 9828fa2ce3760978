using Annotate.Data;
using Annotate.Data.Entities;
using Annotate.Shared;
using Annotate.Shared.W3c;
using Annotate.Shared.Text;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Features.Documents;
using Annotate.Web.Features.Overview;
using Annotate.Web.Features.Search;
using System.Runtime.CompilerServices;
using Annotate.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Annotate.Web.Tests;

/// <summary>
/// The visibility filter the database runs (<see cref="VisibilityFilter"/>) keeps exactly what
/// <see cref="VisibilityRule"/> keeps. A generated matrix of stored annotations — threads by students in
/// either group or none, a teacher, a former member and deleted accounts (with and without the group they
/// left), at every visibility, with or without an addressee, each with replies at every visibility (so
/// threads narrowed and widened after their replies are there too) — is read by every kind of viewer
/// (teachers, students in a group or none, each also as still to post first, a non-member, nobody), once
/// filtered in SQL and once unfiltered and then asked of the rule. The two sets must be equal.
/// </summary>
[EngineSpecific]
public sealed class VisibilityFilterEquivalenceTests(AnnotateApp app, ITestOutputHelper output) : IClassFixture<AnnotateApp>
{
    private static readonly Visibility[] Visibilities = Enum.GetValues<Visibility>();

    [Fact]
    public async Task Filter_in_SQL_gives_the_rules_set_for_every_viewer()
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<AnnotateDb>>();
        var scene = await CreateSceneAsync(factory);

        await using var db = await factory.CreateDbContextAsync();
        var onDocument = db.Annotations.Where(a => a.DocumentId == scene.DocumentId);
        var all = await AnnotationViews.LoadAsync(db, onDocument);
        Assert.Equal(scene.Count, all.Count);
        // Imported orphans are in the matrix, read as orphans (never placed), with replies.
        var orphans = all.Where(v => v.NeverPlaced).ToList();
        Assert.Equal(all.Count(v => !v.IsReply) / 3, orphans.Count);
        Assert.All(all.Where(v => !v.IsReply && v.Position is not null), v => Assert.False(v.Orphan));
        Assert.Contains(all, v => v.IsReply && orphans.Any(o => o.Id == v.ThreadId));

        var cells = 0;
        foreach (var (name, viewer) in scene.Viewers)
        {
            var byRule = all.Where(v => VisibilityRule.CanSee(viewer, v.Access)).Select(v => v.Id).ToHashSet();
            var bySql = (await AnnotationViews.LoadAsync(db, onDocument, viewer)).Select(v => v.Id).ToList();

            Assert.Equal(bySql.Count, bySql.Distinct().Count());
            var shownWrongly = bySql.Where(id => !byRule.Contains(id)).Select(id => Describe(all, id)).ToList();
            var hiddenWrongly = byRule.Where(id => !bySql.Contains(id)).Select(id => Describe(all, id)).ToList();
            Assert.True(shownWrongly.Count == 0 && hiddenWrongly.Count == 0,
                $"{name}: shown though the rule hides them: [{string.Join("; ", shownWrongly)}]; hidden though the rule shows them: [{string.Join("; ", hiddenWrongly)}]");
            output.WriteLine($"{name,-34} sees {byRule.Count,4} of {all.Count}");
            cells += all.Count;
        }
        output.WriteLine($"{cells:N0} cells (annotation × viewer) agree.");

        // The matrix means something: every member sees some and misses some; outsiders see nothing.
        foreach (var (name, viewer) in scene.Viewers)
        {
            var seen = all.Count(v => VisibilityRule.CanSee(viewer, v.Access));
            if (viewer.IsMember) Assert.InRange(seen, 1, all.Count - 1);
            else Assert.Equal(0, seen);
        }
    }

    [Fact]
    public async Task Search_finds_what_the_rule_shows_and_matches_for_every_viewer()
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<AnnotateDb>>();
        var search = app.Services.GetRequiredService<DiscussionSearch>();
        var scene = await CreateSceneAsync(factory);
        await using var db = await factory.CreateDbContextAsync();
        var all = await AnnotationViews.LoadAsync(db, db.Annotations.Where(a => a.DocumentId == scene.DocumentId));
        var someone = all.First(v => v.AuthorId is not null).AuthorId;
        DiscussionSearch.Terms[] searches =
        [
            new("walrus", null, null), new("class struggles", null, null), new("OTTER", "seen", null), new(null, "seen", null),
            new(null, null, someone), new("walrus", null, someone), new("nowhere", null, null),
        ];

        foreach (var (name, viewer) in scene.Viewers)
        foreach (var terms in searches)
        {
            var expected = all.Where(v => VisibilityRule.CanSee(viewer, v.Access) && AnnotationSearch.Matches(v, terms.Words)
                    && (terms.Tag is null || v.Tags.Contains(terms.Tag)) && (terms.CreatorId is null || v.AuthorId == terms.CreatorId))
                .Select(v => v.Id).Order().ToList();
            var found = (await search.FindAsync(scene.Reader(viewer), terms)).Select(v => v.Id).Order().ToList();
            Assert.True(expected.SequenceEqual(found), $"{name}, {terms}: expected {expected.Count}, found {found.Count}");
        }
    }

    /// <summary>
    /// Search counts and pages words and quotes by the index's rows (the SearchAudienceFacts migration) without asking the
    /// rule: the condition it puts on them must keep exactly what the rule shows, for every viewer, on a document where
    /// they still have to post first as on one where they do not.
    /// </summary>
    [SqliteOnlyFact]
    public async Task Search_indexes_rows_keep_exactly_what_the_rule_shows_for_every_viewer()
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<AnnotateDb>>();
        var scene = await CreateSceneAsync(factory);
        await using var db = await factory.CreateDbContextAsync();
        var all = await AnnotationViews.LoadAsync(db, db.Annotations.Where(a => a.DocumentId == scene.DocumentId));

        foreach (var (name, viewer) in scene.Viewers)
        {
            var byRule = all.Where(v => VisibilityRule.CanSee(viewer, v.Access)).Select(v => v.Id).ToHashSet();
            // A viewer still to post first is that on this document only; the other document's condition must not leak into it.
            int[] awaiting = viewer.AwaitingOwnPost ? [scene.DocumentId] : [scene.DocumentId + 1000];
            var sql = $"""
                SELECT r."AnnotationId" AS "Value" FROM "AnnotationSearchRows" r
                WHERE r."DocumentId" = {scene.DocumentId} AND ({SearchIndex.VisibleTo(viewer with { AwaitingOwnPost = false }, scene.SeminarId, awaiting)})
                """;
            var byIndex = await db.Database.SqlQuery<Guid>(FormattableStringFactory.Create(sql, 0, viewer.UserId ?? "")).ToListAsync();

            var shownWrongly = byIndex.Where(id => !byRule.Contains(id)).Select(id => Describe(all, id)).ToList();
            var hiddenWrongly = byRule.Where(id => !byIndex.Contains(id)).Select(id => Describe(all, id)).ToList();
            Assert.True(shownWrongly.Count == 0 && hiddenWrongly.Count == 0,
                $"{name}: shown though the rule hides them: [{string.Join("; ", shownWrongly)}]; hidden though the rule shows them: [{string.Join("; ", hiddenWrongly)}]");
            output.WriteLine($"{name,-34} sees {byIndex.Count,4} of {all.Count} by the index's rows");
        }
    }

    [Fact]
    public async Task Participation_overview_counts_what_the_teachers_full_read_shows()
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<AnnotateDb>>();
        var scene = await CreateSceneAsync(factory);
        var (teacherName, teacher) = scene.Viewers[0];
        Assert.StartsWith("teacher", teacherName);
        var seen = await app.Services.GetRequiredService<AnnotationService>().ListVisibleAsync(scene.Reader(teacher));

        var result = await app.Services.GetRequiredService<ParticipationService>().GetAsync(teacher.UserId!, scene.DocumentId);

        Assert.Null(result.Problem);
        var overview = result.Value!;
        Assert.Equal(4, overview.Students.Count);
        var roots = seen.Where(v => !v.IsReply).ToDictionary(v => v.Id);
        foreach (var student in overview.Students)
        {
            var own = seen.Where(v => v.AuthorId == student.UserId).ToList();
            Assert.Equal(own.Count(v => !v.IsReply), student.Annotations);
            Assert.Equal(own.Count(v => v.IsReply), student.Replies);
            Assert.Equal(seen.Count(v => v.AddresseeId == student.UserId && v.IsFeedback), student.FeedbackReceived);
            Assert.Equal(own.Sum(v => WordCounter.Count(v.Body)), student.Words);
            Assert.Equal(own.Count == 0 ? null : own.Min(v => v.Created), student.FirstActivity);
            Assert.Equal(own.Count == 0 ? null : own.Max(v => v.Modified), student.LastActivity);
            var posts = await app.Services.GetRequiredService<ParticipationService>().PostsAsync(teacher.UserId!, scene.DocumentId, student.UserId);
            Assert.Equal(
                own.Select(v => (v.ThreadRootId, roots.GetValueOrDefault(v.ThreadRootId)?.Quote?.Exact ?? "", v.IsReply)).Order(),
                posts.Value!.Select(l => (l.ThreadId, l.Quote, l.IsReply)).Order());
        }
        Assert.Contains(overview.Students, s => s.Annotations > 0 && s.Replies > 0);
    }

    [Fact]
    public async Task Seminar_dashboard_and_confusion_view_count_what_the_teachers_full_read_shows()
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<AnnotateDb>>();
        var scene = await CreateSceneAsync(factory);
        var teacher = scene.Viewers[0].Viewer;
        var seen = await app.Services.GetRequiredService<AnnotationService>().ListVisibleAsync(scene.Reader(teacher));

        var dashboard = (await app.Services.GetRequiredService<SeminarDashboardService>().GetAsync(teacher.UserId!, scene.SeminarId)).Value!;
        Assert.Equal(4, dashboard.Students.Count);
        foreach (var student in dashboard.Students)
        {
            var own = seen.Where(v => v.AuthorId == student.UserId).ToList();
            Assert.Equal(own.Count(v => !v.IsReply), student.Annotations);
            Assert.Equal(own.Count(v => v.IsReply), student.Replies);
            Assert.Equal(seen.Count(v => v.AddresseeId == student.UserId && v.IsFeedback), student.FeedbackReceived);
            Assert.Equal(own.Sum(v => WordCounter.Count(v.Body)), student.Words);
            Assert.Equal(own.Count(v => !v.IsReply && v.Motivation == Motivations.Questioning), student.QuestionsAsked);
            var timeline = (await app.Services.GetRequiredService<SeminarDashboardService>().TimelineAsync(teacher.UserId!, scene.SeminarId, student.UserId)).Value!;
            Assert.Equal(own.Select(v => v.Id).Order(), timeline.Entries.Select(e => e.Id).Order());
        }
        Assert.Equal(seen.Count(v => v.AuthorRole == SeminarRole.Student), dashboard.Groups.Sum(g => g.Annotations + g.Replies));

        var confusion = (await app.Services.GetRequiredService<ConfusionService>().GetAsync(teacher.UserId!, scene.DocumentId)).Value!;
        var unresolved = seen.Where(v => !v.IsReply && !v.IsFeedback).ToList();
        Assert.Equal(unresolved.Count(v => !v.Orphan), Assert.Single(confusion.Paragraphs).UnresolvedThreads);
        Assert.Equal(unresolved.Count(v => v.Orphan), confusion.Unplaced);
        Assert.Equal(unresolved.Where(v => !v.Orphan).Select(v => v.Id).Order(), confusion.Paragraphs[0].Threads.Select(t => t.ThreadId).Order());
    }

    private static string Describe(List<AnnotationView> all, Guid id)
    {
        var v = all.Single(a => a.Id == id);
        return $"{(v.IsReply ? "reply" : "thread")} by {v.AuthorId ?? "deleted"} {v.Visibility} (thread by {v.Access.AuthorId ?? "deleted"}, group {v.Access.AuthorGroupId}, to {v.AddresseeId ?? "-"})";
    }

    private sealed record Scene(int SeminarId, int DocumentId, int Count, List<(string Name, Viewer Viewer)> Viewers)
    {
        public ReaderAccess.DocumentAccess Reader(Viewer viewer) => new(DocumentId, SeminarId, viewer);
    }

    /// <summary>Where a thread is: on its passage, written on an older revision (placed on the current one as it is read), or an imported orphan.</summary>
    private enum Placement { OnPassage, OlderRevision, Orphan }

    private static async Task<Scene> CreateSceneAsync(IDbContextFactory<AnnotateDb> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        var run = Guid.NewGuid().ToString("N")[..8];
        var seminar = new Seminar { Name = "Filter matrix", JoinCode = $"fm{run}" };
        var groupOne = new SeminarGroup { Seminar = seminar, Name = "One" };
        var groupTwo = new SeminarGroup { Seminar = seminar, Name = "Two" };
        var document = new Document { Seminar = seminar, Title = "Text", Text = SampleTexts.Manifesto };
        db.AddRange(seminar, groupOne, groupTwo, document);
        var people = new Dictionary<string, ApplicationUser>();
        foreach (var name in new[] { "t1", "t2", "a", "b", "c", "d", "former" })
            db.Users.Add(people[name] = new ApplicationUser { Id = $"{name}-{run}", UserName = $"{name}-{run}", DisplayName = name });
        void Member(string name, SeminarRole role, SeminarGroup? group) =>
            db.Memberships.Add(new Membership { Seminar = seminar, UserId = people[name].Id, Role = role, Group = group });
        Member("t1", SeminarRole.Teacher, null);
        Member("t2", SeminarRole.Teacher, null);
        Member("a", SeminarRole.Student, groupOne);
        Member("b", SeminarRole.Student, groupOne);
        Member("c", SeminarRole.Student, groupTwo);
        Member("d", SeminarRole.Student, null);
        await db.SaveChangesAsync();

        // Thread authors: living members, a former member, and deleted accounts with and without the group they left.
        (string? Author, int? FormerGroup)[] threadAuthors =
        [
            (people["a"].Id, null), (people["b"].Id, null), (people["c"].Id, null), (people["d"].Id, null),
            (people["t1"].Id, null), (people["former"].Id, null), (null, groupOne.Id), (null, null),
        ];
        string?[] addressees = [null, people["a"].Id, people["c"].Id];
        string[] replyAuthors = [people["a"].Id, people["c"].Id, people["t2"].Id, people["d"].Id];
        var time = DateTimeOffset.UtcNow;
        var annotations = new List<Annotation>();
        Annotation Add(Guid? parent, Guid? thread, string? author, int? formerGroup, Visibility visibility, string? addressee, Placement placement = Placement.OnPassage)
        {
            var n = annotations.Count;
            var annotation = new Annotation
            {
                Id = Guid.NewGuid(), DocumentId = document.Id, ParentId = parent, ThreadId = thread, AuthorId = author,
                FormerAuthorGroupId = formerGroup, Motivation = addressee is null ? "commenting" : "assessing", Visibility = visibility,
                Body = $"{n} {(n % 3 == 0 ? "walrus" : "otter")}", Tags = n % 4 == 0 ? "seen" : "", AddresseeId = addressee,
                DocumentRevision = placement == Placement.OlderRevision ? 0 : 1, Created = time.AddSeconds(n), Modified = time.AddSeconds(n),
                Exact = parent is null ? "class struggles" : null, Prefix = "", Suffix = "",
                // An imported orphan: a thread root with a quote and no position.
                Start = parent is null && placement != Placement.Orphan ? 0 : null, End = parent is null && placement != Placement.Orphan ? 15 : null,
            };
            annotations.Add(annotation);
            return annotation;
        }
        foreach (var (author, formerGroup) in threadAuthors)
        foreach (var visibility in Visibilities)
        foreach (var addressee in addressees)
        foreach (var placement in Enum.GetValues<Placement>())
        {
            var thread = Add(null, null, author, formerGroup, visibility, addressee, placement);
            Annotation? last = null;
            for (var i = 0; i < Visibilities.Length; i++)
                last = Add(last?.Id ?? thread.Id, thread.Id, replyAuthors[i], null, Visibilities[i], addressee);
            // Feedback given in the thread after the fact: addressed to a student although the thread is not.
            if (addressee is null) Add(thread.Id, thread.Id, people["t1"].Id, null, visibility, people["a"].Id);
        }
        db.Annotations.AddRange(annotations);
        await db.SaveChangesAsync();

        var viewers = new List<(string, Viewer)>();
        foreach (var awaiting in new[] { false, true })
        {
            var suffix = awaiting ? " (to post first)" : "";
            viewers.Add(($"teacher t1{suffix}", new Viewer(people["t1"].Id, SeminarRole.Teacher, null, awaiting)));
            viewers.Add(($"teacher t2{suffix}", new Viewer(people["t2"].Id, SeminarRole.Teacher, null, awaiting)));
            viewers.Add(($"student a, group one{suffix}", new Viewer(people["a"].Id, SeminarRole.Student, groupOne.Id, awaiting)));
            viewers.Add(($"student b, group one{suffix}", new Viewer(people["b"].Id, SeminarRole.Student, groupOne.Id, awaiting)));
            viewers.Add(($"student c, group two{suffix}", new Viewer(people["c"].Id, SeminarRole.Student, groupTwo.Id, awaiting)));
            viewers.Add(($"student d, no group{suffix}", new Viewer(people["d"].Id, SeminarRole.Student, null, awaiting)));
        }
        viewers.Add(("former member (not a member)", new Viewer(people["former"].Id, null, null)));
        viewers.Add(("nobody", Viewer.Anonymous));
        return new Scene(seminar.Id, document.Id, annotations.Count, viewers);
    }
}
