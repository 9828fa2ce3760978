using Annotate.Shared;
using Annotate.Shared.Anchoring;
using Annotate.Shared.W3c;
using Annotate.Web.Components.Import;
using Annotate.Web.Components.Reading;
using Annotate.Web.Components.Threads;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Realtime;
using MudBlazor;

namespace Annotate.Web.Components.Pages;

/// <summary>What the reader does on the reading page: select, annotate, highlight, reply, edit, delete, mark, attach, import.</summary>
public partial class DocumentPage
{
    private void OnSelectionChanged(ArticleView.SelectedPassage? passage) => selection = passage;

    private Task StartAnnotating(TextSpan span)
    {
        composing = span;
        asking = false;
        selection = null;
        return OpenDiscussionAsync();
    }

    /// <summary>The shortcut "a": annotate what is selected in the text, as the selection's Annotate button does.</summary>
    private async Task AnnotateSelection()
    {
        if (selection is { } passage) await StartAnnotating(passage.Span);
        else Snackbar.Add(L["Reading.SelectFirstShortcut"], Severity.Info);
    }

    private async Task HighlightAsync(TextSpan span)
    {
        selection = null;
        var error = await CreateAsync(Motivations.Highlighting, "", Visibility.Seminar, span);
        if (error is not null) Snackbar.Add(error, Severity.Error);
        else if (articleView is not null) await articleView.ClearSelectionAsync();
    }

    private async Task<string?> PostAsync(AnnotationEditor.Submission submission)
    {
        if (composing is not { } span) return L["Reading.SelectFirst"];
        var error = feedbackFor is null
            ? await CreateAsync(asking ? Motivations.Questioning : Motivations.Commenting, submission.Body, submission.Visibility, span, tags: submission.Tags)
            : await CreateAsync(Motivations.Assessing, submission.Body, Visibility.Teachers, span, feedbackFor, submission.Tags);
        if (error is null)
        {
            composing = null;
            asking = false;
            feedbackFor = null;
            // The editor calls this through a plain delegate, so the page must redraw itself.
            StateHasChanged();
            // The new thread takes focus from the editor that goes (before the selection is dropped: the reader's next one stays).
            if (selectedThread is { } created) await FocusThreadAsync(created);
            if (articleView is not null) await articleView.ClearSelectionAsync();
        }
        return error;
    }

    private async Task<string?> CreateAsync(string motivation, string body, Visibility visibility, TextSpan span, string? addresseeId = null,
        IReadOnlyList<string>? tags = null)
    {
        var (quote, position) = TextAnchor.Describe(document!.Text, span);
        var result = await Annotations.CreateAsync(userId, Id, new AnnotationDraft(motivation, visibility, body, tags ?? [], quote, position, AddresseeId: addresseeId));
        if (result.Value is not { } created) return result.Message;
        Apply(AnnotationEventKind.Created, created);
        selectedThread = created.Id;
        return null;
    }

    /// <summary>A reply in a thread, or (<see cref="Motivations.Assessing"/>) a teacher's feedback there, for that student alone and the teachers.</summary>
    private async Task<string?> ReplyAsync(ThreadModel thread, string motivation, string body)
    {
        var result = await Annotations.CreateAsync(userId, Id,
            new AnnotationDraft(motivation, thread.Root.Visibility, body, [], ReplyTo: thread.Id));
        if (result.Value is not { } created) return result.Message;
        Apply(AnnotationEventKind.Created, created);
        StateHasChanged();
        await FocusReplyAsync(created.Id);
        return null;
    }

    private async Task ResolveAsync(ThreadModel thread, bool resolved)
    {
        var result = await Annotations.SetResolvedAsync(userId, thread.Id, resolved);
        if (result.Value is not { } marked)
        {
            Snackbar.Add(result.Message ?? L["Reading.CouldNotChangeThread"], Severity.Error);
            return;
        }
        Apply(AnnotationEventKind.Updated, marked);
    }

    private async Task MarkExemplaryAsync(AnnotationView annotation, bool exemplary)
    {
        var result = await Annotations.SetExemplaryAsync(userId, annotation.Id, exemplary);
        if (result.Value is not { } marked)
        {
            Snackbar.Add(result.Message ?? L["Reading.CouldNotChangeAnnotation"], Severity.Error);
            return;
        }
        Apply(AnnotationEventKind.Updated, marked);
    }

    private async Task<string?> EditAsync(AnnotationView annotation, AnnotationEditor.Submission submission)
    {
        var draft = new AnnotationDraft(annotation.Motivation, submission.Visibility, submission.Body, submission.Tags ?? annotation.Tags, ReplyTo: annotation.ParentId);
        var result = await Annotations.UpdateAsync(userId, annotation.Id, draft, annotation.Version);
        if (result.Value is not { } updated) return result.Message;
        Apply(AnnotationEventKind.Updated, updated);
        StateHasChanged();
        return null;
    }

    private async Task DeleteAsync(AnnotationView annotation)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            annotation.IsReply ? L["Reading.DeleteReplyTitle"] : L["Reading.DeleteThreadTitle"],
            annotation.IsReply ? L["Reading.DeleteReplyConfirm"] : L["Reading.DeleteThreadConfirm"],
            yesText: L["Thread.Delete"], cancelText: L["Editor.Cancel"]);
        if (confirmed != true) return;
        var neighbour = NeighbourOf(annotation.Id);
        var result = await Annotations.DeleteAsync(userId, annotation.Id);
        if (!result.Succeeded)
        {
            Snackbar.Add(result.Message ?? L["Reading.CouldNotDelete"], Severity.Error);
            return;
        }
        Apply(AnnotationEventKind.Deleted, annotation);
        Snackbar.Add(annotation.IsReply ? L["Reading.ReplyDeleted"] : L["Reading.ThreadDeleted"], Severity.Info);
        await FocusAfterDeletionAsync(annotation, neighbour);
    }

    private async Task AttachAsync(ThreadModel thread)
    {
        if (selection is not { } passage || document is null)
        {
            Snackbar.Add(L["Reading.SelectThenAttach"], Severity.Warning);
            return;
        }
        var (quote, position) = TextAnchor.Describe(document.Text, passage.Span);
        var result = await Annotations.ReattachAsync(userId, thread.Id, quote, position);
        if (result.Value is not { } attached)
        {
            Snackbar.Add(result.Message ?? L["Reading.CouldNotAttach"], Severity.Error);
            return;
        }
        selection = null;
        Apply(AnnotationEventKind.Updated, attached);
        selectedThread = attached.Id;
        Snackbar.Add(L["Reading.Attached"], Severity.Success);
        if (articleView is not null) await articleView.ClearSelectionAsync();
    }

    /// <summary>The imported threads arrive through the feed like everyone's; the dialog only reports.</summary>
    private async Task OpenImportAsync()
    {
        if (access is null) return;
        var parameters = new DialogParameters<ImportAnnotationsDialog>
        {
            { d => d.DocumentId, Id },
            { d => d.UserId, userId },
            { d => d.VisibilityOptions, visibilityOptions },
        };
        await Dialogs.ShowAsync<ImportAnnotationsDialog>(L["Reading.ImportAnnotations"], parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
    }
}
