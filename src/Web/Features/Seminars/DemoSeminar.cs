using Annotate.Data;
using Annotate.Data.Entities;
using Annotate.Shared;
using Annotate.Shared.Text;
using Annotate.Shared.TextImport;
using Microsoft.Extensions.Options;

namespace Annotate.Web.Features.Seminars;

/// <summary>
/// Each new account's own sample seminar: the sample article to try the app on, the account as its
/// teacher, and no one else until they invite people by its join code. Its own, because one seminar for
/// the whole installation put every account in one room: everyone could list everyone, and the first
/// account taught all the later ones. Off with Demo:Enabled=false. An installation that still has the
/// shared "Demo seminar" of earlier versions keeps it as it is; new accounts no longer join it.
/// </summary>
internal sealed class DemoSeminar(IOptions<DemoOptions> options, TimeProvider clock)
{
    public const string Name = "Sample seminar";
    public const string ArticleTitle = "Proletarian Internationalism in the Communist Manifesto";
    private const string ArticleFile = "proletarian-internationalism.txt";

    // Read and reflowed once: registering stays a few inserts, not a file read and a reflow each time.
    // Copied next to the app at build time, so it is found whatever the working directory.
    private static readonly Lazy<string> ArticleText = new(() =>
        PlainTextReflow.Reflow(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Content", ArticleFile))));

    public bool Enabled => options.Value.Enabled;

    /// <summary>
    /// Adds the sample seminar of <paramref name="userId"/> to <paramref name="db"/> without saving, so
    /// the caller stores it in the same transaction as the account: both or neither.
    /// </summary>
    public void AddFor(AnnotateDb db, string userId)
    {
        var now = clock.GetUtcNow();
        var seminar = new Seminar { Name = Name, JoinCode = SeminarService.NewJoinCode(), CreatedAt = now };
        var document = new Document
        {
            Title = ArticleTitle,
            Text = ArticleText.Value,
            Language = TextLanguage.English,
            Revision = 1,
            CreatedAt = now,
            ModifiedAt = now,
        };
        seminar.Documents.Add(document);
        seminar.Members.Add(new Membership { UserId = userId, Role = SeminarRole.Teacher, JoinedAt = now });
        db.Seminars.Add(seminar);
        db.DocumentRevisions.Add(DocumentRevision.FirstOf(document, authorId: null));
    }
}
