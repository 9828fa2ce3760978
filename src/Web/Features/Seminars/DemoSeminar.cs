using Annotate.Data;
using Annotate.Data.Entities;
using Annotate.Shared;
using Annotate.Shared.TextImport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Annotate.Web.Features.Seminars;

/// <summary>
/// The seminar a fresh installation starts with: the sample article, every new account as a student,
/// the first account as its teacher. Off with Demo:Enabled=false.
/// </summary>
internal sealed class DemoSeminar(IDbContextFactory<AnnotateDb> dbFactory, IOptions<DemoOptions> options, TimeProvider clock)
{
    public const string Name = "Demo seminar";
    public const string ArticleTitle = "Proletarian Internationalism in the Communist Manifesto";
    private const string ArticleFile = "proletarian-internationalism.txt";

    public async Task EnsureCreatedAsync()
    {
        if (!options.Value.Enabled) return;
        await using var db = await dbFactory.CreateDbContextAsync();
        // Only an empty database gets the demo; a teacher who deleted it should not see it come back.
        if (await db.Seminars.AnyAsync()) return;

        var now = clock.GetUtcNow();
        // Copied next to the app at build time, so it is found whatever the working directory.
        var raw = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Content", ArticleFile));
        var seminar = new Seminar { Name = Name, JoinCode = SeminarService.NewJoinCode(), CreatedAt = now };
        var document = new Document
        {
            Title = ArticleTitle,
            Text = PlainTextReflow.Reflow(raw),
            Revision = 1,
            CreatedAt = now,
            ModifiedAt = now,
        };
        seminar.Documents.Add(document);
        db.Seminars.Add(seminar);
        db.DocumentRevisions.Add(DocumentRevision.FirstOf(document, authorId: null));
        await db.SaveChangesAsync();
    }

    /// <summary>A new account joins the demo seminar; the first one becomes its teacher.</summary>
    public async Task EnrollAsync(string userId)
    {
        if (!options.Value.Enabled) return;
        await using var db = await dbFactory.CreateDbContextAsync();
        var seminar = await db.Seminars.Where(s => s.Name == Name).OrderBy(s => s.Id).FirstOrDefaultAsync();
        if (seminar is null) return;
        if (await db.Memberships.AnyAsync(m => m.SeminarId == seminar.Id && m.UserId == userId)) return;
        var hasTeacher = await db.Memberships.AnyAsync(m => m.SeminarId == seminar.Id && m.Role == SeminarRole.Teacher);
        db.Memberships.Add(new Membership
        {
            SeminarId = seminar.Id,
            UserId = userId,
            Role = hasTeacher ? SeminarRole.Student : SeminarRole.Teacher,
            JoinedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync();
    }
}
