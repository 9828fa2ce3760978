namespace Annotate.Web.Features;

/// <summary>
/// What a service did that gives nothing back: done, or a <see cref="ServiceProblem"/>. A problem converts to it,
/// so a service writes <c>return ServiceProblem.NotFound("…")</c> or <c>return ServiceResult.Done</c>.
/// </summary>
public readonly record struct ServiceResult(ServiceProblem? Problem)
{
    public static ServiceResult Done => default;

    public bool Succeeded => Problem is null;

    /// <summary>The problem's sentence, or null when it was done.</summary>
    public string? Message => Problem?.Message;

    // A null problem would read as "done": refused at once rather than let a stray null succeed.
    public static implicit operator ServiceResult(ServiceProblem problem) => new(problem ?? throw new ArgumentNullException(nameof(problem)));
}

/// <summary>What a service gave: a value, or a <see cref="ServiceProblem"/> (each converts to it).</summary>
public readonly record struct ServiceResult<T>(T? Value, ServiceProblem? Problem)
{
    public bool Succeeded => Problem is null;

    /// <summary>The problem's sentence, or null when it succeeded.</summary>
    public string? Message => Problem?.Message;

    public static implicit operator ServiceResult<T>(T value) => new(value, null);

    public static implicit operator ServiceResult<T>(ServiceProblem problem) => new(default, problem ?? throw new ArgumentNullException(nameof(problem)));

    /// <summary>Done, without the value: for a caller that asks only whether it worked.</summary>
    public static implicit operator ServiceResult(ServiceResult<T> result) => new(result.Problem);
}
