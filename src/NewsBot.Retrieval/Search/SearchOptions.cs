using Microsoft.Extensions.Options;

namespace NewsBot.Retrieval.Search;

/// <summary>Search settings: where the bilingual dictionary for cross-lingual queries lives.</summary>
public sealed class SearchOptions
{
    public const string SectionName = "Search";

    /// <summary>Debian's trans-de-en installs it here.</summary>
    public const string DefaultDictionaryPath = "/usr/share/trans/de-en";

    /// <summary>The German–English dictionary (trans-de-en format); empty turns translation off. A missing file only limits cross-lingual search.</summary>
    public string? DictionaryPath { get; set; } = DefaultDictionaryPath;

    /// <summary>Where the dictionary's binary snapshot is kept; default: the cache folder (<c>Corpus:CacheFolder</c>).</summary>
    public string? SnapshotFolder { get; set; }
}

public sealed class SearchOptionsValidator : IValidateOptions<SearchOptions>
{
    public ValidateOptionsResult Validate(string? name, SearchOptions options) =>
        options.DictionaryPath is { Length: > 0 } path && (path.IndexOfAny(Path.GetInvalidPathChars()) >= 0 || Directory.Exists(path))
            ? ValidateOptionsResult.Fail($"{SearchOptions.SectionName}:DictionaryPath must name a dictionary file, not '{path}'")
            : ValidateOptionsResult.Success;
}
