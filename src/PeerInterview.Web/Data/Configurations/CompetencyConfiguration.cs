using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeerInterview.Web.Domain;

namespace PeerInterview.Web.Data.Configurations;

internal sealed class CompetencyConfiguration : IEntityTypeConfiguration<Competency>
{
    public void Configure(EntityTypeBuilder<Competency> b)
    {
        b.Property(c => c.Code).HasMaxLength(16);
        b.Property(c => c.Name).HasMaxLength(120);
        b.Property(c => c.Description).HasMaxLength(2000);
        b.Property(c => c.AnchorPoor).HasMaxLength(TextLimits.Anchor);
        b.Property(c => c.AnchorMeets).HasMaxLength(TextLimits.Anchor);
        b.Property(c => c.AnchorExcellent).HasMaxLength(TextLimits.Anchor);
        b.HasIndex(c => c.Code).IsUnique();
    }
}
