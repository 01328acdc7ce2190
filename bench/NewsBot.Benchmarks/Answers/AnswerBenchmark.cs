using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsBot.Benchmarks.Perf;
using NewsBot.Benchmarks.Retrieval;
using NewsBot.Core;
using NewsBot.Retrieval.Articles;
using NewsBot.Core.Chat;
using NewsBot.Retrieval.Languages;
using NewsBot.Retrieval.People;
using NewsBot.Retrieval.Search;
using NewsBot.Retrieval.Corpus;

namespace NewsBot.Benchmarks.Answers;

/// <summary>
/// Answer quality without a model. Each question goes through the real chat pipeline (router, ask handler, extractive
/// engine); answer@1 is the share of questions whose gold answer span appears in the reply, cite@1 the share whose first
/// citation is the gold paragraph (XQuAD) or article (reader questions). Two baselines on the same retrieval: the first
/// sentence of the top passage, and the top passage's sentence that shares the most query concepts.
/// Every set is split in two halves fixed before tuning (XQuAD by article: even articles are half A, odd half B;
/// reader questions by sorted id, every other one): half A was tuned on, half B was not.
/// <c>answers [--datasets DIR] [--dictionary PATH | --no-dictionary] [--smoke] [--show N] [--show-short N] [--only xquad|readers] [--half A|B] [--questions PATH] [--log PATH] [--id ID]</c>; --show-short lists half A's wrong short answers (XQuAD and reader questions); --id shows the answer to one reader question of half A, right or wrong.
/// --questions asks another question file (the reader questions' form) in place of the reader questions, every one in half A
/// unless the file gives its own "half" (readers-dev2.json: its held-out questions are half B, which --show never lists), so --show lists it: a set of one's own (unanswerable-dev.json) shows what a declining rule does without looking at half B.
/// </summary>
public static class AnswerBenchmark
{
    private static readonly (Language Question, Language Passage)[] Pairs =
    [
        (Language.German, Language.German),
        (Language.English, Language.English),
        (Language.English, Language.German),
        (Language.German, Language.English),
    ];

    /// <summary>--log PATH: one line per question (set, direction, half, id, right, cited, declined, short answer right), to compare two runs question by question.</summary>
    private static StreamWriter? _log;

    public static async Task<int> RunAsync(string[] args)
    {
        var smoke = args.Contains("--smoke");
        var datasets = RetrievalBenchmark.Option(args, "--datasets") ?? Path.Combine(RetrievalBenchmark.RepositoryRoot(), "..", "shared", "datasets");
        var dictionaryPath = args.Contains("--no-dictionary") ? null : RetrievalBenchmark.Option(args, "--dictionary") ?? SearchOptions.DefaultDictionaryPath;
        var show = int.TryParse(RetrievalBenchmark.Option(args, "--show"), CultureInfo.InvariantCulture, out var n) ? n : 0;
        var showShort = int.TryParse(RetrievalBenchmark.Option(args, "--show-short"), CultureInfo.InvariantCulture, out var m) ? m : 0;
        var only = RetrievalBenchmark.Option(args, "--only");
        var half = RetrievalBenchmark.Option(args, "--half");
        var output = Console.Out;
        var logPath = RetrievalBenchmark.Option(args, "--log");
        await using var log = logPath is null ? null : new StreamWriter(logPath);
        _log = log;

        var xquad = Path.Combine(datasets, "xquad-dev");
        if (!File.Exists(Path.Combine(xquad, "xquad.de.dev.json")))
        {
            Console.Error.WriteLine($"answers: XQuAD not found under {xquad} (pass --datasets DIR)");
            return 2;
        }

        var translator = dictionaryPath is not null && File.Exists(dictionaryPath) ? QueryTranslator.From(BilingualDictionary.Load(dictionaryPath)) : QueryTranslator.None;
        // The engine's word knowledge from the same file, as the host has it; no snapshot is written from a benchmark.
        var words = translator.Dictionary is null ? WordKnowledgeSource.None : new WordKnowledgeSource(dictionaryPath);
        output.WriteLine(translator.Dictionary is null ? "Dictionary: none (cross-lingual figures are limited)." : $"Dictionary: {dictionaryPath}.");

        var german = XQuadDataset.Load(Path.Combine(xquad, "xquad.de.dev.json"), Language.German);
        var english = XQuadDataset.Load(Path.Combine(xquad, "xquad.en.dev.json"), Language.English);
        if (smoke)
        {
            german = german.Take(2);
            english = english.Take(2);
        }

        LanguageDetection(german, english, output);

        if (only is null or "xquad")
        {
            await XQuadAsync(german, english, translator, words, half, show, showShort, output);
        }

        if (only is null or "readers")
        {
            var path = Path.Combine(RetrievalBenchmark.RepositoryRoot(), "bench", "NewsBot.Benchmarks", "Answers", "reader-questions.json");
            var own = RetrievalBenchmark.Option(args, "--questions");
            var questions = own is null ? ReaderQuestions.Load(path) : ReaderQuestions.LoadOwn(own);
            await ReadersAsync(questions, datasets, translator, words, smoke, half, show, showShort, RetrievalBenchmark.Option(args, "--id"), output);
        }

        return 0;
    }

    /// <summary>XQuAD half A: even articles (tuned on); half B: odd articles (not tuned on).</summary>
    private static string HalfOf(XQuadQuestion question) => question.Article % 2 == 0 ? "A" : "B";

    private static void LanguageDetection(XQuadDataset german, XQuadDataset english, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("Language of the XQuAD questions (LanguageDetector; null = undecided counts as wrong):");
        output.WriteLine("| half | German questions | English questions |");
        output.WriteLine("|---|---:|---:|");
        foreach (var h in new[] { "A", "B" })
        {
            var de = german.Questions.Where(q => HalfOf(q) == h).ToList();
            var en = english.Questions.Where(q => HalfOf(q) == h).ToList();
            var deRight = de.Count(q => LanguageDetector.Detect(q.Text) == Language.German);
            var enRight = en.Count(q => LanguageDetector.Detect(q.Text) == Language.English);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {h} | {Share(deRight, de.Count)} ({deRight}/{de.Count}) | {Share(enRight, en.Count)} ({enRight}/{en.Count}) |"));
        }
    }

    private static async Task XQuadAsync(XQuadDataset german, XQuadDataset english, QueryTranslator translator, WordKnowledgeSource words, string? onlyHalf, int show, int showShort, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"XQuAD dev, one article per paragraph: {german.Articles.Sum(a => a.Blocks.Count)} paragraphs, {german.Questions.Count} questions per language.");
        var rows = new List<string>();
        foreach (var (questionLanguage, passageLanguage) in Pairs)
        {
            var questions = questionLanguage == Language.German ? german : english;
            var passages = passageLanguage == Language.German ? german : english;
            var gold = passages.Questions.ToDictionary(q => q.Id, StringComparer.Ordinal);
            var articles = PerParagraph(passages);
            await using var services = Pipeline(new CorpusSnapshot(articles, CorpusIndex.Build(articles, translator), PeopleIndexBuilder.Build(articles), 1), words);
            var direction = $"{questionLanguage.ToCode()}→{passageLanguage.ToCode()}";
            foreach (var h in new[] { "A", "B" }.Where(h => onlyHalf is null || onlyHalf == h))
            {
                var tally = new Tally();
                int shown = 0, shownShort = 0;
                foreach (var question in questions.Questions.Where(q => HalfOf(q) == h))
                {
                    var goldQuestion = gold[question.Id];
                    var outcome = await AskAsync(services, question.Id, question.Text, goldQuestion.Answers, ParagraphId(goldQuestion.Article, goldQuestion.Paragraph));
                    tally.Add(outcome);
                    Log("xquad", direction, h, question.Id, outcome);
                    if (h == "A" && !outcome.Answer && shown++ < show)
                    {
                        output.WriteLine($"  MISS {direction} {question.Text} | gold: {(goldQuestion.Answers.Count > 0 ? goldQuestion.Answers[0] : "")} | cite {(outcome.Cite ? "ok" : "wrong")}\n    {outcome.Text.ReplaceLineEndings(" ")}");
                    }

                    if (h == "A" && outcome.Short && !outcome.ShortRight && shownShort++ < showShort)
                    {
                        output.WriteLine($"  SHORT {direction} {question.Text} | gold: {(goldQuestion.Answers.Count > 0 ? goldQuestion.Answers[0] : "")}\n    {outcome.Text.ReplaceLineEndings(" ")}");
                    }
                }

                rows.Add($"| {direction} | {h} | {tally.Row()} |");
            }
        }

        output.WriteLine();
        output.WriteLine("| direction | half | questions | answer@1 | cite@1 | baseline: first sentence | baseline: most overlap | answer words (mean) | declined | missed: other passage first | missed: right passage, span not quoted | short answer given | short answer right |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        rows.ForEach(output.WriteLine);
    }

    private static async Task ReadersAsync(IReadOnlyList<ReaderQuestion> all, string datasets, QueryTranslator translator, WordKnowledgeSource words, bool smoke, string? onlyHalf, int show, int showShort, string? trace, TextWriter output)
    {
        var sources = BenchCorpus.ReadSources(datasets);
        var folder = Path.Combine(Path.GetTempPath(), "newsbot-answers-" + Guid.NewGuid().ToString("N"));
        try
        {
            var wanted = smoke ? all.Select(q => q.Article).OfType<string>().ToHashSet(StringComparer.Ordinal) : null;
            var chosen = wanted is null ? sources : [.. sources.Where(s => wanted.Contains(s.Key)).Concat(sources.Take(40))];
            BenchCorpus.Write(folder, chosen.DistinctBy(s => s.Key).ToList(), chosen.DistinctBy(s => s.Key).Count());
            var articles = Directory.GetFiles(folder).Order(StringComparer.Ordinal)
                .Select(f => ArticleParser.Parse(Path.GetFileNameWithoutExtension(f), Path.GetFileName(f), File.ReadAllText(f)))
                .ToList();
            output.WriteLine();
            output.WriteLine($"Reader questions: {all.Count} over {articles.Count} articles (10kGNAD test + Wikinews, written as the raw corpus form and parsed).");
            var known = articles.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var missing in all.Where(q => q.Article is { } a && !known.Contains(a)))
            {
                output.WriteLine($"  warning: {missing.Id} names article {missing.Article}, which is not in the corpus");
            }

            await using var services = Pipeline(new CorpusSnapshot(articles, CorpusIndex.Build(articles, translator), PeopleIndexBuilder.Build(articles), 1), words);
            var rows = new List<string>();
            foreach (var h in new[] { "A", "B" }.Where(h => onlyHalf is null || onlyHalf == h))
            {
                var half = all.Where(q => q.Half == h).ToList();
                var answerable = new Tally();
                var perDirection = new Dictionary<string, Tally>(StringComparer.Ordinal);
                var perType = new Dictionary<string, Tally>(StringComparer.Ordinal);
                int unanswerable = 0, declined = 0;
                foreach (var question in half)
                {
                    var outcome = await AskAsync(services, question.Id, question.Question, question.Expected, question.Article);
                    Log(question.Article is null ? "unanswerable" : "readers", question.Direction, h, question.Id, outcome);
                    if (question.Article is null)
                    {
                        unanswerable++;
                        declined += outcome.Declined ? 1 : 0;
                        if (!outcome.Declined && h == "A" && show > 0)
                        {
                            output.WriteLine($"  ANSWERED {question.Id} {question.Question}\n    {outcome.Text.ReplaceLineEndings(" ")}");
                        }

                        continue;
                    }

                    answerable.Add(outcome);
                    (perDirection.TryGetValue(question.Direction, out var d) ? d : perDirection[question.Direction] = new Tally()).Add(outcome);
                    (perType.TryGetValue(question.Type, out var t) ? t : perType[question.Type] = new Tally()).Add(outcome);
                    if ((!outcome.Answer && show > 0 || question.Id == trace) && h == "A")
                    {
                        output.WriteLine($"  {(outcome.Answer ? "RIGHT" : "MISS")} {question.Id} [{question.Type} {question.Direction}] {question.Question} | expected: {string.Join(" / ", question.Expected)} | cite {(outcome.Cite ? "ok" : "wrong")}\n    {outcome.Text.ReplaceLineEndings(" ")}");
                    }

                    if (outcome.Short && !outcome.ShortRight && h == "A" && showShort > 0)
                    {
                        output.WriteLine($"  SHORT {question.Id} [{question.Type} {question.Direction}] {question.Question} | expected: {string.Join(" / ", question.Expected)}\n    {outcome.Text.ReplaceLineEndings(" ")}");
                    }
                }

                rows.Add($"| {h} | all answerable | {answerable.Row()} |");
                foreach (var (direction, tally) in perDirection.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    rows.Add($"| {h} | {direction} | {tally.Row()} |");
                }

                foreach (var (type, tally) in perType.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    rows.Add($"| {h} | type {type} | {tally.Row()} |");
                }

                rows.Add($"| {h} | unanswerable | {unanswerable} | declined {declined} of {unanswerable} | | | | | | | | | |");
            }

            output.WriteLine();
            output.WriteLine("| half | set | questions | answer@1 | cite@1 | baseline: first sentence | baseline: most overlap | answer words (mean) | declined | missed: other article first | missed: right article, span not quoted | short answer given | short answer right |");
            output.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            rows.ForEach(output.WriteLine);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Log(string set, string direction, string half, string id, Outcome outcome) =>
        _log?.WriteLine($"{set}\t{direction}\t{half}\t{id}\t{(outcome.Answer ? 1 : 0)}\t{(outcome.Cite ? 1 : 0)}\t{(outcome.Declined ? 1 : 0)}\t{(outcome.Short ? outcome.ShortRight ? "1" : "0" : "-")}");

    /// <param name="Short">The reply led with a short answer (a phrase before the cited evidence); ShortRight: it and the gold span hold one another.</param>
    private sealed record Outcome(bool Answer, bool Cite, bool FirstSentence, bool MostOverlap, bool Declined, int Words, string Text, bool Short, bool ShortRight);

    /// <summary>One question through the pipeline (a fresh chat, so no memory), and the two baselines on the same retrieval.</summary>
    private static async Task<Outcome> AskAsync(ServiceProvider services, string id, string question, IReadOnlyList<string> expected, string? goldArticle)
    {
        var pipeline = services.GetRequiredService<IChatPipeline>();
        var request = new ChatRequest { Platform = Platforms.Console, ChatId = "q-" + id, UserId = "u", Text = "/ask " + question };
        var reply = await pipeline.HandleAsync(request, null, CancellationToken.None);
        var text = reply.PlainText;
        var corpus = services.GetRequiredService<ICorpusProvider>().Current;
        var (hits, plan) = corpus.Index.Find(new SearchQuery(question), 6);
        var top = hits.Count > 0 ? Sentences.Split(hits[0].Passage.Text) : [];
        var first = top.Count > 0 ? top[0] : "";
        var overlap = MostOverlap(top, plan);
        var shortAnswer = ShortAnswerOf(reply);
        return new Outcome(
            Contains(text, expected),
            goldArticle is not null && reply.Citations.Count > 0 && reply.Citations[0].ArticleId == goldArticle,
            Contains(first, expected),
            Contains(overlap, expected),
            reply.Kind != ReplyKind.Answer || reply.Citations.Count == 0,
            text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length,
            text,
            shortAnswer is not null,
            shortAnswer is not null && expected.Any(e => e.Length > 0 && (shortAnswer.Contains(Normal(e), StringComparison.Ordinal) || Normal(e).Contains(shortAnswer, StringComparison.Ordinal))));
    }

    /// <summary>
    /// The short answer a reply leads with, without its gloss in the asker's language: a first paragraph that cites nothing
    /// and does not introduce quoted evidence ("From the German article … :"). Null when the reply has none.
    /// </summary>
    private static string? ShortAnswerOf(Reply reply)
    {
        if (reply.Kind != ReplyKind.Answer || reply.Blocks.Count < 2 || reply.Blocks[0] is not { Kind: ReplyBlockKind.Paragraph, Text: var first }
            || first.Contains('[', StringComparison.Ordinal) || first.TrimEnd().EndsWith(':'))
        {
            return null;
        }

        var gloss = first.EndsWith(')') ? first.LastIndexOf(" (", StringComparison.Ordinal) : -1;
        return Normal(gloss > 0 ? first[..gloss] : first);
    }

    /// <summary>The sentence that covers the most of the question's concepts (any translation counts), first on ties.</summary>
    private static string MostOverlap(IReadOnlyList<string> sentences, QueryPlan plan)
    {
        if (sentences.Count == 0)
        {
            return "";
        }

        var concepts = plan.Translator.Plan(plan.Query, plan.Statistics.Contains);
        return sentences
            .Select(s => (Sentence: s, Terms: plan.Translator.TextTerms(s)))
            .Select(s => (s.Sentence, Count: concepts.Count(c => c.Terms.Keys.Any(s.Terms.Contains))))
            .Aggregate((best, next) => next.Count > best.Count ? next : best)
            .Sentence;
    }

    private static bool Contains(string text, IReadOnlyList<string> expected)
    {
        var normal = Normal(text);
        return expected.Any(e => e.Length > 0 && normal.Contains(Normal(e), StringComparison.Ordinal));
    }

    private static string Normal(string text) => string.Join(' ', text.ToLowerInvariant().Split((char[])[' ', '\n', '\t', '\r', '\u00A0'], StringSplitOptions.RemoveEmptyEntries));

    private static ServiceProvider Pipeline(CorpusSnapshot snapshot, WordKnowledgeSource words)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddNewsBotCore(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Bot:RateLimit:QuestionsPerMinute"] = "0" }).Build()).AddInMemoryState().AddExtractiveAnswers();
        services.AddSingleton<ICorpusProvider>(new FixedCorpus(snapshot));
        services.AddSingleton(words);
        return services.BuildServiceProvider();
    }

    /// <summary>Each XQuAD paragraph as its own article, so a citation names the paragraph.</summary>
    private static List<Article> PerParagraph(XQuadDataset dataset) =>
        [.. dataset.Articles.SelectMany((article, a) => article.Blocks.Select((block, p) => new Article
        {
            Id = ParagraphId(a, p),
            Title = article.Title,
            Date = "",
            Language = dataset.Language,
            Blocks = [block],
        }))];

    private static string ParagraphId(int article, int paragraph) => $"xquad-{article:000}-{paragraph}";

    private static string Share(int count, int total) => total == 0 ? "–" : (count / (double)total).ToString("0.00", CultureInfo.InvariantCulture);

    private sealed class Tally
    {
        private int _count, _answer, _cite, _first, _overlap, _declined, _otherPassage, _otherSentence, _short, _shortRight;
        private long _words;

        public void Add(Outcome outcome)
        {
            _count++;
            _answer += outcome.Answer ? 1 : 0;
            _cite += outcome.Cite ? 1 : 0;
            _first += outcome.FirstSentence ? 1 : 0;
            _overlap += outcome.MostOverlap ? 1 : 0;
            _declined += outcome.Declined ? 1 : 0;
            // A miss is declined, or cites another passage first, or cites the right one but quotes a sentence without the span.
            _otherPassage += !outcome.Answer && !outcome.Declined && !outcome.Cite ? 1 : 0;
            _otherSentence += !outcome.Answer && !outcome.Declined && outcome.Cite ? 1 : 0;
            _words += outcome.Words;
            _short += outcome.Short ? 1 : 0;
            _shortRight += outcome.ShortRight ? 1 : 0;
        }

        public string Row() => string.Create(
            CultureInfo.InvariantCulture,
            $"{_count} | {Share(_answer, _count)} ({_answer}) | {Share(_cite, _count)} | {Share(_first, _count)} | {Share(_overlap, _count)} | {(_count == 0 ? 0 : _words / (double)_count):0.0} | {_declined} | {_otherPassage} | {_otherSentence} | {_short} | {Share(_shortRight, _short)} ({_shortRight})");
    }

    private sealed class FixedCorpus(CorpusSnapshot snapshot) : ICorpusProvider
    {
        public CorpusSnapshot Current => snapshot;

        public event EventHandler<CorpusSnapshot>? Changed { add { } remove { } }
    }
}
