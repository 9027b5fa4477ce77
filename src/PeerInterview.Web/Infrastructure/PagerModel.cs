namespace PeerInterview.Web.Infrastructure;

/// <summary>What the shared _Pager partial needs: the page to link to, where we are, and the query for another page.</summary>
public sealed record PagerModel(string PageName, int Current, int Count, Func<int, Dictionary<string, string?>> RouteFor);
