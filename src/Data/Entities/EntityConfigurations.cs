using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Annotate.Data.Entities;

internal sealed class SeminarConfiguration : IEntityTypeConfiguration<Seminar>
{
    public void Configure(EntityTypeBuilder<Seminar> b)
    {
        b.Property(s => s.Name).HasMaxLength(200);
        b.Property(s => s.JoinCode).HasMaxLength(32);
        b.HasIndex(s => s.JoinCode).IsUnique();
    }
}

internal sealed class SeminarGroupConfiguration : IEntityTypeConfiguration<SeminarGroup>
{
    public void Configure(EntityTypeBuilder<SeminarGroup> b)
    {
        b.Property(g => g.Name).HasMaxLength(200);
        b.HasOne(g => g.Seminar).WithMany(s => s.Groups).HasForeignKey(g => g.SeminarId);
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> b)
    {
        b.HasKey(m => new { m.SeminarId, m.UserId });
        b.HasIndex(m => m.UserId);
        b.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
        b.HasOne(m => m.Seminar).WithMany(s => s.Members).HasForeignKey(m => m.SeminarId);
        b.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId);
        b.HasOne(m => m.Group).WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class SeminarRemovalConfiguration : IEntityTypeConfiguration<SeminarRemoval>
{
    public void Configure(EntityTypeBuilder<SeminarRemoval> b)
    {
        b.HasKey(r => new { r.SeminarId, r.UserId });
        b.HasIndex(r => r.UserId);
        b.HasOne(r => r.Seminar).WithMany().HasForeignKey(r => r.SeminarId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(r => r.User).WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> b)
    {
        b.Property(d => d.Title).HasMaxLength(300);
        b.Property(d => d.Language).HasMaxLength(Annotate.Shared.Text.TextLanguage.MaxLength);
        b.Property(d => d.Revision).IsConcurrencyToken();
        b.HasOne(d => d.Seminar).WithMany(s => s.Documents).HasForeignKey(d => d.SeminarId);
    }
}

internal sealed class AnnotationConfiguration : IEntityTypeConfiguration<Annotation>
{
    public void Configure(EntityTypeBuilder<Annotation> b)
    {
        b.Property(a => a.Motivation).HasMaxLength(32);
        b.Property(a => a.Visibility).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => new { a.DocumentId, a.Start });
        b.HasIndex(a => a.ParentId);
        b.HasIndex(a => a.ThreadId);
        b.HasIndex(a => a.AddresseeId);
        // Search's fields over a seminar's documents: user: (and group:, is:mine) by author, is:question by motivation.
        b.HasIndex(a => new { a.DocumentId, a.AuthorId });
        b.HasIndex(a => new { a.DocumentId, a.Motivation });
        b.Property(a => a.ImportKey).HasMaxLength(200);
        b.Property(a => a.AttributedTo).HasMaxLength(200);
        b.HasIndex(a => new { a.DocumentId, a.AuthorId, a.ImportKey }).IsUnique().HasFilter("\"ImportKey\" IS NOT NULL");
        b.HasOne(a => a.Document).WithMany().HasForeignKey(a => a.DocumentId).OnDelete(DeleteBehavior.Cascade);
        // Deleting an account never cascades into annotations: AccountDeletion decides what stays (others'
        // replies, and the threads holding them) and what goes, before the user row is deleted.
        b.HasOne(a => a.Author).WithMany().HasForeignKey(a => a.AuthorId).OnDelete(DeleteBehavior.Restrict);
        // Deleting a thread deletes its replies.
        b.HasOne(a => a.Parent).WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DocumentRevisionConfiguration : IEntityTypeConfiguration<DocumentRevision>
{
    public void Configure(EntityTypeBuilder<DocumentRevision> b)
    {
        b.HasIndex(r => new { r.DocumentId, r.Number }).IsUnique();
        b.Property(r => r.Title).HasMaxLength(300);
        b.HasOne(r => r.Document).WithMany().HasForeignKey(r => r.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AnnotationAnchorConfiguration : IEntityTypeConfiguration<AnnotationAnchor>
{
    public void Configure(EntityTypeBuilder<AnnotationAnchor> b)
    {
        b.HasKey(a => new { a.AnnotationId, a.Revision });
        b.Property(a => a.State).HasConversion<string>().HasMaxLength(16);
        b.HasOne(a => a.Annotation).WithMany().HasForeignKey(a => a.AnnotationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FeedbackReadConfiguration : IEntityTypeConfiguration<FeedbackRead>
{
    public void Configure(EntityTypeBuilder<FeedbackRead> b)
    {
        b.HasKey(r => new { r.UserId, r.AnnotationId });
        b.HasOne(r => r.Annotation).WithMany().HasForeignKey(r => r.AnnotationId).OnDelete(DeleteBehavior.Cascade);
    }
}
