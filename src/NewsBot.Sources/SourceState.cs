using System.Text.Json;
using Microsoft.Extensions.Options;
using NewsBot.Core;
using NewsBot.Retrieval;

namespace NewsBot.Sources;

/// <summary>What NewsBot remembers about one feed between fetches and restarts.</summary>
public sealed class FeedState
{
    public string? ETag { get; set; }

    public string? LastModified { get; set; }

    public DateTimeOffset? LastFetch { get; set; }

    /// <summary>"200 OK, 3 new", "304 not modified", "HTTP 503 …": the outcome of the last fetch in one line.</summary>
    public string? LastStatus { get; set; }

    public DateTimeOffset? NextFetch { get; set; }

    public int ArticleCount { get; set; }

    public int Failures { get; set; }

    public int GoneCount { get; set; }

    public bool Disabled { get; set; }

    /// <summary>Item links already handled (newest last, capped), so a fetch only imports new items.</summary>
    public List<string> Seen { get; set; } = [];
}

/// <summary>One article written into the corpus: its file (relative to the corpus folder) and the hash of its text.</summary>
public sealed class SavedArticle
{
    public string File { get; set; } = "";

    public string Hash { get; set; } = "";

    public string? Feed { get; set; }
}

public sealed class SourceState
{
    public Dictionary<string, FeedState> Feeds { get; set; } = new(StringComparer.Ordinal);

    /// <summary>By canonical URL.</summary>
    public Dictionary<string, SavedArticle> Articles { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Feed and article state as one small JSON file (<c>Sources:StateFile</c>, default <c>sources.json</c> in the data
/// folder), written atomically (temp file, then rename), so a crash leaves the previous state whole.
/// </summary>
public sealed class SourceStateStore(IOptions<SourcesOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SourceState? _state;

    public string FilePath => options.Value.StateFile is { Length: > 0 } configured
        ? Path.GetFullPath(configured)
        : Path.Combine(AppDataFolder.Resolve(), "sources.json");

    /// <summary>Runs <paramref name="change"/> on the state under a lock and saves it afterwards.</summary>
    public async Task<T> UpdateAsync<T>(Func<SourceState, T> change, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var state = _state ??= Load();
            var result = change(state);
            Save(state);
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<T> ReadAsync<T>(Func<SourceState, T> read, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return read(_state ??= Load());
        }
        finally
        {
            _gate.Release();
        }
    }

    private SourceState Load()
    {
        var file = FilePath;
        if (!File.Exists(file))
        {
            return new SourceState();
        }

        try
        {
            return JsonSerializer.Deserialize<SourceState>(File.ReadAllText(file), Json) ?? new SourceState();
        }
        catch (JsonException ex)
        {
            // Keep the damaged file for inspection; dedupe starts again from the corpus files' URLs on the next writes.
            File.Move(file, file + ".damaged", overwrite: true);
            throw new InvalidDataException($"feed state {file} was damaged ({ex.Message}); moved aside to {file}.damaged");
        }
    }

    private void Save(SourceState state)
    {
        var file = FilePath;
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temp = file + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(state, Json));
        File.Move(temp, file, overwrite: true);
    }
}
