using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Annotate.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Annotate.Data;

public class AnnotateDb(DbContextOptions<AnnotateDb> options) : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<Seminar> Seminars => Set<Seminar>();
    public DbSet<SeminarGroup> Groups => Set<SeminarGroup>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<SeminarRemoval> SeminarRemovals => Set<SeminarRemoval>();
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<Annotation> Annotations => Set<Annotation>();
    public DbSet<DocumentRevision> DocumentRevisions => Set<DocumentRevision>();
    public DbSet<AnnotationAnchor> AnnotationAnchors => Set<AnnotationAnchor>();
    public DbSet<FeedbackRead> FeedbackReads => Set<FeedbackRead>();
    public DbSet<Reaction> Reactions => Set<Reaction>();
    public DbSet<SeminarTag> SeminarTags => Set<SeminarTag>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<AnnotationMention> Mentions => Set<AnnotationMention>();
    public DbSet<NotificationSetting> NotificationSettings => Set<NotificationSetting>();
    public DbSet<NotificationRequest> NotificationOutbox => Set<NotificationRequest>();

    /// <summary>The keys that seal cookies and tokens, shared by every instance on this database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AnnotateDb).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset; store a sortable number (always written in UTC) so "newest first" works in SQL.
        // PostgreSQL stores the same number: timestamptz keeps microseconds where .NET keeps ticks (a time read
        // back would differ from the one just written) and refuses non-UTC offsets; one representation keeps
        // both engines answering alike.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
