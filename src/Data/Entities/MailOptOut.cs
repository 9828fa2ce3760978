namespace Annotate.Data.Entities;

/// <summary>The mails a person turned off, each by its one-click unsubscribe link or in their settings.</summary>
[Flags]
public enum MailOptOut
{
    None = 0,
    Mentions = 1,
    Feedback = 2,
    Digest = 4,
}
