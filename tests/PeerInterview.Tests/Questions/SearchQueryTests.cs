using PeerInterview.Web.Questions;

namespace PeerInterview.Tests.Questions;

/// <summary>The PostgreSQL search query is built from letters and digits only, mirroring the FTS5 expression.</summary>
public class SearchQueryTests
{
    [Theory]
    [InlineData("cris", "'cris':*")]
    [InlineData("Crisis PLAN", "'crisis':* & 'plan':*")]
    [InlineData("self-care", "('self' <-> 'care':*)")]
    [InlineData("crisis\" OR \"x", "'crisis':* & 'or':* & 'x':*")]
    [InlineData("it's 'quoted' \\ back:slash", "'it':* & 's':* & 'quoted':* & ('back' <-> 'slash':*)")]
    [InlineData("-- ; * & | ! <-> ():*", "")]
    [InlineData("péer 12-step", "'péer':* & ('12' <-> 'step':*)")]
    public void PostgresQuery_KeepsOnlyWordsAndMakesTheLastOfEachTermAPrefix(string q, string expected)
    {
        Assert.Equal(expected, QuestionBank.PostgresPrefixQuery(QuestionBank.SearchTerms(q)));
    }
}
