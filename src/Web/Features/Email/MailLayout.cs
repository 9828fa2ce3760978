using System.Net;
using System.Text;
using Annotate.Web.Features.Languages;
using Annotate.Web.Resources;

namespace Annotate.Web.Features.Email;

/// <summary>
/// Every mail the app sends looks alike: the app's name, what happened in a sentence or two, then the one
/// thing to do (a button with its link, the link also written out for clients that show no buttons; or a
/// code to type), and a closing note. The same words go out as plain text and as HTML; everything put into
/// the HTML is encoded, and styles are inline, since mail clients drop style sheets. Its own words are in the current
/// UI culture: the sender builds a mail inside <see cref="InCulture"/> of its recipient's language.
/// </summary>
internal static class MailLayout
{
    public const string AppName = "Annotate";

    private const string Paragraph = "<p style=\"margin:0 0 16px\">";
    private const string Note = "<p style=\"margin:0 0 16px;font-size:14px;color:#616161\">";

    /// <summary>A mail whose point is a link: <paramref name="action"/> is what its button says.</summary>
    public static OutgoingMail WithLink(string to, string subject, IReadOnlyList<string> lead, string action, Uri link, IReadOnlyList<string> closing)
    {
        var href = WebUtility.HtmlEncode(link.AbsoluteUri);
        var html = $"<p style=\"margin:24px 0\"><a href=\"{href}\" style=\"display:inline-block;padding:10px 20px;background:#594ae2;color:#ffffff;" +
            $"text-decoration:none;border-radius:4px;font-weight:bold\">{WebUtility.HtmlEncode(action)}</a></p>\n" +
            $"{Note}{WebUtility.HtmlEncode(Words.Text("Mail.ButtonFallback"))}<br>" +
            $"<a href=\"{href}\" style=\"color:#594ae2;word-break:break-all\">{href}</a></p>\n";
        return Build(to, subject, lead, $"{action}:\n{link.AbsoluteUri}", html, closing);
    }

    /// <summary>A mail whose point is a code to type or paste somewhere, introduced by <paramref name="label"/>.</summary>
    public static OutgoingMail WithCode(string to, string subject, IReadOnlyList<string> lead, string label, string code, IReadOnlyList<string> closing)
    {
        var html = $"{Paragraph}{WebUtility.HtmlEncode(label)}:</p>\n<p style=\"margin:0 0 24px;padding:12px;background:#f5f5f5;" +
            $"font-family:Consolas,Menlo,monospace;font-size:15px;word-break:break-all\">{WebUtility.HtmlEncode(code)}</p>\n";
        return Build(to, subject, lead, $"{label}:\n{code}", html, closing);
    }

    /// <summary>
    /// A mail about things that happened (a mention, feedback, a day's digest): for each, a sentence, the passage
    /// quoted, the comment's words, and a link to it; at the end, why it came and the one-click way to stop it.
    /// </summary>
    public static OutgoingMail Notice(string to, string subject, string lead, IReadOnlyList<NoticeEntry> entries, string why, Uri unsubscribe)
    {
        var text = new StringBuilder();
        var html = new StringBuilder();
        foreach (var entry in entries)
        {
            text.Append(entry.Sentence).Append('\n');
            html.Append(Paragraph).Append("<strong>").Append(WebUtility.HtmlEncode(entry.Sentence)).Append("</strong></p>\n");
            if (!string.IsNullOrWhiteSpace(entry.Passage))
            {
                text.Append("> ").Append(entry.Passage.ReplaceLineEndings(" ")).Append('\n');
                html.Append("<blockquote style=\"margin:0 0 12px;padding:4px 12px;border-left:4px solid #594ae2;color:#424242\">")
                    .Append(WebUtility.HtmlEncode(entry.Passage)).Append("</blockquote>\n");
            }
            if (!string.IsNullOrWhiteSpace(entry.Words))
            {
                text.Append(entry.Words).Append('\n');
                html.Append(Paragraph).Append(WebUtility.HtmlEncode(entry.Words)).Append("</p>\n");
            }
            text.Append(Words.Text("Mail.OpenIt")).Append(' ').Append(entry.Link.AbsoluteUri).Append("\n\n");
            var href = WebUtility.HtmlEncode(entry.Link.AbsoluteUri);
            html.Append(Paragraph).Append("<a href=\"").Append(href).Append("\" style=\"color:#594ae2;font-weight:bold\">")
                .Append(WebUtility.HtmlEncode(Words.Text("Mail.OpenInApp"))).Append("</a></p>\n");
        }
        var stop = WebUtility.HtmlEncode(unsubscribe.AbsoluteUri);
        text.Append(why).Append(' ').Append(Words.Text("Mail.ToStop")).Append(' ').Append(unsubscribe.AbsoluteUri);
        html.Append(Note).Append(WebUtility.HtmlEncode(why)).Append(" <a href=\"").Append(stop).Append("\" style=\"color:#616161\">")
            .Append(WebUtility.HtmlEncode(Words.Text("Mail.StopThese"))).Append("</a></p>\n");
        return Build(to, subject, [lead], text.ToString(), html.ToString(), []);
    }

    private static OutgoingMail Build(string to, string subject, IReadOnlyList<string> lead, string middleText, string middleHtml, IReadOnlyList<string> closing)
    {
        var text = new StringBuilder().Append(AppName).Append("\n\n");
        foreach (var paragraph in lead) text.Append(paragraph).Append("\n\n");
        text.Append(middleText).Append("\n\n");
        foreach (var paragraph in closing) text.Append(paragraph).Append("\n\n");

        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"").Append(Languages.Languages.Current).Append("\">\n<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
            .Append("<title>").Append(WebUtility.HtmlEncode(subject)).Append("</title></head>\n")
            .Append("<body style=\"margin:0;padding:24px;background:#f5f5f5;font-family:Roboto,Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;color:#212121\">\n")
            .Append("<div style=\"max-width:560px;margin:0 auto;padding:24px;background:#ffffff;border-radius:4px\">\n")
            .Append("<p style=\"margin:0 0 16px;font-size:20px;font-weight:bold;color:#594ae2\">").Append(AppName).Append("</p>\n");
        foreach (var paragraph in lead) html.Append(Paragraph).Append(WebUtility.HtmlEncode(paragraph)).Append("</p>\n");
        html.Append(middleHtml);
        foreach (var paragraph in closing) html.Append(Note).Append(WebUtility.HtmlEncode(paragraph)).Append("</p>\n");
        html.Append("</div>\n</body>\n</html>\n");

        return new OutgoingMail(to, subject, text.ToString().TrimEnd() + "\n", html.ToString());
    }
}
