using Microsoft.Extensions.Options;

namespace NewsBot.Retrieval.Articles;

public sealed class CorpusOptions
{
    public const string SectionName = "Corpus";

    /// <summary>The folder of article files; relative paths resolve against the working directory, then the app folder.</summary>
    public string Path { get; set; } = "samples/corpus";

    /// <summary>Pick up new, changed and deleted files without a restart.</summary>
    public bool Watch { get; set; } = true;

    /// <summary>Keep parsed articles in a cache file so a restart reads only the files that changed.</summary>
    public bool Cache { get; set; } = true;

    /// <summary>Where the cache files go; empty means the "cache" folder under the app's data folder (NEWSBOT_DATA, XDG_DATA_HOME, ~/.local/share/newsbot).</summary>
    public string CacheFolder { get; set; } = "";

    /// <summary>The folder as it exists on disk, or null when neither candidate exists.</summary>
    public string? ResolveFolder()
    {
        if (System.IO.Path.IsPathRooted(Path))
        {
            return Directory.Exists(Path) ? Path : null;
        }

        foreach (var candidate in new[] { System.IO.Path.GetFullPath(Path), System.IO.Path.Combine(AppContext.BaseDirectory, Path) })
        {
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

public sealed class CorpusOptionsValidator : IValidateOptions<CorpusOptions>
{
    public ValidateOptionsResult Validate(string? name, CorpusOptions options) => new OptionChecks<CorpusOptions>()
        .Check(!string.IsNullOrWhiteSpace(options.Path), nameof(options.Path), "Corpus:Path must name the folder of article files.")
        .Result;
}
