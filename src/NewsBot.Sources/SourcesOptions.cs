using Microsoft.Extensions.Options;
using NewsBot.Retrieval;

namespace NewsBot.Sources;

/// <summary>One feed of <c>Corpus:Feeds[]</c> (checked at start by FeedsOptionsValidator: name, absolute http(s) URL, interval).</summary>
public sealed class FeedDefinition
{
    public string Name { get; set; } = "";

    public string Url { get; set; } = "";

    /// <summary>"de" or "en" when the feed's pages do not say; any other code marks the articles as a third language.</summary>
    public string? Language { get; set; }

    /// <summary>How often the feed is fetched (at least one minute).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(30);
}

/// <summary>The feeds of <c>Corpus:Feeds[]</c> and where their articles go (<c>Corpus:FeedFolder</c>, under the corpus folder).</summary>
public sealed class FeedsOptions
{
    public const string SectionName = "Corpus";

    public List<FeedDefinition> Feeds { get; set; } = [];

    /// <summary>The sub-folder of the corpus folder that fetched articles are written to; empty writes into the corpus folder.</summary>
    public string FeedFolder { get; set; } = "feeds";
}

/// <summary>How pages and feeds are fetched (<c>Sources</c> section).</summary>
public sealed class SourcesOptions
{
    public const string SectionName = "Sources";

    public int TimeoutSeconds { get; set; } = 20;

    /// <summary>A response larger than this is cut off and refused.</summary>
    public long MaxResponseBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>The least time between two requests to the same host.</summary>
    public TimeSpan PerHostInterval { get; set; } = TimeSpan.FromSeconds(2);

    public int MaxRedirects { get; set; } = 5;

    /// <summary>Only http and https to public hosts are fetched unless this is on (loopback, private and link-local addresses).</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>A feed is disabled after this many "410 Gone" answers in a row.</summary>
    public int GoneBeforeDisable { get; set; } = 3;

    /// <summary>The longest wait after repeated failures (the wait doubles from the feed's interval up to this).</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How often the poller looks for feeds that are due.</summary>
    public TimeSpan PollTick { get; set; } = TimeSpan.FromSeconds(30);

    public string UserAgent { get; set; } = "NewsBot/0.1 (+feeds)";

    /// <summary>The feed and article state file; empty means sources.json in the data folder.</summary>
    public string StateFile { get; set; } = "";
}

public sealed class SourcesOptionsValidator : IValidateOptions<SourcesOptions>
{
    public ValidateOptionsResult Validate(string? name, SourcesOptions options) => new OptionChecks<SourcesOptions>()
        .Check(options.TimeoutSeconds is >= 1 and <= 600, nameof(options.TimeoutSeconds), "Sources:TimeoutSeconds must be between 1 and 600.")
        .Check(options.MaxResponseBytes is >= 1024 and <= 1024L * 1024 * 1024, nameof(options.MaxResponseBytes), "Sources:MaxResponseBytes must be between 1 KB and 1 GB.")
        .Check(options.MaxRedirects is >= 0 and <= 20, nameof(options.MaxRedirects), "Sources:MaxRedirects must be between 0 and 20.")
        .Check(options.GoneBeforeDisable is >= 1 and <= 100, nameof(options.GoneBeforeDisable), "Sources:GoneBeforeDisable must be between 1 and 100.")
        .Result;
}
