using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeerInterview.Web.Domain;

namespace PeerInterview.Web.Data.Configurations;

internal sealed class InterviewKitConfiguration : IEntityTypeConfiguration<InterviewKit>
{
    public void Configure(EntityTypeBuilder<InterviewKit> b)
    {
        b.Property(k => k.Name).HasMaxLength(200);
        b.Property(k => k.Role).HasMaxLength(200);
        b.HasMany(k => k.Versions).WithOne(v => v.Kit).HasForeignKey(v => v.KitId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KitVersionConfiguration : IEntityTypeConfiguration<KitVersion>
{
    public void Configure(EntityTypeBuilder<KitVersion> b)
    {
        b.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(v => v.Revision).IsConcurrencyToken();
        b.HasIndex(v => new { v.KitId, v.Number }).IsUnique();
        b.HasMany(v => v.Sections).WithOne().HasForeignKey(s => s.KitVersionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(v => v.Items).WithOne().HasForeignKey(i => i.KitVersionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(v => v.Weights).WithOne().HasForeignKey(w => w.KitVersionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(v => v.FrozenCompetencies).WithOne().HasForeignKey(c => c.KitVersionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(v => v.FrozenRedFlags).WithOne().HasForeignKey(f => f.KitVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KitSectionConfiguration : IEntityTypeConfiguration<KitSection>
{
    public void Configure(EntityTypeBuilder<KitSection> b) => b.Property(s => s.Name).HasMaxLength(120);
}

internal sealed class KitItemConfiguration : IEntityTypeConfiguration<KitItem>
{
    public void Configure(EntityTypeBuilder<KitItem> b)
    {
        b.HasOne(i => i.Section).WithMany().HasForeignKey(i => i.KitSectionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(i => i.Question).WithMany().HasForeignKey(i => i.QuestionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Competency>().WithMany().HasForeignKey(i => i.CompetencyIdSnapshot).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Competency>().WithMany().HasForeignKey(i => i.SecondaryCompetencyIdSnapshot).OnDelete(DeleteBehavior.Restrict);
        b.Property(i => i.QuestionTextSnapshot).HasMaxLength(TextLimits.QuestionText);
        b.Property(i => i.AnchorSourceSnapshot).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.CompetencyAnchorPoorSnapshot).HasMaxLength(TextLimits.Anchor);
        b.Property(i => i.CompetencyAnchorMeetsSnapshot).HasMaxLength(TextLimits.Anchor);
        b.Property(i => i.CompetencyAnchorExcellentSnapshot).HasMaxLength(TextLimits.Anchor);
        b.HasMany(i => i.RedFlagOverrides).WithOne().HasForeignKey(r => r.KitItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(i => new { i.KitVersionId, i.Order });
    }
}

internal sealed class KitItemRedFlagConfiguration : IEntityTypeConfiguration<KitItemRedFlag>
{
    public void Configure(EntityTypeBuilder<KitItemRedFlag> b)
    {
        b.Property(r => r.Text).HasMaxLength(TextLimits.RedFlagText);
        b.Property(r => r.Severity).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class KitCompetencyWeightConfiguration : IEntityTypeConfiguration<KitCompetencyWeight>
{
    public void Configure(EntityTypeBuilder<KitCompetencyWeight> b)
    {
        b.HasOne(w => w.Competency).WithMany().HasForeignKey(w => w.CompetencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(w => new { w.KitVersionId, w.CompetencyId }).IsUnique();
    }
}

internal sealed class FrozenCompetencyConfiguration : IEntityTypeConfiguration<FrozenCompetency>
{
    public void Configure(EntityTypeBuilder<FrozenCompetency> b)
    {
        b.Property(c => c.Code).HasMaxLength(16);
        b.Property(c => c.Name).HasMaxLength(120);
        b.HasOne<Competency>().WithMany().HasForeignKey(c => c.CompetencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.KitVersionId, c.CompetencyId }).IsUnique();
    }
}

internal sealed class FrozenRedFlagConfiguration : IEntityTypeConfiguration<FrozenRedFlag>
{
    public void Configure(EntityTypeBuilder<FrozenRedFlag> b)
    {
        b.Property(f => f.Key).HasMaxLength(16);
        b.Property(f => f.Text).HasMaxLength(TextLimits.RedFlagText);
        b.Property(f => f.Severity).HasConversion<string>().HasMaxLength(20);
        b.HasOne<KitItem>().WithMany().HasForeignKey(f => f.KitItemId).OnDelete(DeleteBehavior.Cascade);

        // A key names one flag per version: checks and reviews find it by (version, key).
        b.HasIndex(f => new { f.KitVersionId, f.Key }).IsUnique();
    }
}
