namespace Annotate.Shared.Mentions;

/// <summary>
/// One person named in a comment: <c>@[Display Name](user:{userId})</c> at <see cref="Offset"/> (UTF-16 index of
/// the "@") for <see cref="Length"/> characters of the Markdown body. The name is the one written then; the
/// person is the id.
/// </summary>
public sealed record Mention(string UserId, string DisplayName, int Offset, int Length);
