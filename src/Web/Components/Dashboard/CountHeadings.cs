using Annotate.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Annotate.Web.Components.Dashboard;

/// <summary>
/// The dashboard's column headings (named in English where the columns are defined, <see cref="StudentColumn"/>, the
/// group table and the gradebook CSVs) in the reader's language. A heading without a translation shows as it is named.
/// </summary>
internal static class CountHeadings
{
    public static string Of(IStringLocalizer<Strings> L, string heading) => heading switch
    {
        "Student" => L["Dashboard.ColumnStudent"],
        "Group" => L["Dashboard.ColumnGroup"],
        "Students" => L["Dashboard.ColumnStudents"],
        "Annotations" => L["Dashboard.ColumnAnnotations"],
        "Replies" => L["Dashboard.ColumnReplies"],
        "Words" => L["Dashboard.ColumnWords"],
        "Questions asked" => L["Dashboard.ColumnQuestionsAsked"],
        "Questions answered" => L["Dashboard.ColumnQuestionsAnswered"],
        "Upvotes received" => L["Dashboard.ColumnUpvotesReceived"],
        "Late" => L["Dashboard.ColumnLate"],
        "Feedback received" => L["Dashboard.ColumnFeedbackReceived"],
        "User id" => L["Dashboard.ColumnUserId"],
        "First activity (UTC)" => L["Dashboard.ColumnFirstActivity"],
        "Last activity (UTC)" => L["Dashboard.ColumnLastActivity"],
        _ => heading,
    };
}
