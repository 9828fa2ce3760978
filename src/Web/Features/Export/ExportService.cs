using System.Globalization;
using Annotate.Shared.Text;
using Annotate.Web.Components.Reading;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Features.Documents;
using Annotate.Web.Features.Seminars;
using Annotate.Web.Resources;
using static Annotate.Web.Resources.Words;

namespace Annotate.Web.Features.Export;

/// <summary>
/// Gathers what one export holds (<see cref="ExportContent"/>): the reader's access to the document,
/// then what the visibility rule lets them see (<see cref="AnnotationService.ListVisibleAsync"/>), then
/// the filters, which only ever narrow that. Every format writes from the result and reads nothing else.
/// </summary>
internal sealed class ExportService(ReaderAccess access, AnnotationService annotations, DocumentService documents, MembershipService memberships, TimeProvider clock)
{
    public async Task<ServiceResult<ExportContent>> BuildAsync(string userId, int documentId, ExportFilter filter, CancellationToken cancellationToken = default)
    {
        if (await access.ForDocumentAsync(userId, documentId, cancellationToken) is not { } reader
            || await documents.GetAsync(documentId) is not { } document)
            return ServiceProblem.NotFound(ReaderAccess.NoSuchDocument);

        var members = (await memberships.ListMembersAsync(userId, reader.SeminarId)).Value ?? [];
        string? personName = null;
        if (filter.StudentId is { } studentId)
        {
            // A student may name only themselves; what anyone gets is still only what they may see.
            if (!reader.Viewer.IsTeacher && studentId != userId)
                return ServiceProblem.Invalid(Words.Text("Problem.ExportOneStudent"));
            personName = members.FirstOrDefault(m => m.UserId == studentId)?.DisplayName;
            if (personName is null) return ServiceProblem.Invalid(Words.Text("Problem.ExportNoStudent"));
        }
        string? groupName = null;
        HashSet<string>? groupMembers = null;
        if (filter.GroupId is { } groupId)
        {
            var groups = (await memberships.ListGroupsAsync(userId, reader.SeminarId)).Value ?? [];
            groupName = groups.FirstOrDefault(g => g.Id == groupId)?.Name;
            if (groupName is null) return ServiceProblem.Invalid(Words.Text("Problem.ExportNoGroup"));
            groupMembers = members.Where(m => m.GroupId == groupId).Select(m => m.UserId).ToHashSet();
        }

        var visible = await annotations.ListVisibleAsync(reader, cancellationToken);
        var person = filter.PersonFor(userId);
        var threads = Arrange(document.Text, visible)
            .Where(t => Matches(t, filter, person, groupMembers))
            .ToList();
        var readerName = members.FirstOrDefault(m => m.UserId == userId)?.DisplayName ?? "";
        return new ExportContent(document.Id, document.Title, document.SeminarName, document.Revision, document.Text,
            readerName, Describe(filter, personName, groupName), clock.GetUtcNow(), threads, document.Language);
    }

    /// <summary>
    /// Threads as the reading page lists them: placed on the text the way it places them (so ¶ numbers and
    /// orphans agree with what the reader saw), in document order, then the orphans; replies oldest first.
    /// A thread that cannot be placed on the current text is an orphan here, as it is on the page.
    /// </summary>
    internal static List<ExportThread> Arrange(string text, IReadOnlyList<AnnotationView> visible)
    {
        var blocks = TextBlocks.Parse(text);
        var roots = visible.Where(a => !a.IsReply).ToList();
        var spans = HighlightLayout.Place(text, roots).ToDictionary(p => p.Thread.Id, p => p.Span);
        var replies = visible.Where(a => a.IsReply).ToLookup(a => a.ThreadRootId);

        return roots
            .Select(root => (Root: root, Span: spans.GetValueOrDefault(root.Id)))
            .OrderBy(t => t.Span is null ? 1 : 0).ThenBy(t => t.Span?.Start ?? 0).ThenBy(t => t.Root.Created).ThenBy(t => t.Root.Id)
            .Select(t => new ExportThread(
                t.Span is null ? t.Root with { Orphan = true } : t.Root,
                replies[t.Root.Id].OrderBy(r => r.Created).ThenBy(r => r.Id).ToList(),
                t.Span is { } span ? TextBlocks.ParagraphAt(blocks, span.Start) : null))
            .ToList();
    }

    private static bool Matches(ExportThread thread, ExportFilter filter, string? person, HashSet<string>? groupMembers)
    {
        var root = thread.Root;
        if (groupMembers is not null && (root.AuthorId is null || !groupMembers.Contains(root.AuthorId))) return false;
        if (filter.Tag is { } tag && !root.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase)) return false;
        // With a person chosen, their own annotations in the thread are what count, for the dates too; and
        // feedback addressed to them belongs in their export (it is their feedback report).
        var counted = person is null ? [root]
            : thread.Replies.Prepend(root).Where(a => a.AuthorId == person || a.AddresseeId == person).ToList();
        return counted.Any(a => InRange(a.Created, filter));
    }

    private static bool InRange(DateTimeOffset created, ExportFilter filter) =>
        (filter.From is not { } from || created >= new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))
        && (filter.To is not { } to || created < new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

    /// <summary>What the export contains, in a sentence, for the top of the readable formats.</summary>
    internal static string Describe(ExportFilter filter, string? personName, string? groupName)
    {
        var parts = new List<string>
        {
            filter.OnlyMine ? L["Export.DescribeMine"]
                : personName is not null ? L["Export.DescribeReport", personName]
                : L["Export.DescribeEverything"],
        };
        if (groupName is not null) parts.Add(L["Export.DescribeGroup", groupName]);
        if (filter.Tag is { } tag) parts.Add(L["Export.DescribeTag", tag]);
        if (filter.From is not null || filter.To is not null)
        {
            string what = filter.OnlyMine ? L["Export.DescribeYouWrote"] : personName is not null ? L["Export.DescribeTheyWrote"] : L["Export.DescribeStarted"];
            string when = (filter.From, filter.To) switch
            {
                ({ } from, { } to) when from == to => L["Export.DescribeOn", Day(from)],
                ({ } from, { } to) => L["Export.DescribeBetween", Day(from), Day(to)],
                ({ } from, null) => L["Export.DescribeAfter", Day(from)],
                (null, { } to) => L["Export.DescribeBefore", Day(to)],
                _ => "",
            };
            parts.Add(L["Export.DescribeWhen", what, when]);
        }
        return string.Join(", ", parts) + ".";

        static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
