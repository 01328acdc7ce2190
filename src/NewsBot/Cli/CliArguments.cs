using NewsBot.Retrieval.Languages;

namespace NewsBot.Cli;

/// <summary>The parsed command line: a verb, its text, its options, and configuration overrides (--Section:Key=value).</summary>
public sealed record CliArguments
{
    public static readonly IReadOnlyList<string> Verbs = ["run", "ask", "summary", "who", "articles", "digest", "ingest", "stats", .. SourceVerbs.Names];

    public string Verb { get; init; } = "run";

    public string Text { get; init; } = "";

    public Language? Language { get; init; }

    public bool Json { get; init; }

    public string? Corpus { get; init; }

    public DateOnly? Since { get; init; }

    /// <summary>The corpus folder from --corpus, or from "ingest &lt;path&gt;".</summary>
    public string? CorpusFolder => Corpus ?? (Verb == "ingest" && Text.Length > 0 ? Text : null);

    public bool Help { get; init; }

    public bool Version { get; init; }

    /// <summary>Arguments for the configuration system: "--Llm:Provider=OpenAI" style.</summary>
    public IReadOnlyList<string> ConfigurationArgs { get; init; } = [];

    /// <summary>Set when the command line is wrong: one line for stderr (exit code 2).</summary>
    public string? Error { get; init; }

    /// <summary>The options each verb takes; any other is refused rather than silently ignored.</summary>
    private static readonly Dictionary<string, string[]> VerbOptions = new(StringComparer.Ordinal)
    {
        ["run"] = [],
        ["ask"] = ["--lang", "--json"],
        ["summary"] = ["--lang", "--json"],
        ["who"] = ["--lang", "--json"],
        ["articles"] = ["--json"],
        ["digest"] = ["--since", "--lang", "--json"],
        ["ingest"] = ["--json"],
        ["extract"] = ["--json"],
        ["add"] = ["--json"],
        ["feeds"] = ["--json"],
        ["stats"] = ["--lang", "--json"],
    };

    public static CliArguments Parse(IReadOnlyList<string> args)
    {
        // Known before parsing, so that even a parse error is reported as JSON to a script that asked for it.
        var result = new CliArguments { Json = args.Contains("--json") };
        var words = new List<string>();
        var config = new List<string>();
        var used = new List<string>();
        var verbSeen = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? missing = null;
            string? Value(string name)
            {
                used.Add(name);
                if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    return args[++i];
                }

                missing = $"{name} needs a value";
                return null;
            }

            switch (arg)
            {
                case "--help" or "-h":
                    result = result with { Help = true };
                    break;
                case "--version":
                    result = result with { Version = true };
                    break;
                case "--json":
                    used.Add(arg);
                    break;
                case "--lang":
                    var lang = Value("--lang");
                    if (lang is not null)
                    {
                        result = lang is "de" or "en"
                            ? result with { Language = LanguageCodes.TryParse(lang) }
                            : result with { Error = $"--lang must be de or en, not '{lang}'" };
                    }

                    break;
                case "--corpus":
                    result = result with { Corpus = Value("--corpus") };
                    break;
                case "--since":
                    var since = Value("--since");
                    if (since is not null)
                    {
                        result = DateOnly.TryParseExact(since, "yyyy-MM-dd", out var day)
                            ? result with { Since = day }
                            : result with { Error = $"--since must be a date like 2025-02-18, not '{since}'" };
                    }

                    break;
                case "--":
                    words.AddRange(args.Skip(i + 1));
                    i = args.Count;
                    break;
                default:
                    if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains(':', StringComparison.Ordinal))
                    {
                        config.Add(arg);
                        if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Count)
                        {
                            config.Add(args[++i]);
                        }
                    }
                    else if (arg.StartsWith('-') && arg.Length > 1)
                    {
                        result = result with { Error = $"unknown option '{arg}' (see newsbot --help)" };
                    }
                    else if (!verbSeen && words.Count == 0)
                    {
                        if (!Verbs.Contains(arg))
                        {
                            result = result with { Error = $"unknown command '{arg}' (commands: {string.Join(", ", Verbs)})" };
                        }

                        result = result with { Verb = arg };
                        verbSeen = true;
                    }
                    else
                    {
                        words.Add(arg);
                    }

                    break;
            }

            if (missing is not null)
            {
                result = result with { Error = missing };
            }

            if (result.Error is not null)
            {
                break;
            }
        }

        if (result.Error is null && words.Count > 0 && result.Verb == "run")
        {
            result = result with { Error = "newsbot run takes no text" };
        }

        if (result.Error is null && used.FirstOrDefault(o => o != "--corpus" && !VerbOptions[result.Verb].Contains(o)) is { } stray)
        {
            result = result with { Error = $"{stray} does not apply to '{result.Verb}' (see newsbot --help)" };
        }

        return result with { Text = string.Join(' ', words).Trim(), ConfigurationArgs = config };
    }

    public const string Usage = """
        NewsBot: answers questions about a corpus of news articles, in German or English, with citations.

        Usage:
          newsbot [run]                          start the bot: every platform with a token; console chat when none has one
          newsbot ask "<question>" [--lang de|en] [--json]
          newsbot summary [<article id | words>] [--lang de|en] [--json]
          newsbot who [<name>] [--lang de|en] [--json]
          newsbot articles [<words>] [--json]
          newsbot digest [--since <yyyy-mm-dd>] [--lang de|en] [--json]
          newsbot ingest [<path>] [--json]       index the corpus, with a progress bar
          newsbot extract <file.html|url> [--json]  what NewsBot extracts from one page
          newsbot add <url> [--json]             fetch one page into the corpus
          newsbot feeds [--json]                 the configured feeds and their state
          newsbot stats [--json]                 questions, backends, helpful share, topics, model tokens (from the store)

        Options:
          --corpus <dir>     the article folder (overrides Corpus:Path)
          --lang de|en       the answer language
          --json             one JSON object on stdout (logs go to stderr)
          --Section:Key=v    any configuration value, e.g. --Llm:Provider=OpenAI
          --help, --version

        Exit codes: 0 done, 1 failed at run time, 2 bad usage or bad input.
        """;
}
