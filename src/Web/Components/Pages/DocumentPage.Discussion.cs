using Annotate.Shared.Anchoring;
using Annotate.Web.Components.Reading;
using Annotate.Web.Components.Threads;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Features.Discussion;
using Annotate.Web.Features.Tags;
using Annotate.Web.Realtime;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Annotate.Web.Components.Pages;

/// <summary>Questions, reactions and tags on the reading page: ask, upvote, "I have this question too", mark answered.</summary>
public partial class DocumentPage
{
    [Inject] private ReactionService Reactions { get; set; } = default!;
    [Inject] private TagVocabulary Vocabulary { get; set; } = default!;

    /// <summary>The new annotation being written is a question (the toolbar's "Ask a question").</summary>
    private bool asking;

    /// <summary>The seminar's vocabulary, offered by the editor (and coloured by, see DocumentPage.TagColours).</summary>
    private IReadOnlyList<string> tagSuggestions = [];

    /// <summary>The sidebar's sort and filters (see ThreadFilterBar).</summary>
    private ThreadFilter threadFilter = ThreadFilter.None;

    /// <summary>The seminar's groups, to name the authors' groups in the filters.</summary>
    private IReadOnlyList<(int Id, string Name)> groups = [];

    private async Task LoadGroupsAsync() =>
        groups = access is not null && (await Members.ListGroupsAsync(userId, access.SeminarId)).Value is { } found
            ? found.Select(g => (g.Id, g.Name)).ToList()
            : [];

    private Task StartAsking(TextSpan span)
    {
        var opened = StartAnnotating(span);
        asking = true;
        return opened;
    }

    private async Task LoadVocabularyAsync()
    {
        if (access is null) return;
        var vocabulary = await Vocabulary.ListAsync(access.SeminarId);
        tagSuggestions = vocabulary.Select(t => t.Name).ToList();
        discussion.UseTagColours(new TagColours(vocabulary));
    }

    private async Task ReactAsync(AnnotationView annotation, string kind, bool on)
    {
        var result = await Reactions.SetAsync(userId, annotation.Id, kind, on);
        if (result.Value is not { } changed)
        {
            Snackbar.Add(result.Message ?? L["Reading.CouldNotReact"], Severity.Error);
            return;
        }
        Apply(AnnotationEventKind.Updated, changed);
    }

    private async Task AnswerAsync(ThreadModel thread, bool answered, Guid? reply)
    {
        var result = await Annotations.SetAnsweredAsync(userId, thread.Id, answered, reply);
        if (result.Value is not { } marked)
        {
            Snackbar.Add(result.Message ?? L["Reading.CouldNotChangeQuestion"], Severity.Error);
            return;
        }
        Apply(AnnotationEventKind.Updated, marked);
        Snackbar.Add(answered ? L["Reading.MarkedAnswered"] : L["Reading.MarkedUnanswered"], Severity.Info);
    }
}
