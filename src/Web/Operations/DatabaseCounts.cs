namespace Annotate.Web.Operations;

/// <summary>The rows a backup or restore reports, so a person can compare the two.</summary>
internal sealed record DatabaseCounts(long Accounts, long Seminars, long Documents, long Annotations)
{
    public override string ToString() =>
        $"{Accounts} accounts, {Seminars} seminars, {Documents} documents, {Annotations} annotations";
}
