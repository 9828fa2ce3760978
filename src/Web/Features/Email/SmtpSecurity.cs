namespace Annotate.Web.Features.Email;

/// <summary>
/// How the connection to the SMTP server is protected (<c>Email:Smtp:Security</c>). There is no "TLS when
/// offered": a server that stops offering STARTTLS would then get passwords and reset links in the clear.
/// </summary>
internal enum SmtpSecurity
{
    /// <summary>Plain SMTP, for a relay on the same machine or network (usually port 25).</summary>
    None,

    /// <summary>Plain connection upgraded with STARTTLS before anything is sent; refused if the server cannot (usually port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte, "SMTPS" (usually port 465).</summary>
    SslOnConnect,
}
