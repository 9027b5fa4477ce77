using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeerInterview.Web.Domain;

namespace PeerInterview.Web.Data.Configurations;

internal sealed class PositionConfiguration : IEntityTypeConfiguration<Position>
{
    public void Configure(EntityTypeBuilder<Position> b)
    {
        b.Property(p => p.Title).HasMaxLength(200);
        b.Property(p => p.Location).HasMaxLength(200);
        b.HasOne(p => p.HiringManager).WithMany().HasForeignKey(p => p.HiringManagerId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(p => p.Kit).WithMany().HasForeignKey(p => p.KitId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CandidateConfiguration : IEntityTypeConfiguration<Candidate>
{
    public void Configure(EntityTypeBuilder<Candidate> b)
    {
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.Email).HasMaxLength(256);
        b.Property(c => c.Phone).HasMaxLength(40);
        b.Property(c => c.PseudonymId).HasMaxLength(32);
        b.Property(c => c.Stage).HasConversion<string>().HasMaxLength(20);
        b.HasOne(c => c.Position).WithMany().HasForeignKey(c => c.PositionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.PositionId, c.Stage });
        b.HasIndex(c => c.Name);
    }
}

internal sealed class InterviewConfiguration : IEntityTypeConfiguration<Interview>
{
    public void Configure(EntityTypeBuilder<Interview> b)
    {
        b.Property(i => i.Location).HasMaxLength(200);
        b.HasOne(i => i.Candidate).WithMany().HasForeignKey(i => i.CandidateId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(i => i.KitVersion).WithMany().HasForeignKey(i => i.KitVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(i => i.Scorecards).WithOne(s => s.Interview).HasForeignKey(s => s.InterviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(i => i.CandidateId);
        b.HasIndex(i => i.ScheduledAt);
    }
}

internal sealed class ScorecardConfiguration : IEntityTypeConfiguration<Scorecard>
{
    public void Configure(EntityTypeBuilder<Scorecard> b)
    {
        b.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Recommendation).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Revision).IsConcurrencyToken();
        b.HasOne(s => s.Interviewer).WithMany().HasForeignKey(s => s.InterviewerId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.Ratings).WithOne().HasForeignKey(r => r.ScorecardId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.RedFlagChecks).WithOne().HasForeignKey(r => r.ScorecardId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.InterviewId, s.InterviewerId }).IsUnique();
        b.HasIndex(s => new { s.InterviewerId, s.State });
    }
}

internal sealed class RatingConfiguration : IEntityTypeConfiguration<Rating>
{
    public void Configure(EntityTypeBuilder<Rating> b)
    {
        b.HasOne<KitItem>().WithMany().HasForeignKey(r => r.KitItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.ScorecardId, r.KitItemId }).IsUnique();
        b.Property(r => r.Version).IsConcurrencyToken();
        b.ToTable(t => t.HasCheckConstraint("CK_Rating_Value", "\"Value\" IS NULL OR (\"Value\" >= 1 AND \"Value\" <= 5)"));
    }
}

internal sealed class RedFlagCheckConfiguration : IEntityTypeConfiguration<RedFlagCheck>
{
    public void Configure(EntityTypeBuilder<RedFlagCheck> b)
    {
        b.HasOne<RedFlag>().WithMany().HasForeignKey(r => r.RedFlagId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<KitItemRedFlag>().WithMany().HasForeignKey(r => r.KitItemRedFlagId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => r.ScorecardId);
        b.Property(r => r.Version).IsConcurrencyToken();
    }
}

internal sealed class ScorecardEventConfiguration : IEntityTypeConfiguration<ScorecardEvent>
{
    public void Configure(EntityTypeBuilder<ScorecardEvent> b)
    {
        b.Property(e => e.Kind).HasMaxLength(32);
        b.Property(e => e.UserId).HasMaxLength(450);
        b.Property(e => e.Recommendation).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Scorecard>().WithMany().HasForeignKey(e => e.ScorecardId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => new { e.ScorecardId, e.Id });
    }
}

internal sealed class RedFlagReviewConfiguration : IEntityTypeConfiguration<RedFlagReview>
{
    public void Configure(EntityTypeBuilder<RedFlagReview> b)
    {
        b.Property(r => r.Decision).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Reason).HasMaxLength(1000);
        b.HasOne<Candidate>().WithMany().HasForeignKey(r => r.CandidateId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => r.CandidateId);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.Action).HasMaxLength(64);
        b.Property(a => a.EntityType).HasMaxLength(64);
        b.Property(a => a.EntityId).HasMaxLength(64);
        b.HasIndex(a => new { a.EntityType, a.EntityId });
        b.HasIndex(a => a.At);

        // The audit trail page filters by these and lists their distinct values (the table grows with every autosave).
        b.HasIndex(a => a.Action);
        b.HasIndex(a => a.UserId);
    }
}
