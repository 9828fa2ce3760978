using Annotate.Web.Features;
using System.Net;
using Annotate.Data;
using Annotate.Data.Entities;
using Annotate.Shared;
using Annotate.Shared.Anchoring;
using Annotate.Shared.W3c;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Features.Documents;
using Annotate.Web.Features.Seminars;
using Annotate.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Annotate.Web.Tests;

/// <summary>
/// Group commit (<see cref="AnnotationWriter"/>): new annotations that queued up while the database was busy
/// are committed together, and each caller still gets its own answer. Here the database is held busy by a
/// write transaction of the test's own, so that the inserts queue up behind it and are written as one group
/// once it ends; what that transaction does (delete a seminar) is what the group then meets.
/// </summary>
[EngineSpecific]
public sealed class AnnotationWriterTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private IDbContextFactory<AnnotateDb> Factory => app.Services.GetRequiredService<IDbContextFactory<AnnotateDb>>();

    [Fact]
    public async Task A_refused_insert_in_a_group_fails_alone_and_the_rest_are_stored_once()
    {
        var room = await app.CreateClassroomAsync();
        var writer = app.Services.GetRequiredService<AnnotationWriter>();
        var good = Enumerable.Range(0, 12).Select(_ => Thread(room.DocumentId, room.StudentA.Id)).ToList();
        var noDocument = Thread(int.MaxValue, room.StudentA.Id);
        var noParent = Thread(room.DocumentId, room.StudentA.Id);
        noParent.ParentId = noParent.ThreadId = Guid.NewGuid();

        Task<int>[] inserts;
        await using (var busy = await HoldWriteLockAsync())
        {
            inserts = [.. good.Take(6).Select(a => writer.InsertAsync(a)), writer.InsertAsync(noDocument), writer.InsertAsync(noParent), .. good.Skip(6).Select(a => writer.InsertAsync(a))];
            await Task.Delay(300);
            Assert.All(inserts, insert => Assert.False(insert.IsCompleted));
            await busy.Transaction.RollbackAsync();
        }

        await Assert.ThrowsAsync<DbUpdateException>(() => inserts[6]);
        await Assert.ThrowsAsync<DbUpdateException>(() => inserts[7]);
        foreach (var insert in inserts.Take(6).Concat(inserts.Skip(8))) Assert.Equal(1, await insert);
        await using var db = await Factory.CreateDbContextAsync();
        var ids = good.Select(a => a.Id).Append(noDocument.Id).Append(noParent.Id).ToList();
        var stored = await db.Annotations.Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync();
        Assert.Equal(good.Select(a => a.Id).Order(), stored.Order());
    }

    [Fact]
    public async Task Posts_to_a_document_deleted_while_they_wait_for_the_group_are_not_found_and_the_others_in_it_are_stored()
    {
        var doomed = await app.CreateClassroomAsync();
        var other = await app.CreateClassroomAsync();
        var service = app.Services.GetRequiredService<AnnotationService>();
        var access = app.Services.GetRequiredService<ReaderAccess>();
        var onDoomed = (await access.ForDocumentAsync(doomed.StudentA.Id, doomed.DocumentId))!;
        var onOther = (await access.ForDocumentAsync(other.StudentB.Id, other.DocumentId))!;
        var thread = (await service.CreateAsync(onDoomed, Draft())).Value!;

        Task<ServiceResult<AnnotationView>>[] posts;
        await using (var busy = await HoldWriteLockAsync())
        {
            posts =
            [
                service.CreateAsync(onDoomed, Draft()), service.CreateAsync(onOther, Draft()),
                service.CreateAsync(onDoomed, new AnnotationDraft(Motivations.Replying, null, "A reply.", [], ReplyTo: thread.Id)),
                service.CreateAsync(onOther, Draft()),
            ];
            await Task.Delay(500);
            Assert.All(posts, post => Assert.False(post.IsCompleted));
            await SeminarDeletion.DeleteAsync(busy.Db, [doomed.SeminarId]);
            await busy.Transaction.CommitAsync();
        }

        var results = await Task.WhenAll(posts);
        Assert.Equal((Failure.NotFound, ReaderAccess.NoSuchDocument), (results[0].Problem?.Failure, results[0].Message));
        Assert.Equal(Failure.NotFound, results[2].Problem?.Failure);
        Assert.True(results[1].Value is not null && results[3].Value is not null);
        await using var db = await Factory.CreateDbContextAsync();
        Assert.False(await db.Annotations.AnyAsync(a => a.DocumentId == doomed.DocumentId));
        Assert.Equal(2, await db.Annotations.CountAsync(a => a.DocumentId == other.DocumentId));
    }

    [Fact]
    public async Task A_removed_members_post_is_not_found_and_stores_nothing()
    {
        var room = await app.CreateClassroomAsync();
        await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "Before."));

        (await room.Teacher.Http.DeleteAsync($"/api/seminars/{room.SeminarId}/members/{room.StudentA.Id}")).EnsureSuccessStatusCode();
        var after = await room.StudentA.PostAnnotationAsync(room.DocumentId, room.Comment("class struggles", "After."));

        await after.ProblemDetailAsync(HttpStatusCode.NotFound);
        await using var db = await Factory.CreateDbContextAsync();
        Assert.Equal(["Before."], await db.Annotations.Where(a => a.DocumentId == room.DocumentId).Select(a => a.Body).ToListAsync());
    }

    [SqliteOnlyFact]
    public async Task A_created_answer_means_the_annotation_is_committed_with_a_full_sync_to_the_write_ahead_log()
    {
        var room = await app.CreateClassroomAsync();
        var created = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "Durable."));

        await using var db = await Factory.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        // WAL with synchronous=FULL syncs the log at every commit: a power cut after the answer loses nothing.
        // (NORMAL would be enough for a process crash, bench/crash-writes.sh, but not for the machine's.)
        Assert.Equal("wal", await Pragma(db, "journal_mode"));
        Assert.Equal("2", await Pragma(db, "synchronous"));
        // A connection of its own, outside the app's pool, sees the row: it is committed, not held in a cache.
        await using var fresh = new SqliteConnection(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false }.ToString());
        await fresh.OpenAsync();
        await using var query = fresh.CreateCommand();
        query.CommandText = "SELECT Body FROM Annotations WHERE Id = $id";
        query.Parameters.AddWithValue("$id", Guid.Parse(created.Iri().Split('/')[^1]).ToString().ToUpperInvariant());
        Assert.Equal("Durable.", await query.ExecuteScalarAsync());
    }

    private static async Task<string?> Pragma(AnnotateDb db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return (await command.ExecuteScalarAsync())?.ToString();
    }

    /// <summary>A write transaction of the test's own: until it ends, the writer's commit waits for the database.</summary>
    private async Task<Busy> HoldWriteLockAsync()
    {
        var db = await Factory.CreateDbContextAsync();
        // The write lock is taken now (SQLite: BEGIN IMMEDIATE; PostgreSQL: the shared advisory lock): the tests check that inserts wait.
        return new Busy(db, await db.Database.BeginWriteTransactionAsync());
    }

    private sealed record Busy(AnnotateDb Db, IDbContextTransaction Transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Transaction.DisposeAsync();
            await Db.DisposeAsync();
        }
    }

    private static AnnotationDraft Draft() =>
        new(Motivations.Commenting, Visibility.Seminar, "In a group.", [], new TextQuoteSelector("class struggles"));

    private static Annotation Thread(int documentId, string authorId)
    {
        var now = DateTimeOffset.UtcNow;
        return new Annotation
        {
            Id = Guid.NewGuid(), DocumentId = documentId, AuthorId = authorId, Motivation = Motivations.Commenting, Body = "x",
            Exact = "class struggles", Prefix = "", Suffix = "", Start = 0, End = 15, DocumentRevision = 1, Created = now, Modified = now,
        };
    }
}
