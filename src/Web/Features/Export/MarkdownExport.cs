using System.Text;
using Annotate.Shared;
using Annotate.Shared.W3c;
using Annotate.Web.Features.Annotations;
using static Annotate.Web.Resources.Words;

namespace Annotate.Web.Features.Export;

/// <summary>
/// Writes an export as a Markdown document to read or hand in: the title and what the export
/// contains, then the discussion in document order under a heading per paragraph (¶ numbers as on the
/// reading page), each passage quoted, each thread a list whose replies nest under what they answer,
/// and the orphaned threads last. Comments are Markdown already and go in as written, except that nothing
/// in them loads by itself in a viewer (<see cref="InertMarkdown"/>: images become links, raw HTML text);
/// everything else (quotes, names, tags, the title) is escaped so that it reads as text.
/// </summary>
public static class MarkdownExport
{
    private const int FlushThreshold = 16 * 1024;

    public static async Task WriteAsync(ExportContent content, Stream output, CancellationToken cancellationToken = default)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: FlushThreshold, leaveOpen: true);
        var text = new StringBuilder();
        WriteHeader(text, content);

        string? section = null;
        foreach (var thread in content.Threads)
        {
            var place = ExportText.Place(thread);
            if (place != section)
            {
                section = place;
                text.Append("## ").Append(thread.Root.Orphan ? L["Export.OrphanedThreads"] : thread.ParagraphNumber is null ? L["Export.InAHeading"] : place).Append("\n\n");
                if (thread.Root.Orphan)
                    text.Append(L["Export.OrphansExplained", content.Revision]).Append("\n\n");
            }
            WriteThread(text, thread);
            if (text.Length >= FlushThreshold)
            {
                await writer.WriteAsync(text, cancellationToken);
                text.Clear();
            }
        }
        await writer.WriteAsync(text, cancellationToken);
        await writer.FlushAsync(cancellationToken);
    }

    private static void WriteHeader(StringBuilder text, ExportContent content)
    {
        var annotations = content.Threads.Sum(t => 1 + t.Replies.Count);
        text.Append("# ").Append(Escape(content.Title)).Append("\n\n");
        text.Append(L["Export.MarkdownByline", Escape(content.SeminarName), content.Revision, Escape(content.ReaderName), ExportText.Time(content.GeneratedAt)]).Append("\n\n");
        text.Append("**").Append(L["Export.Contains"]).Append("** ").Append(Escape(content.FilterDescription)).Append(' ')
            .Append(content.Threads.Count == 1 ? L["Export.ThreadsOne", 1] : L["Export.ThreadsMany", content.Threads.Count]).Append(", ")
            .Append(annotations == 1 ? L["Export.AnnotationsOne", 1] : L["Export.AnnotationsMany", annotations]).Append(".\n\n");
        if (content.Threads.Count == 0) text.Append(L["Export.NothingMatches"]).Append('\n');
    }

    private static void WriteThread(StringBuilder text, ExportThread thread)
    {
        var root = thread.Root;
        foreach (var line in (root.Quote?.Exact ?? "").Split('\n'))
            text.Append(line.Length == 0 ? ">" : "> " + Escape(line)).Append('\n');
        if (root.OriginalExact is { } original)
            text.Append("\n*").Append(L["Export.PassageEdited"]).Append("* “").Append(Escape(original.ReplaceLineEndings(" "))).Append("”\n");
        text.Append('\n');

        WriteAnnotation(text, root, depth: 0);
        // Replies nest under what they answer; one whose parent is not in the export nests under the thread.
        var ids = thread.Replies.Select(r => r.Id).ToHashSet();
        var children = thread.Replies.ToLookup(r => r.ParentId is { } parent && ids.Contains(parent) ? parent : root.Id);
        WriteReplies(text, children, root.Id, depth: 1);
    }

    private static void WriteReplies(StringBuilder text, ILookup<Guid, AnnotationView> children, Guid parent, int depth)
    {
        foreach (var reply in children[parent])
        {
            WriteAnnotation(text, reply, depth);
            WriteReplies(text, children, reply.Id, depth + 1);
        }
    }

    /// <summary>A list item: who, what and when on its line, the comment indented beneath it.</summary>
    private static void WriteAnnotation(StringBuilder text, AnnotationView annotation, int depth)
    {
        var indent = new string(' ', depth * 2);
        text.Append(indent).Append("- **").Append(Escape(ExportText.Author(annotation))).Append("** · ").Append(Kind(annotation.Motivation));
        if (!annotation.IsReply) text.Append(" · ").Append(VisibilityWord(annotation.Visibility));
        text.Append(" · ").Append(ExportText.Time(annotation.Created));
        if (annotation.Tags.Count > 0) text.Append(" · ").Append(L["Export.TagsList", string.Join(", ", annotation.Tags.Select(Escape))]);
        if (annotation.ResolvedAt is not null) text.Append(" · ").Append(L["Export.FlagResolved"]);
        if (annotation.Exemplary) text.Append(" · ").Append(L["Export.FlagExemplary"]);
        text.Append('\n');

        if (annotation.ByDeletedAccount)
            text.Append('\n').Append(indent).Append("  *").Append(AnnotationService.DeletedBodyText).Append("*\n");
        else if (annotation.Body.Trim().Length > 0)
        {
            text.Append('\n');
            foreach (var line in InertMarkdown.Of(annotation.Body.ReplaceLineEndings("\n")).Split('\n'))
                text.Append(line.Length == 0 ? "" : indent + "  " + line).Append('\n');
        }
        text.Append('\n');
    }

    private static string Kind(string motivation) => motivation switch
    {
        Motivations.Commenting => L["Export.KindComment"],
        Motivations.Highlighting => L["Export.KindHighlight"],
        Motivations.Questioning => L["Export.KindQuestion"],
        Motivations.Replying => L["Export.KindReply"],
        Motivations.Assessing => L["Export.KindFeedback"],
        _ => motivation,
    };

    private static string VisibilityWord(Visibility visibility) => visibility switch
    {
        Visibility.Private => L["Export.VisibilityPrivate"],
        Visibility.Teachers => L["Export.VisibilityTeachers"],
        Visibility.Seminar => L["Export.VisibilitySeminar"],
        _ => visibility.ToName(),
    };

    /// <summary>
    /// Text that must read as itself: inline markup characters get a backslash, and so does anything at
    /// the start that would open a heading, quote, list or rule.
    /// </summary>
    internal static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '~' or '&') escaped.Append('\\');
            escaped.Append(c);
        }
        var start = 0;
        while (start < escaped.Length && escaped[start] == ' ') start++;
        if (start < escaped.Length && escaped[start] is '#' or '-' or '+' or '=' or '>')
            escaped.Insert(start, '\\');
        else
        {
            // "1. " or "1) " would start a numbered list.
            var end = start;
            while (end < escaped.Length && char.IsAsciiDigit(escaped[end])) end++;
            if (end > start && end < escaped.Length && escaped[end] is '.' or ')') escaped.Insert(end, '\\');
        }
        return escaped.ToString();
    }
}
