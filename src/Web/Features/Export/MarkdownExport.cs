using System.Text;
using Annotate.Shared;
using Annotate.Shared.W3c;
using Annotate.Web.Features.Annotations;

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
                text.Append("## ").Append(place == "Orphaned" ? "Orphaned threads" : place == "Heading" ? "In a heading" : place).Append("\n\n");
                if (thread.Root.Orphan)
                    text.Append($"These passages are no longer in the text of revision {content.Revision}; each shows the words it was written on.\n\n");
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
        text.Append(Escape(content.SeminarName)).Append(" · revision ").Append(content.Revision)
            .Append(" · exported for ").Append(Escape(content.ReaderName)).Append(" on ").Append(ExportText.Time(content.GeneratedAt)).Append("\n\n");
        text.Append("**Contains:** ").Append(Escape(content.FilterDescription)).Append(' ')
            .Append(Count(content.Threads.Count, "thread")).Append(", ").Append(Count(annotations, "annotation")).Append(".\n\n");
        if (content.Threads.Count == 0) text.Append("Nothing here matches this export's filters.\n");
    }

    private static void WriteThread(StringBuilder text, ExportThread thread)
    {
        var root = thread.Root;
        foreach (var line in (root.Quote?.Exact ?? "").Split('\n'))
            text.Append(line.Length == 0 ? ">" : "> " + Escape(line)).Append('\n');
        if (root.OriginalExact is { } original)
            text.Append("\n*The passage was edited; it was written on:* “").Append(Escape(original.ReplaceLineEndings(" "))).Append("”\n");
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
        if (!annotation.IsReply) text.Append(" · ").Append(annotation.Visibility.ToName());
        text.Append(" · ").Append(ExportText.Time(annotation.Created));
        if (annotation.Tags.Count > 0) text.Append(" · tags: ").Append(string.Join(", ", annotation.Tags.Select(Escape)));
        if (annotation.ResolvedAt is not null) text.Append(" · resolved");
        if (annotation.Exemplary) text.Append(" · exemplary");
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
        Motivations.Commenting => "comment",
        Motivations.Highlighting => "highlight",
        Motivations.Questioning => "question",
        Motivations.Replying => "reply",
        Motivations.Assessing => "feedback",
        _ => motivation,
    };

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

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
