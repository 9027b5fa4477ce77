using Microsoft.Extensions.DependencyInjection;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Web.Data;
using PeerInterview.Web.Reports;

namespace PeerInterview.Tests.Reports;

public class ReportBuilderComparisonTests
{
    [Fact]
    public async Task ForComparison_ScoresExactlyLikeTheFullReport_WithoutTheRatersText()
    {
        using var app = new TestApp();
        var setup = await ReportSetup.StartAsync(app);
        var kit = await setup.KitAsync("D1", "D5", "D7", "D5");
        var position = await setup.PositionAsync(kit);
        await setup.CandidateAsync(position, kit, "Ana One", [4, 3, 5, 2], [3, null, 4, 4]);
        await setup.CandidateAsync(position, kit, "Ben Two", [2, 2, 3, 3], [3, 2, 2, 3]);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var builder = scope.ServiceProvider.GetRequiredService<ReportBuilder>();
        var full = await builder.ForCandidatesAsync(db.Candidates.Where(c => c.PositionId == position));
        var comparison = await builder.ForComparisonAsync(db.Candidates.Where(c => c.PositionId == position));

        Assert.Equal(2, comparison.Count);
        Assert.Equal(full.Select(r => (r.CandidateId, r.Result.Band, r.Result.Reason, r.Result.Overall)), comparison.Select(r => (r.CandidateId, r.Result.Band, r.Result.Reason, r.Result.Overall)));
        Assert.Equal(
            full.SelectMany(r => r.Result.Competencies.Select(c => (c.Code, c.Score, c.Agreement))),
            comparison.SelectMany(r => r.Result.Competencies.Select(c => (c.Code, c.Score, c.Agreement))));
        Assert.Contains(full.SelectMany(r => r.Result.Questions).SelectMany(q => q.Ratings), x => x.Evidence == "A saw item 1");
        Assert.All(comparison.SelectMany(r => r.Result.Questions).SelectMany(q => q.Ratings), x => Assert.Null(x.Evidence));
    }
}
