using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PeerInterview.Web.Domain;

namespace PeerInterview.Web.Data;

/// <summary>
/// The one database context features use. Each provider has a thin subclass
/// (<see cref="SqliteAppDbContext"/>, <see cref="PostgresAppDbContext"/>) that owns its migrations; <see cref="DatabaseSetup"/> picks one.
/// It also holds the data-protection key ring, so every instance over one database shares cookie and token keys.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Competency> Competencies => Set<Competency>();
    public DbSet<SourceDocument> SourceDocuments => Set<SourceDocument>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<QuestionSource> QuestionSources => Set<QuestionSource>();
    public DbSet<DuplicateGroup> DuplicateGroups => Set<DuplicateGroup>();
    public DbSet<RedFlag> RedFlags => Set<RedFlag>();
    public DbSet<InterviewKit> Kits => Set<InterviewKit>();
    public DbSet<KitVersion> KitVersions => Set<KitVersion>();
    public DbSet<KitSection> KitSections => Set<KitSection>();
    public DbSet<KitItem> KitItems => Set<KitItem>();
    public DbSet<KitItemRedFlag> KitItemRedFlags => Set<KitItemRedFlag>();
    public DbSet<KitCompetencyWeight> KitCompetencyWeights => Set<KitCompetencyWeight>();
    public DbSet<FrozenCompetency> FrozenCompetencies => Set<FrozenCompetency>();
    public DbSet<FrozenRedFlag> FrozenRedFlags => Set<FrozenRedFlag>();
    public DbSet<Position> Positions => Set<Position>();
    public DbSet<Candidate> Candidates => Set<Candidate>();
    public DbSet<Interview> Interviews => Set<Interview>();
    public DbSet<Scorecard> Scorecards => Set<Scorecard>();
    public DbSet<Rating> Ratings => Set<Rating>();
    public DbSet<RedFlagCheck> RedFlagChecks => Set<RedFlagCheck>();
    public DbSet<ScorecardEvent> ScorecardEvents => Set<ScorecardEvent>();
    public DbSet<RedFlagReview> RedFlagReviews => Set<RedFlagReview>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<SignInCounter> SignInCounters => Set<SignInCounter>();
    public DbSet<EndedSession> EndedSessions => Set<EndedSession>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset; store UTC ticks so sorting and ranges work in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // timestamptz only accepts UTC offsets; normalise on the way in so no caller can trip over it.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcDateTimeOffsetConverter>();
    }
}

/// <summary>Stores every <see cref="DateTimeOffset"/> with a zero offset (PostgreSQL timestamptz takes UTC only).</summary>
public sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
