using NewsBot.Core.Answers;
using NewsBot.Retrieval.Search;
using NewsBot.Tests.Shared;

namespace NewsBot.Core.Tests.Answers;

/// <summary>German verb forms read back to their infinitive from the dictionary's verb entries, and what that changes in answers.</summary>
public sealed class GermanVerbFormsTests
{
    private static readonly GermanVerbForms Verbs = GermanVerbForms.Parse(
    [
        "vorschlagen {vt} | vorschlagend | vorgeschlagen | schlägt vor | schlug vor :: to propose | proposing | proposed | proposes | proposed",
        "tragen {vt} | tragend | getragen | trägt | trug :: to carry | carrying | carried | carries | carried",
        "sich anschließen {vr}; beitreten {vi} | sich anschließend; beitretend | sich angeschlossen; beigetreten | er/sie schließt sich an; tritt bei | ich/er/sie schloss sich an (schloß [alt]); trat bei :: to join | joining | joined | joins | joined",
        "Trug {m} :: deceit",
        "halten {vt} | haltend | gehalten | hält | hielt :: to hold | holding | held | holds | held",
    ]);

    private static string Term(string word) => TextAnalyzer.Term(word)!;

    [Theory]
    [InlineData("Twigg schlug vor, dass die Ursache Anthrax war.", "vorschlagen")]
    [InlineData("Was schlägt Graham Twigg über die Ausbreitung vor?", "vorschlagen")]
    [InlineData("Die Astronauten trugen neue Anzüge.", "tragen")]
    [InlineData("Einige Normannen schlossen sich türkischen Truppen an, um zu helfen.", "anschließen")]
    [InlineData("Später traten sie dem Bund bei.", "beitreten")]
    public void A_verb_is_read_as_its_infinitive(string sentence, string infinitive) =>
        Assert.Contains(Term(infinitive), Verbs.Terms(sentence));

    [Theory]
    // Without its particle at the clause's end "schlug" is no form of "vorschlagen" ("schlug" alone is listed with none here).
    [InlineData("Er schlug den Ball ins Tor.", "vorschlagen")]
    // A capitalised word is a noun ("Trug", deceit), not the past of "tragen".
    [InlineData("Der Trug wurde entdeckt.", "tragen")]
    public void A_form_is_read_only_where_german_uses_it_as_that_verb(string sentence, string infinitive) =>
        Assert.DoesNotContain(Term(infinitive), Verbs.Terms(sentence));

    [Fact]
    public void The_past_listed_after_the_first_and_second_person_is_a_form()
    {
        // Only four parts after the infinitive were read: with "ich" and "du" before the third person, the past was the sixth.
        var verbs = GermanVerbForms.Parse(["brechen {vt} | brechend | gebrochen | ich breche | du brichst | er/sie bricht | ich/er/sie brach :: to break | breaking | broken | I break | you break | he/she breaks | I/he/she broke"]);
        Assert.Contains(Term("brechen"), verbs.Terms("Die Männer brachen das Schloss."));
        Assert.Contains(Term("brechen"), verbs.Terms("Du brichst es."));
    }

    [Fact]
    public void A_synonym_list_inside_an_annotation_is_no_list_of_verbs()
    {
        // "(Last; Verantwortung) tragen" names one verb: split at the annotation's ";" it read as two, and its one past form
        // "trug" belonged to neither.
        var verbs = GermanVerbForms.Parse(["(Last; Verantwortung) tragen {vt} | tragend | getragen | trägt | trug :: to bear | bearing | borne | bears | bore"]);
        Assert.Contains(Term("tragen"), verbs.Terms("Die Astronauten trugen neue Anzüge."));
    }

    [Fact]
    public void A_function_word_where_an_entry_gives_an_example_is_no_form_of_its_verb()
    {
        // The entry's second part is an example, not a participle: "ohne Samthandschuhe/Glacéhandschuhe" leaves "ohne" where
        // a form of "kämpfen" stands, so every German sentence with "ohne" would speak of fighting.
        var verbs = GermanVerbForms.Parse(["mit harten Bandagen kämpfen; kompromisslos vorgehen {vi} | ohne Samthandschuhe/Glacéhandschuhe; auf die harte Tour :: to fight with the gloves off | without kid gloves; the hard way"]);
        Assert.DoesNotContain(Term("kämpfen"), verbs.Terms("Der Test lief ohne Strom."));
    }

    [Fact]
    public void A_function_word_before_a_particle_is_no_form_of_a_separable_verb()
    {
        // The entry's past of "abweisen" is misprinted "wie ab": "Wie … ab?" would read as a rejection.
        var verbs = GermanVerbForms.Parse(["jdn. abweisen; zurückweisen {vt} | abweisend; zurückweisend | abgewiesen; zurückgewiesen | weist ab; weist zurück | wie ab; wies zurück :: to reject sb.; to turn sb. away | rejecting | rejected | rejects | rejected"]);
        Assert.DoesNotContain(Term("abweisen"), verbs.Terms("Wie viele Bälle fing Norman ab?"));
        Assert.Contains(Term("abweisen"), verbs.Terms("Die Firma weist den Antrag ab."));
    }

    [Fact]
    public void A_stop_word_that_is_a_form_of_a_content_verb_stays_its_form()
    {
        // "gibt" is a stop word ("es gibt") and a form of "geben": "gibt … auf" is "aufgeben".
        var verbs = GermanVerbForms.Parse(["aufgeben {vt} | aufgebend | aufgegeben | gibt auf | gab auf :: to give up | giving up | given up | gives up | gave up"]);
        Assert.Contains(Term("aufgeben"), verbs.Terms("Wann gibt Opel das Werk in Bochum auf?"));
    }

    [Fact]
    public void A_separable_verb_is_read_through_its_base_verb_s_forms()
    {
        // The dictionary gives "abfangen" only its participles; "fing" is listed under "fangen". "fing … ab" is "abfangen".
        var verbs = GermanVerbForms.Parse(
        [
            "fangen {vt} | fangend | gefangen | fängt | fing :: to catch | catching | caught | catches | caught",
            "etw. abfangen {vt} | abfangend | abgefangen :: to intercept sth. | intercepting | intercepted",
            // Where "ab" is read as a separable particle: a two-word form ends in it.
            "abweisen {vt} | abweisend | abgewiesen | weist ab | wies ab :: to reject | rejecting | rejected | rejects | rejected",
        ]);
        Assert.Contains(Term("abfangen"), verbs.Terms("Norman fing vier Bälle ab."));
        Assert.Equal(["ab"], verbs.JoinedParticles("Wie viele Bälle fing Norman ab?"));
    }

    [Fact]
    public async Task An_english_verb_meets_a_german_strong_verb_whose_particle_ends_the_clause()
    {
        // "propose" translates as "vorschlagen"; the article says "schlug … vor". Without the infinitive the sentence naming
        // the historian covers more of the question and the proposal is not quoted.
        using var services = TestPipeline.Services(TestCorpus.WithDictionary(
            TestCorpus.Parse("pest", "pest.md", "---\ntitle: Theorien zur Pest\ndate: 2024-03\n---\n\nDer Historiker Graham Twigg schrieb 1984 ein Buch über die Pest in England. Twigg schlug vor, dass die Ursache eine Form von Anthrax war.\n")));
        var reply = await services.Send("What did the historian Graham Twigg propose?");
        Assert.Contains("Anthrax", reply.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public void The_forms_restored_from_the_dictionary_snapshot_equal_the_forms_parsed_from_the_dictionary()
    {
        var path = SearchOptions.DefaultDictionaryPath;
        if (!File.Exists(path))
        {
            return;
        }

        var snapshots = TestPaths.NewTempFolder();
        Assert.False(BilingualDictionary.Load(path, snapshots).FromSnapshot);
        var restored = BilingualDictionary.Load(path, snapshots);
        var lines = File.ReadLines(path).ToList();
        var parsed = GermanVerbTable.Parse(lines);

        Assert.True(restored.FromSnapshot);
        Assert.Equal(parsed.Forms, restored.GermanVerbs.Forms);
        Assert.Equal(parsed.Particles, restored.GermanVerbs.Particles);
        Assert.Equal(parsed.Verbs, restored.GermanVerbs.Verbs);
        var fromText = GermanVerbForms.Parse(lines);
        var fromSnapshot = GermanVerbForms.Of(restored)!;
        Assert.True(fromText.Count > 10_000);
        Assert.Equal(fromText.Count, fromSnapshot.Count);
        string[] sentences = ["Twigg schlug vor, dass die Ursache Anthrax war.", "Die Astronauten trugen neue Anzüge.", "Einige Normannen schlossen sich türkischen Truppen an.", "Sie hielten die Stadt und gingen dann."];
        Assert.All(sentences, s => Assert.Equal(fromText.Lemmas(s), fromSnapshot.Lemmas(s)));
        Assert.Contains(Term("vorschlagen"), fromSnapshot.Terms(sentences[0]));
    }

    [Fact]
    public void A_participle_counts_as_its_verb_not_as_the_noun_it_spells()
    {
        // "gehalten" stems as "Gehalt" (a salary) does; it is a form of halten, so a question about salaries does not meet it.
        var sentence = "Er wurde mitunter auch für dessen Leibwächter gehalten.";
        Assert.Contains(Term("Gehalt"), ExtractiveAnswerEngine.ParticiplesAsNouns(sentence, Verbs));
        Assert.Contains(Term("halten"), Verbs.Terms(sentence));
    }

    [Fact]
    public void A_noun_the_sentence_names_itself_is_kept_beside_a_participle_that_spells_it() =>
        Assert.Empty(ExtractiveAnswerEngine.ParticiplesAsNouns("Sein Gehalt wurde lange geheim gehalten.", Verbs));
}
