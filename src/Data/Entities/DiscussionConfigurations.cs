using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Annotate.Data.Entities;

internal sealed class ReactionConfiguration : IEntityTypeConfiguration<Reaction>
{
    public void Configure(EntityTypeBuilder<Reaction> b)
    {
        b.HasKey(r => new { r.AnnotationId, r.UserId, r.Kind });
        b.Property(r => r.Kind).HasMaxLength(16);
        b.HasIndex(r => r.UserId);
        b.HasOne(r => r.Annotation).WithMany().HasForeignKey(r => r.AnnotationId).OnDelete(DeleteBehavior.Cascade);
        // AccountDeletion deletes an account's reactions itself (and tells readers the counts changed).
        b.HasOne(r => r.User).WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SeminarTagConfiguration : IEntityTypeConfiguration<SeminarTag>
{
    public void Configure(EntityTypeBuilder<SeminarTag> b)
    {
        b.Property(t => t.Name).HasMaxLength(50);
        b.Property(t => t.Key).HasMaxLength(50);
        b.Property(t => t.Colour).HasMaxLength(7);
        b.Property(t => t.Description).HasMaxLength(500);
        b.HasIndex(t => new { t.SeminarId, t.Key }).IsUnique();
        b.HasOne(t => t.Seminar).WithMany().HasForeignKey(t => t.SeminarId).OnDelete(DeleteBehavior.Cascade);
    }
}
