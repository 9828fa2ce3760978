using Annotate.Data.Entities;
using Annotate.Web.Features.Users;

namespace Annotate.Web.Tests.Security;

/// <summary>What goes and what stays of the threads a departing account wrote in, worked out without a database.</summary>
public sealed class DepartingAuthorTests
{
    private const string Leaving = "leaving";
    private const string Other = "other";
    private const string Teacher = "teacher";

    [Fact]
    public void A_thread_with_a_reply_by_someone_else_stays_and_one_without_goes()
    {
        var answered = Root(Leaving);
        var reply = Reply(answered, Other);
        var lonely = Root(Leaving);
        var ownReply = Reply(lonely, Leaving);

        var plan = DepartingAuthor.For([answered, reply, lonely, ownReply], Leaving);

        Assert.Equal([answered.Id], plan.Emptied);
        Assert.Equal(new[] { lonely.Id, ownReply.Id }.Order(), plan.Deleted.Order());
        Assert.Empty(plan.NewParents);
    }

    [Fact]
    public void Replies_to_the_departing_accounts_replies_move_up_to_the_nearest_one_that_stays()
    {
        var root = Root(Other);
        var theirs = Reply(root, Leaving);
        var theirsAgain = Reply(theirs, Leaving);
        var answer = Reply(theirsAgain, Teacher);

        var plan = DepartingAuthor.For([root, theirs, theirsAgain, answer], Leaving);

        Assert.Equal(new[] { theirs.Id, theirsAgain.Id }.Order(), plan.Deleted.Order());
        Assert.Equal(root.Id, plan.NewParents[answer.Id]);
        Assert.Empty(plan.Emptied);
    }

    [Fact]
    public void Feedback_addressed_to_them_goes_with_its_replies_and_does_not_keep_their_thread()
    {
        var root = Root(Leaving);
        var feedback = Reply(root, Teacher, addressee: Leaving);
        var theirAnswer = Reply(feedback, Leaving, addressee: Leaving);
        var onPassage = Root(Teacher, addressee: Leaving);

        var plan = DepartingAuthor.For([root, feedback, theirAnswer, onPassage], Leaving);

        Assert.Equal(new[] { root.Id, feedback.Id, theirAnswer.Id, onPassage.Id }.Order(), plan.Deleted.Order());
        Assert.Empty(plan.Emptied);
    }

    [Fact]
    public void Others_threads_they_replied_in_stay_as_they_are()
    {
        var root = Root(Other);
        var theirs = Reply(root, Leaving);
        var others = Reply(root, Teacher);

        var plan = DepartingAuthor.For([root, theirs, others], Leaving);

        Assert.Equal([theirs.Id], plan.Deleted);
        Assert.Empty(plan.Emptied);
        Assert.Empty(plan.NewParents);
    }

    private static Annotation Root(string author, string? addressee = null) =>
        new() { Id = Guid.NewGuid(), AuthorId = author, AddresseeId = addressee };

    private static Annotation Reply(Annotation parent, string author, string? addressee = null) =>
        new() { Id = Guid.NewGuid(), AuthorId = author, ParentId = parent.Id, ThreadId = parent.ThreadId ?? parent.Id, AddresseeId = addressee ?? parent.AddresseeId };
}
