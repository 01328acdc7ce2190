using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsBot.Core.People;
using NewsBot.Core.Search;

namespace NewsBot.Core.Articles;

/// <summary>The corpus folder given by <see cref="CorpusOptions"/>, loaded on first use and reloaded on demand.</summary>
public sealed partial class FileCorpusProvider(IOptions<CorpusOptions> options, CorpusLoader loader, ILogger<FileCorpusProvider> logger) : ICorpusProvider
{
    private readonly Lock _gate = new();
    private CorpusSnapshot? _current;
    private long _version;

    public event EventHandler<CorpusSnapshot>? Changed;

    public CorpusSnapshot Current
    {
        get
        {
            if (_current is { } current)
            {
                return current;
            }

            lock (_gate)
            {
                return _current ??= Load();
            }
        }
    }

    /// <summary>The folder in use; throws when it does not exist.</summary>
    public string Folder => options.Value.ResolveFolder()
        ?? throw new DirectoryNotFoundException($"Corpus folder not found: {options.Value.Path} (set Corpus:Path or --corpus)");

    /// <summary>Reads the folder again and swaps the snapshot.</summary>
    public CorpusSnapshot Reload()
    {
        CorpusSnapshot snapshot;
        lock (_gate)
        {
            snapshot = _current = Load();
        }

        Changed?.Invoke(this, snapshot);
        return snapshot;
    }

    /// <summary>Builds a snapshot from already parsed articles (the live watcher re-parses only changed files).</summary>
    public CorpusSnapshot Replace(IReadOnlyList<Article> articles)
    {
        CorpusSnapshot snapshot;
        lock (_gate)
        {
            snapshot = _current = Build(articles);
        }

        Changed?.Invoke(this, snapshot);
        return snapshot;
    }

    private CorpusSnapshot Load()
    {
        var folder = Folder;
        var articles = loader.LoadFolder(folder);
        LogLoaded(logger, articles.Count, folder);
        return Build(articles);
    }

    private CorpusSnapshot Build(IReadOnlyList<Article> articles) =>
        new(articles, CorpusIndex.Build(articles), PeopleIndexBuilder.Build(articles), Interlocked.Increment(ref _version));

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} articles from {Folder}")]
    private static partial void LogLoaded(ILogger logger, int count, string folder);
}
