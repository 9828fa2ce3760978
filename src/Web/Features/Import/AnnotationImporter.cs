using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using Annotate.Data;
using Annotate.Shared;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Features.Documents;
using Annotate.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Annotate.Web.Features.Import;

/// <summary>
/// Imports a file of annotations into a document: W3C JSON-LD or Hypothesis API JSON, read by
/// <see cref="ImportFile"/>, placed and checked by <see cref="ImportPlanner"/>, and stored by
/// <see cref="AnnotationService"/> in one transaction. The importer becomes the author of what is
/// stored; the source's writer is kept as attribution. The API and the reading page both call this.
/// The work is bounded: one import per person and a few in all (<see cref="ImportSlots"/>), and a time
/// budget for placing quotes (<see cref="ImportOptions.PlacingBudget"/>).
/// </summary>
internal sealed class AnnotationImporter(
    IDbContextFactory<AnnotateDb> dbFactory, ReaderAccess access, DocumentService documents, AnnotationService annotations, TimeProvider clock,
    ImportSlots slots, IOptions<ImportOptions> options, IStringLocalizer<Strings> strings, ILogger<AnnotationImporter> logger)
{
    public const long MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>How far placing the file's annotations on the text has got.</summary>
    public sealed record Progress(int Done, int Total);

    /// <param name="visibility">The widest visibility an imported thread gets; an item the source marks narrower stays narrower.</param>
    public async Task<ServiceResult<ImportReport>> ImportAsync(string userId, int documentId, Stream file, Visibility visibility = Visibility.Seminar,
        IProgress<Progress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (await access.ForDocumentAsync(userId, documentId, cancellationToken) is not { } importer
            || await documents.GetAsync(documentId) is not { } document)
            return new ServiceProblem(Failure.NotFound, ReaderAccess.NoSuchDocument);

        var (slot, busy) = slots.TryTake(userId);
        if (slot is null) return new ServiceProblem(Failure.Busy, busy!);
        using (slot) return await ImportAsync(userId, importer, document, file, visibility, progress, cancellationToken);
    }

    private async Task<ServiceResult<ImportReport>> ImportAsync(string userId, ReaderAccess.DocumentAccess importer, DocumentService.DocumentText document,
        Stream file, Visibility visibility, IProgress<Progress>? progress, CancellationToken cancellationToken)
    {
        var documentId = importer.DocumentId;
        var started = Stopwatch.GetTimestamp();
        if (await ReadAtMostAsync(file, MaxFileBytes, cancellationToken) is not { } bytes)
            return new ServiceProblem(Failure.TooLarge, Words.Text("Problem.ImportTooLarge"));
        ImportFile.Contents contents;
        var values = new List<JsonDocument>();
        try
        {
            ReadValues(WithoutByteOrderMark(bytes), values);
            if (values.Count == 0) return new ServiceProblem(Failure.Invalid, Words.Text("Problem.ImportEmpty"));
            contents = ImportFile.Read(values.Select(v => v.RootElement).ToList());
        }
        catch (JsonException exception)
        {
            return new ServiceProblem(Failure.Invalid,
                Words.Text("Import.NotJson", exception.Message.Split('.')[0], exception.LineNumber + 1));
        }
        finally
        {
            foreach (var value in values) value.Dispose();
        }
        if (contents.Items is not { } items) return new ServiceProblem(Failure.Invalid, contents.Error!);

        var read = Stopwatch.GetElapsedTime(started);
        var onDocument = await VisibleOnDocumentAsync(importer, cancellationToken);
        var setting = new ImportPlanner.Setting(userId, documentId, document.Text, document.Revision, visibility, clock.GetUtcNow(),
            await ImportedBeforeAsync(importer, onDocument, cancellationToken), onDocument, options.Value.PlacingBudget);
        // Placing thousands of quotes is CPU work: off the caller's thread, so a page can show progress meanwhile.
        var plan = await Task.Run(() => ImportPlanner.Make(items, setting, done => progress?.Report(new Progress(done, items.Count)), cancellationToken),
            cancellationToken);

        var planned = Stopwatch.GetElapsedTime(started);
        var tagsDropped = await LockedTags.AllowedAsync(dbFactory, importer.SeminarId, cancellationToken) is { } allowed
            ? LockedTags.Drop(plan.ToStore, allowed) : null;
        List<AnnotationView> stored;
        try
        {
            stored = await annotations.AddImportedAsync(importer, plan.ToStore, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A parent deleted meanwhile (one person's imports no longer run side by side, so their import keys cannot collide).
            return new ServiceProblem(Failure.Conflict,
                Words.Text("Import.ChangedMeanwhile"));
        }
        catch (DbException exception)
        {
            // The transaction was rolled back: nothing of the file is stored, and nothing was announced.
            logger.LogError(exception, "Storing {Count} imported annotations in document {DocumentId} failed; nothing was stored", plan.ToStore.Count, documentId);
            return new ServiceProblem(Failure.NotStored,
                Words.Text("Import.NotStored"));
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        logger.LogInformation(
            "Imported {Stored} annotations ({Orphaned} orphaned) of {Items} into document {DocumentId} in {Elapsed:N0} ms: reading {Read:N0} ms, placing {Placing:N0} ms, storing {Storing:N0} ms",
            stored.Count, plan.Orphans.Count, items.Count, documentId, elapsed.TotalMilliseconds, read.TotalMilliseconds,
            (planned - read).TotalMilliseconds, (elapsed - planned).TotalMilliseconds);
        return new ImportReport(
            plan.Placed, plan.Fuzzy, plan.Orphans.Count, plan.Skipped, plan.Rejected, plan.Orphans, stored)
        {
            NotPlaced = plan.NotPlaced,
            Incomplete = contents.Incomplete,
            TagsDropped = tagsDropped is null ? null : tagsDropped with { Message = TagsDroppedSentence(tagsDropped) },
        };
    }

    private string TagsDroppedSentence(TagsDropped dropped)
    {
        var tags = string.Join(", ", dropped.Tags);
        return dropped.Annotations == 1
            ? strings["Discussion.ImportTagsDroppedOne", tags]
            : strings["Discussion.ImportTagsDroppedMany", dropped.Annotations, tags];
    }

    /// <summary>
    /// The annotations on the document the importer may see, by id: a file's item with one of their
    /// IRIs as its id is that annotation (skipped), and a reply in the file may answer one of them.
    /// </summary>
    private async Task<Dictionary<Guid, ImportPlanner.Known>> VisibleOnDocumentAsync(ReaderAccess.DocumentAccess importer, CancellationToken cancellationToken)
    {
        var visible = await annotations.ListVisibleAsync(importer, cancellationToken);
        var orphaned = visible.Where(v => v.Orphan).Select(v => v.Id).ToHashSet();
        return visible.ToDictionary(v => v.Id,
            v => new ImportPlanner.Known(v.Id, v.ThreadRootId, v.Visibility, v.DocumentRevision, v.AddresseeId, orphaned.Contains(v.ThreadRootId)));
    }

    /// <summary>What this importer imported into this document before, by import key.</summary>
    private async Task<Dictionary<string, ImportPlanner.Known>> ImportedBeforeAsync(ReaderAccess.DocumentAccess importer,
        Dictionary<Guid, ImportPlanner.Known> visible, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Only the importer's own annotations, and only to recognise them again; their views come from the visibility rule.
        var keys = await db.Annotations
            .Where(a => a.DocumentId == importer.DocumentId && a.AuthorId == importer.Viewer.UserId && a.ImportKey != null)
            .Select(a => new { a.Id, a.ImportKey })
            .ToListAsync(cancellationToken);
        return keys.Where(k => visible.ContainsKey(k.Id)).ToDictionary(k => k.ImportKey!, k => visible[k.Id], StringComparer.Ordinal);
    }

    /// <summary>The whole stream, or null when it is longer than <paramref name="limit"/> bytes.</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream stream, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// Every JSON value of the file: usually one, several when pages of an export or a search were saved one
    /// after another into one file (as <c>cat page1.json page2.json</c> writes them).
    /// </summary>
    private static void ReadValues(ReadOnlyMemory<byte> json, List<JsonDocument> values)
    {
        var reader = new Utf8JsonReader(json.Span, new JsonReaderOptions { AllowMultipleValues = true });
        while (reader.Read()) values.Add(JsonDocument.ParseValue(ref reader));
    }

    private static ReadOnlyMemory<byte> WithoutByteOrderMark(byte[] bytes) =>
        bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes.AsMemory(3) : bytes;
}
