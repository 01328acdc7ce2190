using NewsBot.Retrieval.Languages;
using NewsBot.Retrieval.Search;
using NewsBot.Tests.Shared;

namespace NewsBot.Core.Tests.Search;

public sealed class DictionaryTests
{
    /// <summary>A few entries in trans-de-en's format: aligned sub-entries, synonyms, annotations, verb forms, a comment.</summary>
    internal const string Sample = """
        # Version :: test
        treffen; begegnen {vi} [soc.] | traf | getroffen :: to meet sb. {met; met} | met | met
        Schloss {n} | Schlösser {pl} :: castle | castles
        Schloss {n} (Türschloss) :: lock
        Burg {f} | Burgen {pl} :: castle | castles
        Festung {f}; Burg {f} :: fortress; castle
        Außenminister {m}; Außenministerin {f} [pol.] | Außenminister {pl} :: foreign minister | foreign ministers
        Sprecher {m} /Spr./ | Sprecher {pl} :: spokesman; speaker | spokesmen; speakers
        Schmied {m} :: smith
        Warschau {n} (Hauptstadt Polens) [geogr.] :: Warsaw (capital of Poland)
        Hafen {m} | im Hafen einlaufen; ein sehr langer Ausdruck mit vielen Wörtern :: harbour [Br.]; harbor [Am.] | to enter port
        """;

    private static BilingualDictionary Load()
    {
        var folder = TestPaths.NewTempFolder();
        var path = Path.Combine(folder, "de-en");
        File.WriteAllText(path, Sample);
        return BilingualDictionary.Load(path);
    }

    private static List<string> Translations(BilingualDictionary dictionary, string word, TranslationDirection direction) =>
        [.. dictionary.Translate(TextAnalyzer.Term(word)!, direction).Select(t => t.Terms)];

    [Fact]
    public void Loads_entries_and_translates_both_ways()
    {
        var dictionary = Load();

        Assert.Equal(10, dictionary.Entries);
        Assert.Contains(TextAnalyzer.Term("meet"), Translations(dictionary, "treffen", TranslationDirection.GermanToEnglish));
        Assert.Contains(TextAnalyzer.Term("treffen"), Translations(dictionary, "meet", TranslationDirection.EnglishToGerman));
        Assert.Contains(TextAnalyzer.Term("Hafen"), Translations(dictionary, "harbor", TranslationDirection.EnglishToGerman));
        Assert.Empty(Translations(dictionary, "unbekannt", TranslationDirection.GermanToEnglish));
    }

    [Fact]
    public void Aligned_sub_entries_pair_verb_forms_and_plurals()
    {
        var dictionary = Load();

        // "traf" stands in the second sub-entry, "met" too: the past tense translates, not only the infinitive.
        Assert.Contains(TextAnalyzer.Term("met"), Translations(dictionary, "traf", TranslationDirection.GermanToEnglish));
        Assert.Contains(TextAnalyzer.Term("Sprecher"), Translations(dictionary, "spokesmen", TranslationDirection.EnglishToGerman));
    }

    [Fact]
    public void An_interjection_is_no_translation_and_its_word_no_german_word()
    {
        var folder = TestPaths.NewTempFolder();
        var path = Path.Combine(folder, "de-en");
        File.WriteAllText(path, """
            Tschüss!; Baba! [Ös.] (Verabschiedung) {interj} | Tschüss erstmal! :: Bye bye!; So long! [Am.] | Bye for now
            lang {adj} | Langstrecke {f} :: long | long distance
            """);
        var dictionary = BilingualDictionary.Load(path);

        // "Baba!" is Austrian for goodbye; read as a translation it would be "long" (by "So long!") and meet every article
        // that says "long"; "long" keeps its own translation.
        Assert.Empty(Translations(dictionary, "Baba", TranslationDirection.GermanToEnglish));
        Assert.False(dictionary.IsGermanWord("baba"));
        Assert.Equal([TextAnalyzer.Term("lang")!], Translations(dictionary, "long", TranslationDirection.EnglishToGerman));
    }

    [Fact]
    public void A_separable_verbs_form_is_keyed_with_its_particle_not_as_the_bare_verb()
    {
        var folder = TestPaths.NewTempFolder();
        var path = Path.Combine(folder, "de-en");
        File.WriteAllText(path, """
            aushändigen; ausfolgen [Ös.] {vt} | aushändigend; ausfolgend | ausgehändigt; ausgefolgt | händigt aus; folgt aus :: to hand over | handing over | handed over | hands over; hands over
            folgen {vi} | folgend | gefolgt | folgt | folgte :: to follow | following | followed | follows | followed
            """);
        var dictionary = BilingualDictionary.Load(path);

        // "folgt" (follows) is not "hands over" because the particle verb "ausfolgen" has the form "folgt aus"; joined with
        // its particle, as a verb-final clause writes it ("…, dass er es ausfolgt"), the form keeps its sense.
        Assert.DoesNotContain(TextAnalyzer.Term("hand"), Translations(dictionary, "folgt", TranslationDirection.GermanToEnglish));
        Assert.Contains(TextAnalyzer.Term("follows"), Translations(dictionary, "folgt", TranslationDirection.GermanToEnglish));
        Assert.Contains(TextAnalyzer.Term("hand"), Translations(dictionary, "ausfolgt", TranslationDirection.GermanToEnglish));
    }

    [Fact]
    public void Annotations_fillers_and_long_phrases_are_not_translations()
    {
        var dictionary = Load();
        var meet = Translations(dictionary, "treffen", TranslationDirection.GermanToEnglish);

        Assert.DoesNotContain("soc", meet);
        Assert.DoesNotContain("sb", meet);
        Assert.DoesNotContain("spr", Translations(dictionary, "spokesman", TranslationDirection.EnglishToGerman));
        // Five words are an example, not a translation; two words are a phrase ("foreign minister").
        Assert.DoesNotContain(dictionary.Translate(TextAnalyzer.Term("port")!, TranslationDirection.EnglishToGerman), t => t.Terms.Contains(' ', StringComparison.Ordinal));
        var foreignMinister = dictionary.Translate($"{TextAnalyzer.Term("foreign")} {TextAnalyzer.Term("minister")}", TranslationDirection.EnglishToGerman);
        Assert.Contains(foreignMinister, t => t.Terms == TextAnalyzer.Term("Außenminister"));
        Assert.All(foreignMinister, t => Assert.StartsWith(TextAnalyzer.Term("Außenminister")!, t.Terms, StringComparison.Ordinal));
    }

    [Fact]
    public void An_english_synonym_that_lists_short_names_with_commas_is_several_synonyms()
    {
        var dictionary = BilingualDictionary.Parse(
        [
            "Rumänien {n} /RO/ [geogr.] :: Romania, Rumania",
            "Washington, D.C. (Hauptstadt der USA) [geogr.] :: Washington, D.C. (capital of the USA)",
            "Abschließend … :: To conclude, we are done here",
        ]);

        Assert.Contains(TextAnalyzer.Term("Rumänien"), Translations(dictionary, "Romania", TranslationDirection.EnglishToGerman));
        Assert.Contains(TextAnalyzer.Term("Rumänien"), Translations(dictionary, "Rumania", TranslationDirection.EnglishToGerman));
        // A part with a one-letter word ("D.C.") or of more than two words keeps the synonym whole.
        Assert.Empty(Translations(dictionary, "Washington", TranslationDirection.EnglishToGerman));
        Assert.Empty(Translations(dictionary, "conclude", TranslationDirection.EnglishToGerman));
    }

    [Fact]
    public void Translations_come_most_frequent_first()
    {
        var castle = Load().Translate(TextAnalyzer.Term("castle")!, TranslationDirection.EnglishToGerman);

        // Burg pairs with castle in two entries, Schloss and Festung in one each.
        Assert.Equal(TextAnalyzer.Term("Burg"), castle[0].Terms);
        Assert.Equal(2, castle[0].Count);
        Assert.All(castle.Skip(1), t => Assert.Equal(1, t.Count));
    }

    [Fact]
    public void Lines_that_are_no_entries_are_skipped()
    {
        var dictionary = BilingualDictionary.Parse(["", "# comment :: not an entry", "no separator here", " :: orphan", "Hafen {m} :: harbour | harbours | extra", "Tür {f} | Türen {pl} :: door"]);

        Assert.Equal(2, dictionary.Entries);
        Assert.Contains(dictionary.Translate(TextAnalyzer.Term("door")!, TranslationDirection.EnglishToGerman), t => t.Terms == TextAnalyzer.Term("Tür"));
        Assert.Contains(dictionary.Translate(TextAnalyzer.Term("harbours")!, TranslationDirection.EnglishToGerman), t => t.Terms == TextAnalyzer.Term("Hafen"));
    }

    [Fact]
    public void German_words_are_known_for_compound_splitting()
    {
        var dictionary = Load();

        Assert.True(dictionary.IsGermanWord("aussenminister"));
        Assert.True(dictionary.IsGermanWord("sprecher"));
        Assert.False(dictionary.IsGermanWord("castle"));
    }

    [Fact]
    public void A_short_english_verb_form_is_a_key_of_its_own_and_a_translation_as_english_text_spells_it()
    {
        // English text stems "died" to "die" so that it meets the question's "die"; but as a key "died" keeps what the
        // dictionary says of that form (gestorben, starb), which under "die" the noun's senses would crowd out.
        var dictionary = BilingualDictionary.Parse(
        [
            "Würfel {m} | Würfel {pl} :: die | dice",
            "Matrize {f} :: die",
            "sterben {vi} | gestorben | er/sie stirbt :: to die {died; died} | died | he/she dies",
        ]);

        var died = dictionary.Translate(TextAnalyzer.KeyTerm("died", Language.English)!, TranslationDirection.EnglishToGerman);
        Assert.Equal([TextAnalyzer.Term("gestorben", Language.German)], died.Select(t => t.Terms));
        Assert.Equal(
            [TextAnalyzer.Term("stirbt", Language.German)],
            dictionary.Translate(TextAnalyzer.KeyTerm("dies", Language.English)!, TranslationDirection.EnglishToGerman).Select(t => t.Terms));
        Assert.Contains(dictionary.Translate("die", TranslationDirection.EnglishToGerman), t => t.Terms == TextAnalyzer.Term("Würfel", Language.German));

        // German → English gives the term English text has: "gestorben" meets "died" in an English passage.
        Assert.Equal(
            [TextAnalyzer.Term("died", Language.English)],
            dictionary.Translate(TextAnalyzer.Term("gestorben", Language.German)!, TranslationDirection.GermanToEnglish).Select(t => t.Terms));
    }
}
