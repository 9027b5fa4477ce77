using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeerInterview.Web.Domain;

namespace PeerInterview.Web.Data.Configurations;

internal sealed class SourceDocumentConfiguration : IEntityTypeConfiguration<SourceDocument>
{
    public void Configure(EntityTypeBuilder<SourceDocument> b)
    {
        b.Property(d => d.FileName).HasMaxLength(TextLimits.FileName);
        b.Property(d => d.Sha256).HasMaxLength(64);
        b.Property(d => d.Format).HasMaxLength(64);
        b.Property(d => d.Encoding).HasMaxLength(32);
        b.Property(d => d.Title).HasMaxLength(TextLimits.DocumentTitle);
        b.HasIndex(d => d.Sha256).IsUnique();
    }
}
