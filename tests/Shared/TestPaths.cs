namespace NewsBot.Tests.Shared;

/// <summary>Locates the repository and the shared data beside it (../shared), read in place and never copied.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Shared => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static string SeedCorpus => Path.Combine(Shared, "corpus", "seed");

    public static string SeedFile => Directory.GetFiles(SeedCorpus).Single();

    public static string SampleCorpus => Path.Combine(RepositoryRoot, "samples", "corpus");

    public static string Datasets => Path.Combine(Shared, "datasets");

    /// <summary>
    /// One dictionary snapshot for every newsbot process the tests start (keyed by the dictionary file and the snapshot
    /// format, so it stays valid across runs): the 25 MB dictionary is parsed once, not once per process.
    /// </summary>
    public static string DictionarySnapshotFolder { get; } = Path.Combine(Path.GetTempPath(), "newsbot-tests", "dictionary-snapshot");

    /// <summary>A fresh empty folder under the temp directory.</summary>
    public static string NewTempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "newsbot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("NewsBot.sln not found above " + AppContext.BaseDirectory);
    }
}
