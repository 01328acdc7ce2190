using System.Text.Json;
using Microsoft.Extensions.Logging;
using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.Languages;
using NewsBot.Retrieval.Search;
using NewsBot.Tests.Shared;

namespace NewsBot.Core.Tests.Search;

/// <summary>The real trans-de-en dictionary (CI installs the package), loaded once for the whole test run.</summary>
internal static class InstalledDictionary
{
    private static readonly Lazy<BilingualDictionary> Loaded = new(() =>
    {
        Assert.True(File.Exists(SearchOptions.DefaultDictionaryPath), $"{SearchOptions.DefaultDictionaryPath} is missing: install Debian's trans-de-en package");
        return BilingualDictionary.Load(SearchOptions.DefaultDictionaryPath);
    });

    public static BilingualDictionary Instance => Loaded.Value;

    public static QueryTranslator Translator => QueryTranslator.From(Instance);
}

public sealed class CrossLingualSearchTests
{
    private static CorpusIndex SeedIndex(QueryTranslator translator) => CorpusIndex.Build(
        [
            TestCorpus.Seed(),
            TestCorpus.Parse("harbour", "harbour.txt", "date 2025-03-01\n\nDer Hamburger Hafen testet autonome Containerbrücken. Die Gewerkschaft kritisiert den Test.\n"),
            TestCorpus.Parse("tram", "tram.txt", "date 2025-03-02\n\nLisbon extends its tram line to the riverside. The mayor met residents in Beato to discuss noise.\n"),
        ],
        translator);

    [Theory]
    [InlineData("Where did Rubio and Lavrov meet?", "Riad")]
    [InlineData("What does Trump want from Ukraine for US aid?", "amerikanische Hilfe")]
    [InlineData("Who is the Kremlin spokesman?", "Kremlsprecher Dmitri Peskow")]
    [InlineData("What happened to the rouble after the meeting?", "Rubel verzeichnete")]
    public void English_questions_find_the_german_passage_first(string question, string expected)
    {
        var hits = SeedIndex(InstalledDictionary.Translator).Search(new SearchQuery(question), 3);

        Assert.Contains(expected, hits[0].Passage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_index_takes_a_translator_afterwards()
    {
        var plain = SeedIndex(QueryTranslator.None);
        var question = new SearchQuery("What happened to the rouble after the meeting?");

        Assert.DoesNotContain(plain.Search(question, 1), h => h.Passage.Text.Contains("Rubel", StringComparison.Ordinal));
        Assert.Contains("Rubel", plain.WithTranslator(InstalledDictionary.Translator).Search(question, 1)[0].Passage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void English_questions_still_find_english_passages()
    {
        var hits = SeedIndex(InstalledDictionary.Translator).Search(new SearchQuery("Where is the tram line extended?"), 3);

        Assert.Equal("tram", hits[0].Passage.Article.Id);
    }

    [Fact]
    public void Xquad_english_questions_find_german_paragraphs_with_the_dictionary()
    {
        var german = LoadXQuad("de");
        var english = LoadXQuad("en");
        var articles = german.Articles;
        var questions = english.Questions;
        var withDictionary = CorpusIndex.Build(articles, InstalledDictionary.Translator);
        var without = CorpusIndex.Build(articles);

        var recallWith = RecallAt5(withDictionary, questions);
        var recallWithout = RecallAt5(without, questions);

        Assert.True(recallWith >= 0.85, $"en→de recall@5 with the dictionary {recallWith:0.00}");
        Assert.True(recallWith > recallWithout + 0.15, $"the dictionary should lift en→de recall@5: {recallWithout:0.00} → {recallWith:0.00}");
    }

    [Fact]
    public void Sentence_terms_are_right_when_many_threads_share_the_cache()
    {
        var translator = InstalledDictionary.Translator;
        var sentences = TestCorpus.Seed().Blocks.SelectMany(b => Sentences.Split(b.Text)).ToList();
        var expected = sentences.Select(s => translator.TextTerms(s).Order(StringComparer.Ordinal).ToList()).ToList();
        var wrong = 0;

        Parallel.For(0, 8 * sentences.Count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var terms = new List<string>();
            SentenceTerms.For(translator).Fill(sentences[i % sentences.Count], german: true, terms);
            if (!terms.Distinct().Order(StringComparer.Ordinal).SequenceEqual(expected[i % sentences.Count]))
            {
                Interlocked.Increment(ref wrong);
            }
        });

        Assert.Equal(0, wrong);
    }

    [Fact]
    public void A_short_result_list_is_the_head_of_a_long_one()
    {
        // The focus re-ranking stops early for short lists; that must not change which passages come first.
        var index = CorpusIndex.Build(LoadXQuad("de").Articles, InstalledDictionary.Translator);
        var questions = LoadXQuad("en").Questions.Take(200).Select(q => new SearchQuery(q.Text)).ToList();

        foreach (var limit in new[] { 1, 3 })
        {
            var differing = questions
                .Where(q => !index.Search(q, 50).Take(limit).Select(h => (h.Passage, h.Score)).SequenceEqual(index.Search(q, limit).Select(h => (h.Passage, h.Score))))
                .Select(q => q.Text)
                .ToList();
            Assert.Empty(differing);
        }
    }

    [Fact]
    public void Without_a_dictionary_search_works_and_says_once_that_it_is_limited()
    {
        var logger = new ListLogger();
        var translator = QueryTranslator.FromFile(Path.Combine(TestPaths.NewTempFolder(), "no-such-dictionary"), logger);

        var index = SeedIndex(translator);
        var riad = index.Search(new SearchQuery("Where did Rubio and Lavrov meet?"), 3);
        index.Search(new SearchQuery("Wo trafen sich Rubio und Lawrow?"), 3);

        Assert.Null(translator.Dictionary);
        Assert.Contains("Riad", riad[0].Passage.Text, StringComparison.Ordinal);
        var warning = Assert.Single(logger.Messages);
        Assert.Contains("cross-lingual search is limited", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void English_passages_keep_their_ranking_when_german_text_with_the_translations_is_added()
    {
        // "castle" is rarer than "smith" among the English passages; the German news says "Burg" (castle) everywhere. Judged
        // against the whole corpus, "castle" would look common and the smith passage would win; judged among English passages it stays rare.
        var translator = QueryTranslator.From(BilingualDictionary.Parse(DictionaryTests.Sample.Split('\n')));
        List<Article> english =
        [
            TestCorpus.Parse("castle", "castle.txt", "date 2025-03-01\n\nThe castle opens its castle museum to visitors in spring.\n"),
            TestCorpus.Parse("smith", "smith.txt", "date 2025-03-02\n\nThe smith works in the old town and sells tools to visitors.\n"),
            TestCorpus.Parse("smith-2", "smith-2.txt", "date 2025-03-03\n\nA smith from the valley won a prize at the fair.\n"),
        ];
        var german = Enumerable.Range(0, 30)
            .Select(i => TestCorpus.Parse($"burg-{i}", $"burg-{i}.txt", $"date 2025-03-04\n\nDie Burg von Ort {i} ist im Winter geschlossen, sagte der Bürgermeister.\n"))
            .ToList();
        var question = new SearchQuery("Where is the castle or the smith?");

        var alone = CorpusIndex.Build(english, translator).Search(question, 1);
        var mixed = CorpusIndex.Build([.. english, .. german], translator).Search(question, 1);

        Assert.Equal("castle", alone[0].Passage.Article.Id);
        Assert.Equal("castle", mixed[0].Passage.Article.Id);
    }

    [Theory]
    // Seen at the keyboard: "Why did the Samoan government shut down?" met only "shut" in "a planned two-day shutdown".
    [InlineData("Why did the government shut down?", "shut", "shutdown")]
    [InlineData("Who will take over the company?", "take", "takeover")]
    public void An_english_verb_and_its_particle_meet_the_noun_written_as_one_word(string question, string verb, string noun)
    {
        var translator = QueryTranslator.From(BilingualDictionary.Parse(DictionaryTests.Sample.Split('\n')));
        var corpus = new HashSet<string> { TextAnalyzer.Term(noun)!, TextAnalyzer.Term(verb)!, TextAnalyzer.Term("government")! };

        var concept = Assert.Single(translator.Plan(new SearchQuery(question), corpus.Contains), c => c.Terms.ContainsKey(TextAnalyzer.Term(verb)!));

        Assert.Equal(1, concept.Terms[TextAnalyzer.Term(noun)!]);
        Assert.DoesNotContain(translator.Plan(new SearchQuery("Why did the government shut the door?"), corpus.Contains), c => c.Terms.ContainsKey(TextAnalyzer.Term("shutdown")!));
    }

    [Fact]
    public void Translations_are_weighted_by_frequency_and_limited_to_the_corpus()
    {
        var dictionary = BilingualDictionary.Parse(DictionaryTests.Sample.Split('\n'));
        var translator = QueryTranslator.From(dictionary);
        var corpus = new HashSet<string> { TextAnalyzer.Term("Burg")!, TextAnalyzer.Term("Schloss")! };

        var concepts = translator.Plan(new SearchQuery("Where is the castle?"), corpus.Contains);

        var castle = Assert.Single(concepts);
        Assert.Equal(1, castle.Terms[TextAnalyzer.Term("castle")!]);
        Assert.Equal(1, castle.Terms[TextAnalyzer.Term("Burg")!]);
        Assert.True(castle.Terms[TextAnalyzer.Term("Schloss")!] < 1);
        Assert.False(castle.Terms.ContainsKey(TextAnalyzer.Term("Festung")!));
    }

    [Fact]
    public void Forms_of_a_translation_weigh_as_the_translation_and_do_not_crowd_out_other_senses()
    {
        // "play" pairs with the noun "Spiel" in many entries and with the verb's forms in one: the forms are the same sense.
        var dictionary = BilingualDictionary.Parse(
        [
            "Spiel {n} :: play; game", "Schauspiel {n}; Spiel {n} :: play", "Spiel {n} [techn.] :: play; clearance",
            "spielen | spielend | gespielt | spielt | spielte :: to play | playing | played | plays | played",
            "Theaterstück {n} :: play", "Spielzeug {n} :: plaything; toy", "Bühnenstück {n} :: play", "Drama {n} :: play; drama",
        ]);
        var translator = QueryTranslator.From(dictionary);

        var play = translator.Plan(new SearchQuery("played"), _ => true)[0];

        Assert.Equal(1, play.Terms[TextAnalyzer.Term("Spiel")!]);
        Assert.Equal(1, play.Terms[TextAnalyzer.Term("gespielt")!]);
        Assert.Equal(1, play.Terms[TextAnalyzer.Term("spielte")!]);
        Assert.True(play.Terms.ContainsKey(TextAnalyzer.Term("Theaterstück")!));
    }

    [Fact]
    public void A_german_question_ending_in_a_separable_particle_asks_with_the_particle_verb()
    {
        var dictionary = BilingualDictionary.Parse(
        [
            "nehmen {vt} | nehmend | genommen | nimmt | nahm :: to take | taking | taken | takes | took",
            "aufnehmen {vt} | aufnehmend | aufgenommen | nimmt auf | nahm auf :: to record | recording | recorded | records | recorded",
        ]);
        var translator = QueryTranslator.From(dictionary);

        // "nahm … auf" is "recorded": the dictionary keys that form "aufnahm"; "nahm" alone is "took".
        var took = translator.Plan(new SearchQuery("Wann nahm die Band das Album auf?"), _ => true).Single(c => c.Terms.ContainsKey(TextAnalyzer.Term("nahm")!));
        var alone = translator.Plan(new SearchQuery("Wann nahm die Band das Geld?"), _ => true).Single(c => c.Terms.ContainsKey(TextAnalyzer.Term("nahm")!));

        Assert.True(took.Terms.ContainsKey(TextAnalyzer.Term("recorded")!));
        Assert.False(alone.Terms.ContainsKey(TextAnalyzer.Term("recorded")!));
        Assert.True(alone.Terms.ContainsKey(TextAnalyzer.Term("took")!));
    }

    [Fact]
    public void A_german_word_the_dictionary_lacks_splits_at_a_short_part_and_a_feminine_noun_is_read_as_its_masculine()
    {
        var dictionary = BilingualDictionary.Parse(
        [
            "Frau {f} | Frauen {pl} :: woman | women",
            "Tag {m} | Tage {pl} :: day | days",
            "Lokführer {m} :: engine driver",
            "Feiertag {m} :: holiday",
            "Feier {f} :: celebration",
        ]);
        var plan = QueryTranslator.From(dictionary).Plan(new SearchQuery("Wann ist der Frauentag und wer war die Lokführerin?"), _ => true);

        // "Frauentag" is no entry and its head "Tag" is too short for the index's splits; "Lokführerin" only has its masculine.
        Assert.Contains(plan, c => c.Terms.ContainsKey(TextAnalyzer.Term("day")!));
        Assert.Contains(plan, c => c.Terms.ContainsKey(TextAnalyzer.Term("women")!));
        Assert.Contains(plan, c => c.Terms.ContainsKey(TextAnalyzer.Term("Lokführerin")!) && c.Terms.ContainsKey(TextAnalyzer.Term("driver")!));
        // A word the dictionary translates is not split so.
        Assert.DoesNotContain(QueryTranslator.From(dictionary).Plan(new SearchQuery("Wann ist der Feiertag?"), _ => true), c => c.Terms.ContainsKey(TextAnalyzer.Term("day")!));
    }

    [Theory]
    [InlineData("Who is taking over the show?", "taking", "übernehmen", "take")]
    [InlineData("Why are the owners suing Apple?", "suing", "verklagen", "sue")]
    [InlineData("What was he dying of?", "dying", "sterben", "die")]
    public void An_english_ing_form_counts_as_its_verb(string question, string form, string german, string verb)
    {
        var concept = InstalledDictionary.Translator.Plan(new SearchQuery(question), _ => true).Single(c => c.Terms.Keys.First() == TextAnalyzer.Term(form, Language.English));

        Assert.True(concept.Terms.ContainsKey(TextAnalyzer.Term(german, Language.German)!), concept.ToString());
        Assert.True(concept.Terms.ContainsKey(TextAnalyzer.Term(verb, Language.English)!), concept.ToString());
    }

    [Fact]
    public void A_word_in_ing_that_is_no_verb_form_stays_itself()
    {
        var concept = InstalledDictionary.Translator.Plan(new SearchQuery("What happened on Sunday evening?"), _ => true).Single(c => c.Terms.Keys.First() == TextAnalyzer.Term("evening", Language.English));

        // "evening" is no form of "even" ("sogar"): its translations hold no German participle of a verb "even" has.
        Assert.False(concept.Terms.ContainsKey(TextAnalyzer.Term("sogar", Language.German)!), concept.ToString());
    }

    [Fact]
    public void An_english_word_finds_the_german_spelling_of_a_shared_word_the_dictionary_lacks()
    {
        var (index, concepts) = CognatePlan(
            "What does the complexity grow with?",
            TestCorpus.Parse("theorie", "theorie.txt", "date 2025-02\n\nDie Komplexität der Probleme wächst mit der Eingabe.\n"),
            TestCorpus.Parse("hafen", "hafen.txt", "date 2025-02\n\nDer Hafen wächst mit jedem Jahr.\n"));

        Assert.Contains(concepts, c => c.Terms.ContainsKey(TextAnalyzer.Term("Komplexität")!));
        Assert.Equal("theorie", index.Search(new SearchQuery("What does the complexity grow with?"), 1)[0].Passage.Article.Id);
        Assert.Equal("komplexitat", Cognates.Germanize("complexitat"));
        Assert.Equal("sertifikat", Cognates.Germanize("certificat"));
    }

    [Fact]
    public void A_german_word_finds_the_english_spelling_of_a_shared_word_in_english_passages_only()
    {
        var (_, concepts) = CognatePlan(
            "Wie wächst die Komplexität der Probleme?",
            TestCorpus.Parse("theory", "theory.md", "---\ntitle: Theory\n---\nThe complexity of the problem grows with the input.\n"),
            TestCorpus.Parse("kontrolle", "kontrolle.txt", "date 2025-02\n\nDie Complexität AG wächst mit den Jahren.\n"));
        var concept = concepts.Single(c => c.Terms.ContainsKey(TextAnalyzer.Term("Komplexität")!));

        Assert.Equal(Cognates.Weight, concept.Terms[TextAnalyzer.Term("complexity")!]);
        // "Complexität" in the German passage spells the respelt word exactly, but German look-alikes are not searched for.
        Assert.DoesNotContain(TextAnalyzer.Term("Complexität")!, concept.Terms.Keys);
        Assert.Equal("complexiti", Cognates.Anglicize("komplexiti"));
    }

    [Fact]
    public void Spelling_cognates_need_the_word_to_agree_beyond_its_first_letters()
    {
        var (_, concepts) = CognatePlan(
            "What does the contract say?",
            TestCorpus.Parse("vertrag", "vertrag.txt", "date 2025-02\n\nDer Kontrakt sieht eine Kontrolle vor.\n"));
        var contract = concepts.Single(c => c.Terms.ContainsKey(TextAnalyzer.Term("contract")!));

        Assert.Equal(Cognates.Weight, contract.Terms[TextAnalyzer.Term("Kontrakt")!]);
        Assert.DoesNotContain(TextAnalyzer.Term("Kontrolle")!, contract.Terms.Keys);
    }

    [Theory]
    [InlineData("Wann wählt Ägypten?")]
    [InlineData("When does Egypt vote?")]
    public void A_place_finds_the_german_adjective_made_from_it(string question)
    {
        var translator = QueryTranslator.From(BilingualDictionary.Parse(["Ägypten {n} [geogr.] :: Egypt"]));
        var index = CorpusIndex.Build(
        [
            TestCorpus.Parse("wahl", "wahl.txt", "date 2015-09\n\nDas ägyptische Parlament wird im Herbst gewählt.\n"),
            TestCorpus.Parse("ernte", "ernte.txt", "date 2015-09\n\nDie Ernte wird im Herbst eingebracht.\n"),
        ], translator);

        var place = translator.Plan(new SearchQuery(question), index.Contains, index.WithPrefix).Single(c => c.Terms.ContainsKey(TextAnalyzer.Term("ägyptische")!));

        Assert.Equal(Cognates.Weight, place.Terms[TextAnalyzer.Term("ägyptische")!]);
        Assert.Equal("wahl", index.Search(new SearchQuery(question), 1)[0].Passage.Article.Id);
    }

    [Fact]
    public void A_german_adjective_in_isch_finds_the_place_it_is_made_from()
    {
        var translator = QueryTranslator.From(BilingualDictionary.Parse(["Theorie {f} :: theory"]));
        var index = CorpusIndex.Build([TestCorpus.Parse("wahl", "wahl.txt", "date 2015-09\n\nIn Ägypten wird im Herbst gewählt.\n")], translator);

        var concepts = translator.Plan(new SearchQuery("Wann wird das ägyptische Parlament gewählt?"), index.Contains, index.WithPrefix);

        Assert.Contains(concepts, c => c.Terms.ContainsKey(TextAnalyzer.Term("ägyptische")!) && c.Terms.GetValueOrDefault(TextAnalyzer.Term("Ägypten")!) == Cognates.Weight);
    }

    /// <summary>An index over <paramref name="articles"/> with a dictionary that lacks the question's words, and the question's plan.</summary>
    private static (CorpusIndex Index, List<QueryConcept> Concepts) CognatePlan(string question, params Article[] articles)
    {
        var translator = QueryTranslator.From(BilingualDictionary.Parse(["Theorie {f} :: theory"]));
        var index = CorpusIndex.Build(articles, translator);
        return (index, translator.Plan(new SearchQuery(question), index.Contains, index.WithPrefix));
    }

    [Fact]
    public void Names_and_numbers_stay_and_names_gain_their_exonym()
    {
        var translator = QueryTranslator.From(BilingualDictionary.Parse(DictionaryTests.Sample.Split('\n')));

        var concepts = translator.Plan(new SearchQuery("Where did they meet in Warsaw in 2015?"), _ => true);

        var warsaw = concepts.Single(c => c.Terms.ContainsKey(TextAnalyzer.Term("Warsaw")!));
        Assert.Equal(1, warsaw.Terms[TextAnalyzer.Term("Warsaw")!]);
        Assert.Equal(1, warsaw.Terms[TextAnalyzer.Term("Warschau")!]);
        Assert.Equal(["2015"], concepts.Single(c => c.Terms.ContainsKey("2015")).Terms.Keys);
        Assert.True(concepts.Single(c => c.Terms.ContainsKey(TextAnalyzer.Term("meet")!)).Terms.Count > 1);
    }

    [Fact]
    public void Extra_terms_from_a_model_combine_with_the_dictionary_at_a_lower_weight()
    {
        var translator = QueryTranslator.From(BilingualDictionary.Parse(DictionaryTests.Sample.Split('\n')));

        var concepts = translator.Plan(new SearchQuery("Who is the spokesman?") { ExtraTerms = ["Sprecher Peskow"] }, _ => true);

        var spokesman = concepts.Single(c => c.Weight == 1 && c.Terms.ContainsKey(TextAnalyzer.Term("spokesman")!));
        Assert.Equal(1, spokesman.Weight);
        Assert.True(spokesman.Terms.ContainsKey(TextAnalyzer.Term("Sprecher")!));
        var peskow = concepts.Single(c => c.Terms.ContainsKey(TextAnalyzer.Term("Peskow")!));
        Assert.Equal(QueryTranslator.ExtraTermWeight, peskow.Weight);
    }

    [Fact]
    public void A_german_sentence_covers_an_english_question_through_translations_and_compound_parts()
    {
        var translator = InstalledDictionary.Translator;
        var concepts = translator.Plan(new SearchQuery("Who is the Kremlin spokesman?"), _ => true);
        const string evidence = "Kremlsprecher Dmitri Peskow erklärte, der russische Präsident habe mehrfach seine Bereitschaft für Verhandlungen betont.";
        const string unrelated = "Die russische Währung Rubel verzeichnete nach dem Treffen schon mal einen starken Sprung.";

        Assert.Equal(1, QueryTranslator.Coverage(concepts, translator.TextTerms(evidence)));
        Assert.Equal(0, QueryTranslator.Coverage(concepts, translator.TextTerms(unrelated)));
        Assert.Equal(0, QueryTranslator.Coverage(concepts, QueryTranslator.None.TextTerms(evidence)));
    }

    [Theory]
    [InlineData("Kremlsprecher Dmitri Peskow erklärte, der russische Präsident habe mehrfach seine Bereitschaft für Verhandlungen betont.", true)]
    [InlineData("Die Außenminister trafen sich in Riad; die Regierungschefs blieben zu Hause.", true)]
    [InlineData("Secretary of State Marco Rubio met Foreign Minister Sergei Lavrov in Riyadh.", false)]
    public void Sentence_terms_for_re_ranking_are_the_terms_a_sentence_covers_a_question_with(string sentence, bool german)
    {
        var translator = InstalledDictionary.Translator;
        var terms = new List<string>();

        SentenceTerms.For(translator).Fill(sentence, german, terms);
        SentenceTerms.For(translator).Fill(sentence, german, terms);

        Assert.Equal(translator.TextTerms(sentence, german).Order(StringComparer.Ordinal), terms.Distinct().Order(StringComparer.Ordinal));
    }

    private static double RecallAt5(CorpusIndex index, List<(string Text, int Article, int Paragraph)> questions) =>
        questions.Count(q => index.Search(new SearchQuery(q.Text), 5).Any(h => h.Passage.Article.Id == $"x{q.Article}" && h.Passage.Ordinal == q.Paragraph)) / (double)questions.Count;

    private static (List<Article> Articles, List<(string Text, int Article, int Paragraph)> Questions) LoadXQuad(string language)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.Datasets, "xquad-dev", $"xquad.{language}.dev.json")));
        var articles = new List<Article>();
        var questions = new List<(string, int, int)>();
        foreach (var (article, a) in json.RootElement.GetProperty("data").EnumerateArray().Select((x, i) => (x, i)))
        {
            var paragraphs = article.GetProperty("paragraphs").EnumerateArray().ToList();
            articles.Add(new Article
            {
                Id = $"x{a}",
                Title = "",
                Date = "",
                Language = language == "de" ? Language.German : Language.English,
                Blocks = [.. paragraphs.Select(p => new ArticleBlock(BlockKind.Paragraph, p.GetProperty("context").GetString()!))],
            });
            for (var p = 0; p < paragraphs.Count; p++)
            {
                questions.AddRange(paragraphs[p].GetProperty("qas").EnumerateArray().Select(q => (q.GetProperty("question").GetString()!, a, p)));
            }
        }

        return (articles, questions);
    }

    private sealed class ListLogger : ILogger
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add(formatter(state, exception));
    }
}
