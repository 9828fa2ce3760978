using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Annotate.Data.Entities;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(n => n.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(n => n.Text).HasMaxLength(2_000);
        // The inbox: a user's newest first; the digest: a user's not yet mailed.
        b.HasIndex(n => new { n.UserId, n.Created });
        b.HasIndex(n => n.AnnotationId);
        b.HasIndex(n => n.ActorId);
        b.HasOne(n => n.User).WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(n => n.Actor).WithMany().HasForeignKey(n => n.ActorId).OnDelete(DeleteBehavior.SetNull);
        // Withdrawn with what it points at: a deleted annotation, document or seminar leaves no notification behind.
        b.HasOne<Seminar>().WithMany().HasForeignKey(n => n.SeminarId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Document>().WithMany().HasForeignKey(n => n.DocumentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Annotation>().WithMany().HasForeignKey(n => n.AnnotationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AnnotationMentionConfiguration : IEntityTypeConfiguration<AnnotationMention>
{
    public void Configure(EntityTypeBuilder<AnnotationMention> b)
    {
        b.HasKey(m => new { m.AnnotationId, m.Offset });
        b.HasIndex(m => m.UserId);
        b.HasOne<Annotation>().WithMany().HasForeignKey(m => m.AnnotationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationSettingConfiguration : IEntityTypeConfiguration<NotificationSetting>
{
    public void Configure(EntityTypeBuilder<NotificationSetting> b)
    {
        b.HasKey(s => new { s.UserId, s.SeminarId });
        b.Property(s => s.InApp).HasConversion<string>().HasMaxLength(24);
        b.Property(s => s.Email).HasConversion<string>().HasMaxLength(24);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Seminar>().WithMany().HasForeignKey(s => s.SeminarId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> b)
    {
        b.Property(u => u.TimeZone).HasMaxLength(64).HasDefaultValue("UTC");
        b.Property(u => u.DigestHour).HasDefaultValue(7);
    }
}

internal sealed class NotificationRequestConfiguration : IEntityTypeConfiguration<NotificationRequest>
{
    public void Configure(EntityTypeBuilder<NotificationRequest> b)
    {
        b.ToTable("NotificationOutbox");
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Text).HasMaxLength(2_000);
        // The processor takes the oldest first.
        b.HasIndex(r => r.Created);
        // Gone with what it points at: a deleted annotation, document, seminar or notification leaves nothing to tell.
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.ActorId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Seminar>().WithMany().HasForeignKey(r => r.SeminarId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(r => r.Document).WithMany().HasForeignKey(r => r.DocumentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Annotation>().WithMany().HasForeignKey(r => r.AnnotationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Notification>().WithMany().HasForeignKey(r => r.NotificationId).OnDelete(DeleteBehavior.Cascade);
    }
}
