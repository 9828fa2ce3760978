using System.Net;
using System.Text.RegularExpressions;
using MimeKit;

namespace Annotate.Web.Tests.Infrastructure;

/// <summary>A mail the <see cref="TestSmtpServer"/> accepted, read as a person's mail client reads it.</summary>
public sealed partial class ReceivedMail(MimeMessage message)
{
    public MimeMessage Message { get; } = message;

    public string Subject => Message.Subject ?? "";

    /// <summary>The plain-text part; asserts the mail is multipart/alternative with a text and an HTML part.</summary>
    public string Text => Alternative().OfType<TextPart>().Single(p => p.IsPlain).Text;

    /// <summary>The HTML part.</summary>
    public string Html => Alternative().OfType<TextPart>().Single(p => p.IsHtml).Text;

    /// <summary>
    /// The one link of the mail: the only http(s) address in the text part, which the HTML part must carry as
    /// a link too (encoded as HTML encodes an attribute).
    /// </summary>
    public Uri Link
    {
        get
        {
            var link = Assert.Single(Address().Matches(Text).Select(m => m.Value).Distinct());
            Assert.Contains($"href=\"{WebUtility.HtmlEncode(link)}\"", Html);
            return new Uri(link);
        }
    }

    private List<MimeEntity> Alternative()
    {
        var alternative = Assert.IsType<MultipartAlternative>(Message.Body);
        Assert.Equal(2, alternative.Count);
        return [.. alternative];
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Address();
}
