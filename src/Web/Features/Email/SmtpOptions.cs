namespace Annotate.Web.Features.Email;

/// <summary>The <c>Email:Smtp</c> section: the relay the app hands its mail to. No host, no mail.</summary>
internal sealed class SmtpOptions
{
    public string? Host { get; set; }

    /// <summary>0 (unset): the usual port for <see cref="Security"/>, see <see cref="EffectivePort"/>.</summary>
    public int Port { get; set; }

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>
    /// Kept as text so that a wrong value gets our sentence (naming the three that work) rather than the
    /// configuration binder's; <see cref="SecurityMode"/> is the parsed value.
    /// </summary>
    public string Security { get; set; } = nameof(SmtpSecurity.StartTls);

    /// <summary>How long one step of talking to the server (connect, a command) may take before the attempt fails.</summary>
    public double TimeoutSeconds { get; set; } = 30;

    public SmtpSecurity? SecurityMode => Enum.TryParse<SmtpSecurity>(Security, ignoreCase: true, out var mode) && Enum.IsDefined(mode) ? mode : null;

    public int EffectivePort => Port != 0 ? Port : SecurityMode switch
    {
        SmtpSecurity.None => 25,
        SmtpSecurity.SslOnConnect => 465,
        _ => 587,
    };
}
