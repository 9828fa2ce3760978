namespace Annotate.Web.Features.Documents.Import;

/// <summary>A file that cannot become a document; <see cref="Exception.Message"/> is the sentence the teacher sees.</summary>
internal sealed class UnreadableFileException(string message, Exception? inner = null) : Exception(message, inner);
