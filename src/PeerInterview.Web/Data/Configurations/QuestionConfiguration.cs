using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeerInterview.Web.Domain;

namespace PeerInterview.Web.Data.Configurations;

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> b)
    {
        b.Property(q => q.Text).HasMaxLength(TextLimits.QuestionText);
        b.Property(q => q.Topic).HasMaxLength(TextLimits.Topic);
        b.Property(q => q.Section).HasMaxLength(TextLimits.Section);
        b.Property(q => q.CompetencyReason).HasMaxLength(TextLimits.CompetencyReason);
        b.Property(q => q.Type).HasConversion<string>().HasMaxLength(20);
        b.Property(q => q.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(q => q.Version).IsConcurrencyToken();

        b.HasOne(q => q.Competency).WithMany().HasForeignKey(q => q.CompetencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(q => q.SecondaryCompetency).WithMany().HasForeignKey(q => q.SecondaryCompetencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(q => q.DuplicateGroup).WithMany(g => g.Questions).HasForeignKey(q => q.DuplicateGroupId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Question>().WithMany().HasForeignKey(q => q.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(q => q.Sources).WithOne().HasForeignKey(s => s.QuestionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(q => q.RedFlags).WithOne().HasForeignKey(r => r.QuestionId).OnDelete(DeleteBehavior.Cascade);

        // One index per filter the bank offers.
        b.HasIndex(q => new { q.Status, q.Id });
        b.HasIndex(q => q.CompetencyId);
        b.HasIndex(q => q.Type);
        b.HasIndex(q => q.HasLintWarning);
        b.HasIndex(q => q.DuplicateGroupId);
    }
}

internal sealed class QuestionSourceConfiguration : IEntityTypeConfiguration<QuestionSource>
{
    public void Configure(EntityTypeBuilder<QuestionSource> b)
    {
        b.Property(s => s.OriginalText).HasMaxLength(TextLimits.QuestionText);
        b.HasOne(s => s.SourceDocument).WithMany().HasForeignKey(s => s.SourceDocumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.SourceDocumentId, s.QuestionId });
    }
}

internal sealed class RedFlagConfiguration : IEntityTypeConfiguration<RedFlag>
{
    public void Configure(EntityTypeBuilder<RedFlag> b)
    {
        b.Property(r => r.Text).HasMaxLength(TextLimits.RedFlagText);
        b.Property(r => r.Severity).HasConversion<string>().HasMaxLength(20);
        b.HasOne<SourceDocument>().WithMany().HasForeignKey(r => r.SourceDocumentId).OnDelete(DeleteBehavior.SetNull);
    }
}
