using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PeerInterview.Web.Data;

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteAppDbContext --output-dir Data/Migrations/Sqlite</c> build the context without starting the app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(DatabaseSetup.DefaultSqliteConnection).Options);
}

/// <summary>
/// <c>dotnet ef migrations add … --context PostgresAppDbContext --output-dir Data/Migrations/Postgres</c>; the connection
/// string is only used by commands that touch a database (<c>database update</c>): set <c>ConnectionStrings__Default</c>.
/// </summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>()
            .UseNpgsql(Environment.GetEnvironmentVariable("ConnectionStrings__Default") ?? "Host=localhost;Database=peerinterview")
            .Options);
}
