namespace Annotate.Web.Tests.Infrastructure;

/// <summary>
/// A registered, signed-in account and an <see cref="HttpClient"/> that sends its bearer token.
/// <see cref="Password"/> lets a test sign in again, e.g. on a restarted app.
/// </summary>
public sealed record ApiUser(string Id, string Email, string Password, string DisplayName, string Token, HttpClient Http);
