using NewsBot.Core.Answers;
using NewsBot.Retrieval.Articles;
using NewsBot.Core.Chat;
using NewsBot.Retrieval.Languages;
using NewsBot.Retrieval.People;
using NewsBot.Retrieval.Search;

namespace NewsBot.Core.Tests.Answers;

/// <summary>The answer-type classifier, sentence boundaries and short-question language, in both languages.</summary>
public sealed class AnswerTypeTests
{
    [Fact]
    public void A_currency_symbol_that_is_a_function_word_is_that_word() =>
        Assert.StartsWith("1,98 Meter", AnswerTypes.Phrases("Wobei auf den 1,98 Meter großen Klitschko ein Gegner wartet.", AnswerKind.Amount, new HashSet<string>()).First().Text);

    [Theory]
    [InlineData("In which year did she start at the orchestra?", "until 1995", true)]
    [InlineData("Wann wurde der Vertrag unterzeichnet?", "bis Mitternacht", true)]
    [InlineData("In which year did she start at the orchestra?", "in 1988", false)]
    [InlineData("Until when did it stay a secret?", "until 1995", false)]
    [InlineData("Wie lange hat das Museum geöffnet?", "bis Mitternacht", false)]
    public void An_end_bound_answers_no_question_for_a_point_in_time(string question, string phrase, bool until) =>
        Assert.Equal(until, AnswerTypes.IsUntilForPoint(AnswerTypes.Classify(question), phrase));

    [Theory]
    [InlineData("In which town is the new ski museum?", true)]
    [InlineData("In welcher Stadt wurde der Vertrag unterzeichnet?", true)]
    [InlineData("Auf welcher Insel landete das Flugzeug?", true)]
    [InlineData("In welchem Staat liegt der Windpark?", false)]
    [InlineData("In which state did the jets land?", false)]
    [InlineData("Where did the jets land?", false)]
    public void A_kind_of_place_inside_a_country_is_asked_by_its_noun(string question, bool within)
    {
        var type = AnswerTypes.Classify(question, Knowledge.Value);
        Assert.Equal(AnswerKind.Place, type.Kind);
        Assert.Equal(within, type.WithinCountry);
    }

    [Theory]
    [InlineData("Die Steirerin sorgte im zweiten Durchgang für einen Rekord.", true)]
    [InlineData("Der 23-Jährige wechselt nach Oberösterreich.", true)]
    [InlineData("Die Regierung sorgte für Unmut.", false)]
    [InlineData("Der Sommer kam früh.", false)]
    public void A_german_sentence_may_name_the_person_before_again_by_role_origin_or_age(string sentence, bool expected) =>
        Assert.Equal(expected, Evidence.NamesPersonAgain(sentence, Knowledge.Value));

    [Theory]
    [InlineData("Slowenien wird die Einreise von Flüchtlingen ab sofort begrenzen.", "ab sofort")]
    [InlineData("The ban takes effect immediately, the ministry said.", "immediately")]
    [InlineData("Zambia will reintroduce the auction at the end of this month, the governor said.", "the end of this month")]
    [InlineData("The talks resume next week in Geneva.", "next week")]
    [InlineData("Die Tarife gelten ab Ende des kommenden Jahres.", "ab Ende des kommenden Jahres")]
    [InlineData("Der Prozess beginnt nächste Woche.", "nächste Woche")]
    public void Now_and_a_time_relative_to_now_are_times(string sentence, string expected) =>
        Assert.Equal([expected], AnswerTypes.Phrases(sentence, AnswerKind.Time, new HashSet<string>()).Select(p => p.Text));

    [Theory]
    [InlineData("The new route shaves almost six hours off the flight, to 11-1/2 hours.", "11-1/2 hours")]
    [InlineData("Talks lasted 2-1/2 days.", "2-1/2 days")]
    public void A_duration_may_end_in_a_fraction_as_the_wire_services_write_it(string sentence, string expected) =>
        Assert.Contains(expected, AnswerTypes.Phrases(sentence, AnswerKind.Time, new HashSet<string>()).Select(p => p.Text));

    [Fact]
    public void An_age_is_no_time() =>
        Assert.Equal(["am Samstag"], AnswerTypes.Phrases("Klitschkos Gegner ist 27 Jahre alt und kämpft am Samstag.", AnswerKind.Time, new HashSet<string>()).Select(p => p.Text));

    [Theory]
    [InlineData("Ein Chemiker wurde zu 3,5 Jahren Haft verurteilt.", true, true)]
    [InlineData("Eine junge Lehrerin fand das Kind.", true, true)]
    [InlineData("Das Urteil ist nicht rechtskräftig, ein Einspruch ist möglich.", true, false)]
    [InlineData("A nurse found the baby in the playground.", false, true)]
    [InlineData("A new law was passed in the spring.", false, false)]
    public void Someone_spoken_of_by_an_indefinite_person_noun_is_an_answer_to_who(string sentence, bool german, bool expected) =>
        Assert.Equal(expected, AnswerTypes.NamesSomeoneUnnamed(sentence, Knowledge.Value, german));

    [Theory]
    [InlineData("Wie viele Menschen starben bei dem Unglück?", "starben")]
    [InlineData("Wie viele Menschen wurden verletzt?", "verletzt")]
    [InlineData("How many people were killed in the attack?", "killed")]
    [InlineData("How many people died?", "died")]
    [InlineData("How many soldiers does the army have?", null)]
    [InlineData("Wie viele Einwohner hat Graz?", null)]
    public void A_how_many_question_names_what_happened_to_the_counted_by_its_verb(string question, string? verb) =>
        Assert.Equal(verb, AnswerTypes.CountedVerb(question, _ => false));

    [Theory]
    [InlineData("18 people died", "18 people")]
    [InlineData("3 wounded soldiers", "3 wounded soldiers")]
    [InlineData("7.4 billion dlrs", "7.4 billion dlrs")]
    [InlineData("Ted", "Ted")]
    [InlineData("66 seats since", "66 seats")]
    [InlineData("36.50 dlrs while", "36.50 dlrs")]
    [InlineData("seven motorcyclists dead", "seven motorcyclists")]
    [InlineData("two hostages missing", "two hostages")]
    [InlineData("two basis points", "two basis points")]
    [InlineData("70 pct this year", "70 pct this year")]
    [InlineData("10.5 pct while European", "10.5 pct")]
    [InlineData("4.5 mln dlrs", "4.5 mln dlrs")]
    [InlineData("over 10 mln tonnes already", "over 10 mln tonnes")]
    [InlineData("64-year-old mayor left", "64-year-old")]
    public void An_english_amount_ends_before_a_past_tense_verb_a_function_word_or_a_word_after_its_plural_noun(string phrase, string expected) =>
        Assert.Equal(expected, AnswerTypes.WithoutTrailingVerbOrFunctionWord(phrase));

    [Theory]
    [InlineData("the government began a planned two-day shutdown", new[] { "day", "shutdown" })]
    [InlineData("The sixteen-year-old Swede", new[] { "year-old", "Swede" })]
    [InlineData("killed two-thirds of its population", new string[0])]
    [InlineData("zwei Universitäten", new[] { "Universitäten" })]
    [InlineData("sechs von zehn Schülern", new[] { "Schülern" })]
    [InlineData("one out of five voters", new[] { "voters" })]
    public void A_word_joined_to_a_number_by_a_hyphen_is_what_it_counts_unless_it_is_a_fraction(string sentence, string[] expected) =>
        Assert.Equal(expected, AnswerTypes.CountedWords(sentence));

    [Theory]
    [InlineData("Der von 3D-Druckern erzeugte Plastikmüll wächst: fünf bis zehn Prozent sind Ausschuss.", "fünf bis zehn Prozent")]
    [InlineData("The G20 met for 5G talks in 2019 and the Airbus A380 carried 853 passengers.", "853 passengers")]
    [InlineData("They ran 10km on Sunday.", "10")]
    // Wire copy writes a mixed fraction with a hyphen: "11-1/2" is eleven and a half, no range ending in 1.
    [InlineData("The new route shortens the flight path to 11-1/2 hours.", "11-1/2 hours")]
    // A qualifier at the start of a sentence is capitalised: "At least seven people", not "seven people".
    [InlineData("At least seven people were killed yesterday.", "At least seven people")]
    // An English ordinal is no amount: "3rd down" counts no three of anything.
    [InlineData("With 4:51 left, Carolina faced its 3rd down in the 21st minute.", "4:51 left")]
    // A share is one amount (seen at the keyboard: "zehn Schülern" answered how many pupils can read).
    [InlineData("Nur sechs von zehn Schülern der vierten Klasse können sinnerfassend lesen.", "sechs von zehn Schülern")]
    [InlineData("Turnout was low: one out of five voters.", "one out of five voters")]
    [InlineData("Police have arrested 9 of 12 suspects.", "9 of 12 suspects")]
    public void A_number_written_into_a_name_is_no_amount_and_a_range_is_one(string sentence, string expected) =>
        Assert.Equal([expected], AnswerTypes.Phrases(sentence, AnswerKind.Amount, new HashSet<string>()).Select(p => p.Text));

    [Theory]
    [InlineData("Unterdessen haben die Ottawa Senators Guy Boucher als neuen Cheftrainer vorgestellt.", "senators", "Guy Boucher")]
    [InlineData("Facebook Ireland Limited was sued in Vienna.", "facebook", null)]
    public void A_person_named_after_the_questions_team_or_title_is_the_answer(string sentence, string questionTerm, string? expected) =>
        Assert.Equal(expected, AnswerTypes.Phrases(sentence, AnswerKind.Person, new HashSet<string>(TextAnalyzer.Terms(questionTerm)), Knowledge.Value, german: questionTerm == "senators").Select(p => p.Text).FirstOrDefault());

    [Fact]
    public void A_hyphenated_unit_belongs_to_its_amount() =>
        Assert.Equal(["two-day shutdown"], AnswerTypes.Phrases("Samoa began a planned two-day shutdown to make way for the campaign.", AnswerKind.Amount, new HashSet<string>()).Select(p => p.Text));

    [Theory]
    [InlineData("Katzian geht davon aus, dass von den 1.100 gemeldeten Mitarbeitern weniger als 700 gehen müssen.", "1.100", true)]
    [InlineData("Katzian geht davon aus, dass von den 1.100 gemeldeten Mitarbeitern weniger als 700 gehen müssen.", "weniger als 700", false)]
    [InlineData("Die Arbeitslosigkeit soll von 9,1 auf 9,5 Prozent zunehmen.", "9,1", true)]
    [InlineData("Unemployment rose from 61 to 69 percent.", "61", true)]
    [InlineData("Das Gericht verhängte eine Strafe von 500 Euro.", "500 Euro", false)]
    [InlineData("Two of the three suspects were arrested.", "three", true)]
    [InlineData("It reported a loss for the third quarter of 561,029 dlrs, compared with a 114,712 dlr loss a year before.", "114,712 dlr", true)]
    [InlineData("It reported a loss for the third quarter of 561,029 dlrs, compared with a 114,712 dlr loss a year before.", "561,029 dlrs", false)]
    [InlineData("Der Umsatz stieg um 4,2 Prozent gegenüber 3,1 Prozent im Vorjahr.", "3,1 Prozent", true)]
    public void The_whole_a_part_is_taken_from_and_the_start_of_a_change_are_base_amounts(string sentence, string phrase, bool isBase) =>
        Assert.Equal(isBase, AnswerTypes.IsBaseAmount(sentence, sentence.IndexOf(phrase, StringComparison.Ordinal), phrase));

    [Theory]
    [InlineData("Gordon Macklin has served as president for 17 years.", "for 17 years", true)]
    [InlineData("Die Brücke wurde vor 27 Jahren gebaut.", "27 Jahren", false)]
    [InlineData("The bridge was built 27 years ago.", "27 years", false)]
    [InlineData("The deal closes within 24 hours.", "within 24 hours", false)]
    [InlineData("They met on Monday.", "on Monday", false)]
    public void A_duration_alone_says_how_long_not_when(string sentence, string phrase, bool bare) =>
        Assert.Equal(bare, AnswerTypes.IsBareDuration(sentence, phrase, sentence.IndexOf(phrase, StringComparison.Ordinal)));

    [Theory]
    [InlineData("When did Thatcher write to Nakasone?", AnswerKind.Time)]
    [InlineData("Wann schrieb Thatcher an Nakasone?", AnswerKind.Time)]
    [InlineData("How many times did he say no?", AnswerKind.Amount)]
    [InlineData("What did Thatcher write to Nakasone?", AnswerKind.Quote)]
    [InlineData("Was sagte Thatcher über Japan?", AnswerKind.Quote)]
    public void A_question_that_opens_with_when_or_how_many_asks_for_that_whatever_its_verb(string question, AnswerKind kind) =>
        Assert.Equal(kind, AnswerTypes.Classify(question).Kind);

    [Theory]
    [InlineData("In what country can most of the Amazon rainforest be found?", true)]
    [InlineData("Which nation contains the majority of the forest?", true)]
    [InlineData("Welche Nation enthält den größten Teil des Waldes?", true)]
    [InlineData("In welchem Land ist der größte Teil des Regenwaldes zu finden?", true)]
    [InlineData("Wie viele Nationen liegen im Becken?", false)]
    [InlineData("Where did Rubio and Lavrov meet?", false)]
    public void A_question_for_a_country_is_a_where_question_that_asks_for_one(string question, bool country)
    {
        var type = AnswerTypes.Classify(question);
        Assert.Equal(country, type.Country);
        Assert.Equal(country, type.Kind == AnswerKind.Place && type.Country);
    }

    [Fact]
    public void A_language_adjective_names_no_country()
    {
        // Even where the adjective's term is a country's ("Niederländisch" and "Niederlande" may stem alike).
        var countries = new HashSet<string>(StringComparer.Ordinal) { TextAnalyzer.Term("Niederländisch")!, TextAnalyzer.Term("Brasilien")!, TextAnalyzer.Term("Spanish")! };
        Assert.Equal(["Brasilien"], AnswerTypes.CountriesIn("Auf Niederländisch heißt er anders, er liegt in Brasilien.", countries, new HashSet<string>()).Select(c => c.Text));
        Assert.Empty(AnswerTypes.CountriesIn("Known in Spanish as the Belt.", countries, new HashSet<string>()));
    }

    [Theory]
    [InlineData("Wer ist der Sprecher des Kremls?", AnswerKind.Person)]
    [InlineData("Who led the Panthers in sacks?", AnswerKind.Person)]
    [InlineData("Wann endete der Bürgerkrieg?", AnswerKind.Time)]
    [InlineData("How quickly did Trump claim he could end the war?", AnswerKind.Time)]
    [InlineData("Wo trafen sich Rubio und Lawrow?", AnswerKind.Place)]
    [InlineData("Where did Rubio and Lavrov meet?", AnswerKind.Place)]
    [InlineData("Was kostet das Projekt in Lissabon?", AnswerKind.Amount)]
    [InlineData("How old was Jon Huber when he died?", AnswerKind.Amount)]
    [InlineData("How tall is Klitschko?", AnswerKind.Amount)]
    [InlineData("Wie breit ist der Kanal?", AnswerKind.Amount)]
    [InlineData("Was hat der Umbau des Bahnhofs gekostet?", AnswerKind.Amount)]
    [InlineData("What did the new bridge cost?", AnswerKind.Amount)]
    [InlineData("What does the project in Lisbon cost?", AnswerKind.Amount)]
    [InlineData("Wie viele Experten schickt Österreich?", AnswerKind.Amount)]
    // A number, a population or a total is an amount, as "wie hoch ist die Zahl …" is.
    [InlineData("What was the estimated population of Pons Aelius around the 2nd century?", AnswerKind.Amount)]
    [InlineData("What is the number of students at the university?", AnswerKind.Amount)]
    [InlineData("Warum zweifelt Moskau an Selenskyjs Legitimität?", AnswerKind.Reason)]
    [InlineData("Why does Russia question Zelensky's legitimacy?", AnswerKind.Reason)]
    [InlineData("Was sagte Lawrow?", AnswerKind.Quote)]
    [InlineData("What did Hegseth say about NATO?", AnswerKind.Quote)]
    [InlineData("Hat Spanien mehr Infektionen als die USA?", AnswerKind.YesNo)]
    [InlineData("Was Pohiva ever put in jail?", AnswerKind.YesNo)]
    // "How long is …" asks a length, unless the question ends in the state that lasts.
    [InlineData("How long is the new tram line?", AnswerKind.Amount)]
    [InlineData("How long is the library in Leipzig open?", AnswerKind.Time)]
    [InlineData("How long is the motorway closed?", AnswerKind.Time)]
    // A phrase before the question word says of what the question asks; the question word says what.
    [InlineData("Prior to Manning, who was the oldest quarterback to play in a Super Bowl?", AnswerKind.Person)]
    [InlineData("Nach dem Anschlag, wo wurde der Täter festgenommen?", AnswerKind.Place)]
    [InlineData("Last year, how many people visited the museum?", AnswerKind.Amount)]
    public void Questions_are_classified_by_the_kind_of_answer_they_ask_for(string question, AnswerKind expected) =>
        Assert.Equal(expected, AnswerTypes.Classify(question).Kind);

    private static readonly Lazy<WordKnowledge> Knowledge = new(() => WordKnowledge.Load("/usr/share/trans/de-en"));

    [Theory]
    [InlineData("What actor did sign language for the anthem?", AnswerKind.Person)]
    [InlineData("What researcher first used the word oxygen?", AnswerKind.Person)]
    [InlineData("Welcher deutsche Forscher prägte das Wort Oxygenium?", AnswerKind.Person)]
    [InlineData("Welcher Panther-Verteidiger wurde bestraft?", AnswerKind.Person)]
    [InlineData("Which NASA location supported the plan last?", AnswerKind.Other)]
    [InlineData("Welche Stadt wurde den Hugenotten überlassen?", AnswerKind.Other)]
    public void A_which_question_about_a_person_noun_of_the_dictionary_asks_for_a_person(string question, AnswerKind expected)
    {
        Assert.Equal(expected, AnswerTypes.Classify(question, Knowledge.Value).Kind);
        // Without the dictionary's word knowledge the noun is not known as a person's.
        Assert.Equal(AnswerKind.Other, AnswerTypes.Classify(question).Kind);
    }

    [Theory]
    [InlineData("In which Polish town did five girls die in a fire?", true)]
    [InlineData("Near which island did the diving boat burn?", true)]
    [InlineData("Between which two towns did the bus crash?", true)]
    [InlineData("Auf welcher Insel wurde das Schiff umbenannt?", true)]
    [InlineData("In welcher katalanischen Hafenstadt brannte das Haus?", true)]
    // Without a locative preposition the question asks which place it is by name, anywhere in its sentence.
    [InlineData("Welche Stadt wurde den Hugenotten überlassen?", false)]
    // The noun phrase goes on past the kind of place: an agency is asked for.
    [InlineData("At which state agency did she work?", false)]
    // "Sport" and "Antwort" end in "Ort" but are no compounds of it.
    [InlineData("In welchem Sport gewann sie?", false)]
    public void A_which_question_after_a_locative_preposition_about_a_kind_of_place_asks_where(string question, bool where) =>
        Assert.Equal(where, AnswerTypes.Classify(question, Knowledge.Value).Kind == AnswerKind.Place);

    [Theory]
    [InlineData("From which town did the children come?", Bound.From)]
    [InlineData("Aus welcher Stadt kamen die Kinder?", Bound.From)]
    [InlineData("To which island were the victims flown?", Bound.To)]
    [InlineData("In welcher Stadt starben die Kinder?", Bound.None)]
    public void A_which_place_question_from_or_to_asks_where_a_movement_starts_or_ends(string question, Bound expected) =>
        Assert.Equal(expected, AnswerTypes.Classify(question, Knowledge.Value).Bound);

    [Theory]
    // Where something happened does not say where its people came from: only a place after "from"/"aus" holds it.
    [InlineData("A road accident on a Florida highway near Gainesville killed five children in a church bus.", false)]
    [InlineData("The five children in the church bus were from Marksville, Louisiana.", true)]
    public void A_where_from_question_is_held_only_by_where_a_movement_starts(string sentence, bool expected) =>
        Assert.Equal(expected, AnswerTypes.Holds(sentence, AnswerTypes.Classify("Aus welchem Ort kamen die Kinder im Kirchenbus?", Knowledge.Value), new HashSet<string>()));

    [Theory]
    [InlineData("In welchem Jahr fing er bei der CIA an?", CalendarUnit.Year)]
    [InlineData("In what year was the bridge built?", CalendarUnit.Year)]
    [InlineData("An welchem Tag traten die Regeln in Kraft?", CalendarUnit.Day)]
    [InlineData("On what date did King John sign the Magna Carta?", CalendarUnit.Day)]
    [InlineData("When did King John sign the Magna Carta?", CalendarUnit.None)]
    public void A_which_question_about_a_calendar_unit_asks_a_time_in_it(string question, CalendarUnit expected) =>
        Assert.Equal(expected, AnswerTypes.Classify(question).Unit);

    [Theory]
    // "bis heute" is no day; the signing's date is.
    [InlineData("In Teilen ist die Magna Carta bis heute in Kraft.", false)]
    [InlineData("King John unterzeichnete das Dokument am 15. Juni 1215.", true)]
    public void A_sentence_holds_a_date_question_only_with_a_day(string sentence, bool expected) =>
        Assert.Equal(expected, AnswerTypes.Holds(sentence, AnswerTypes.Classify("On what date did King John sign the Magna Carta?"), new HashSet<string>()));

    [Theory]
    [InlineData("He said: \"He will be missed. May he rest in peace.\"", false)]
    [InlineData("\"May God protect their parents,\" he wrote.", false)]
    [InlineData("A fourth book is due out in May.", true)]
    [InlineData("May was the wettest month of the year.", false)]
    public void An_english_may_opening_its_clause_wishes_and_is_no_month(string sentence, bool month) =>
        Assert.Equal(month, AnswerTypes.Phrases(sentence, AnswerKind.Time, new HashSet<string>()).Any(p => p.Text.EndsWith("May", StringComparison.Ordinal)));

    [Theory]
    [InlineData("Sirhan was serving his time at Richard J. Donovan Correctional Facility in San Diego County.", AnswerKind.Place, "Richard J. Donovan Correctional Facility")]
    [InlineData("Sirhan shot Senator Robert F. Kennedy in 1968.", AnswerKind.Person, "Robert F. Kennedy")]
    public void A_middle_initial_is_part_of_a_name(string sentence, AnswerKind kind, string expected) =>
        Assert.Equal(expected, AnswerTypes.Phrases(sentence, kind, new HashSet<string>(), Knowledge.Value).Select(p => p.Text).First());

    [Fact]
    public void A_given_name_before_a_middle_initial_is_no_title() =>
        Assert.Contains("John C. Messenger", AnswerTypes.Phrases("It is known in English by John C. Messenger's translation.", AnswerKind.Person, new HashSet<string>(), Knowledge.Value).Select(p => p.Text.TrimEnd('s').TrimEnd('\'')));

    [Theory]
    [InlineData("Was kostet das Projekt in Lissabon?", true)]
    [InlineData("How much did the city pay for the trams?", true)]
    [InlineData("Wie teuer ist die Verlängerung?", true)]
    [InlineData("How much money does Japan Display expect to lose in the first quarter?", true)]
    [InlineData("Wie hoch war der Verlust im ersten Quartal?", true)]
    [InlineData("How much did the company earn last year?", true)]
    [InlineData("How many residents will the tram serve?", false)]
    [InlineData("Wie viele Experten schickt Österreich?", false)]
    // A count of days or prizes, though "spend" and "Preis" are money words.
    [InlineData("How many days did the crew spend in orbit?", false)]
    [InlineData("Wie viele Preise gewann der Film?", false)]
    // A question that names a currency asks for an amount in it.
    [InlineData("How much damage did the typhoon cause in dollars?", true)]
    [InlineData("Wie hoch war der Schaden in Euro?", true)]
    [InlineData("How many euros were stolen?", true)]
    // What a thing is sold or bought for is its price; a count of what was sold is no money.
    [InlineData("For how much is Tesco selling its Polish stores?", true)]
    [InlineData("Für wie viel verkaufte die Firma ihre Tochter?", true)]
    [InlineData("How many cars did the company sell in March?", false)]
    public void A_question_about_cost_asks_for_money(string question, bool money) =>
        Assert.Equal(money, AnswerTypes.Classify(question).Money);

    [Theory]
    [InlineData("Boris Johnson said the ruling was wrong.", "Boris Johnson", true)]
    [InlineData("\"We will appeal\", said Johnson.", "Boris Johnson", true)]
    [InlineData("According to Johnson, the ruling was wrong.", "Boris Johnson", true)]
    [InlineData("Die Kritik kam von Angela Merkel selbst.", "Angela Merkel", true)]
    [InlineData("The court found Johnson's advice to the Queen \"was unlawful\".", "Boris Johnson", false)]
    [InlineData("Sie demonstrierten gegen Kanzlerin Angela Merkel: \"Grenzen dicht\", riefen sie.", "Angela Merkel", false)]
    [InlineData("Merkels Politik sei gescheitert, sagte der Redner.", "Angela Merkel", false)]
    [InlineData("The judges spoke with Johnson on Monday.", "Boris Johnson", false)]
    [InlineData("The court found Mayor Tom Ashdown's order to close the harbour \"was unlawful\".", "Tom Ashdown", false)]
    // A comma ends the clause: Warren is the subject of "commended", no object of "to".
    [InlineData("In a video message posted to Twitter, Warren commended Biden and said she was \"proud\".", "Elizabeth Warren", true)]
    public void A_speaker_is_named_as_one_who_may_speak_not_only_as_an_owner_or_an_object(string sentence, string speaker, bool names) =>
        Assert.Equal(names, ExtractiveAnswerEngine.NamesAsSpeaker(sentence, [.. NewsBot.Retrieval.Search.TextAnalyzer.Tokens(speaker)]));

    [Theory]
    [InlineData("Den Preis gewann überraschend Mark Rylance (56): Er stach den Favoriten aus.", "56", "Mark Rylance")]
    [InlineData("The chairman, Gordon Macklin, 58, will stay.", "58", "Gordon Macklin")]
    [InlineData("22-year-old Rangoli Patil was her co-pilot.", "22-year-old", "Rangoli Patil")]
    [InlineData("Officials said the 14-year-old son Barron tested negative.", "14-year-old", "Barron")]
    [InlineData("Der 28-jährige Abwehrstratege Alexandru Epureanu fällt aus.", "28", "Abwehrstratege Alexandru Epureanu")]
    [InlineData("He died on Monday aged 41.", "41", "")]
    [InlineData("Der 32-Jährige gönnte sich nach 36 Stunden ein Nickerchen.", "32", "")]
    public void An_age_stands_beside_the_name_of_whose_age_it_is(string sentence, string phrase, string names) =>
        Assert.Equal(names, string.Join(' ', AnswerTypes.BesideAge(sentence, phrase, sentence.IndexOf(phrase, StringComparison.Ordinal))));

    [Theory]
    [InlineData("Wie schwer ist die neue Drohne?", true)]
    [InlineData("How heavy is the new drone?", true)]
    [InlineData("How much does the new drone weigh?", true)]
    [InlineData("Wie viel wiegt die neue Drohne?", true)]
    [InlineData("Wie hoch ist die neue Drohne?", false)]
    [InlineData("How much does the new drone cost?", false)]
    public void A_question_about_weight_asks_for_a_weight(string question, bool weight) =>
        Assert.Equal(weight, AnswerTypes.Classify(question).Weight);

    [Theory]
    [InlineData("470 Gramm", true)]
    [InlineData("980 Tonnen", true)]
    [InlineData("2.5 kg", true)]
    [InlineData("200 pounds", true)]
    [InlineData("drei Tonnen", true)]
    [InlineData("200 Dollar", false)]
    [InlineData("zwei Bewegungscontrollern", false)]
    [InlineData("zehn Jahren", false)]
    [InlineData("30 Zentimeter", false)]
    public void A_weight_is_an_amount_in_a_unit_of_weight(string amount, bool weight)
    {
        Assert.Equal(weight, AnswerTypes.IsWeight(amount));
        // A how-heavy question is answered by a weight only.
        Assert.Equal(weight, AnswerTypes.Classify("Wie schwer ist die neue Drohne?").Fits(amount));
    }

    [Theory]
    [InlineData("rund 14 Millionen Euro", true)]
    [InlineData("48 million euros", true)]
    [InlineData("$3.5 billion", true)]
    [InlineData("20 Franken", true)]
    [InlineData("CHF 20", true)]
    [InlineData("tram line 15", false)]
    [InlineData("3.2 kilometres", false)]
    // Codes count in capitals only: "cup", "all" and "top" are words.
    [InlineData("3 cup finals", false)]
    [InlineData("all 12 top teams", false)]
    [InlineData("12 ft", false)]
    // The hundredths region data does not name; "per cent" is a percentage.
    [InlineData("3,17 Cent", true)]
    [InlineData("50 pence", true)]
    [InlineData("5 per cent", false)]
    // The wire services' abbreviations.
    [InlineData("800 mln dlrs", true)]
    [InlineData("500 mln stg", true)]
    [InlineData("800 mln tonnes", false)]
    [InlineData("7.7 billion European Currency Units", true)]
    public void Money_is_an_amount_with_a_currency_from_the_region_data(string phrase, bool money) =>
        Assert.Equal(money, Currencies.Names(phrase));

    [Theory]
    [InlineData("The company's vice-president Anna Berg said the mine opens in May.", "Who is the president of the company?", true)]
    [InlineData("Vizepräsident Karl Huber eröffnete die Sitzung.", "Wer ist der Präsident?", true)]
    [InlineData("Die stellvertretende Vorsitzende Eva Lang sprach zuerst.", "Wer ist die Vorsitzende?", true)]
    [InlineData("Vice-president Anna Berg and president Tom Reed opened the mine.", "Who is the president?", false)]
    [InlineData("The company's vice-president Anna Berg said the mine opens in May.", "Who is the vice-president?", false)]
    [InlineData("The company's president Tom Reed said the mine opens in May.", "Who is the president of the company?", false)]
    public void A_deputys_office_is_not_the_office_asked_about(string sentence, string question, bool deputyOnly)
    {
        var terms = TextAnalyzer.Tokens(question).Select(t => TextAnalyzer.Term(t)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        Assert.Equal(deputyOnly, AnswerTypes.MeetsOnlyAsDeputy(sentence, question, terms));
    }

    [Theory]
    [InlineData("800 mln dlrs next", "800 mln dlrs")]
    [InlineData("3,17 Cent pro Kilowattstunde", "3,17 Cent pro Kilowattstunde")]
    [InlineData("$3.5 billion", "$3.5 billion")]
    [InlineData("48 million euros", "48 million euros")]
    [InlineData("CHF 20 Millionen", "CHF 20 Millionen")]
    public void A_sum_ends_with_its_currency(string phrase, string expected) =>
        Assert.Equal(expected, Currencies.EndingWithCurrency(phrase));

    [Theory]
    [InlineData("How many residents will the tram serve?", "48 million euros", false)]
    [InlineData("How many residents will the tram serve?", "10,000 residents", true)]
    [InlineData("Wie viele Euro hat das Projekt gekostet?", "48 Millionen Euro", true)]
    [InlineData("How many euros did the city spend?", "48 million euros", true)]
    [InlineData("How much did the EU contribute?", "16 million euros", true)]
    [InlineData("How many delegates did Sanders get?", "about 34%", false)] // nor a share
    [InlineData("Wie viele Delegierte bekam Sanders?", "63 Prozent", false)]
    [InlineData("Wie viel Prozent bekam Sanders?", "63 Prozent", true)]
    public void A_count_is_no_sum_of_money_and_no_share_unless_the_question_asks_for_one(string question, string phrase, bool fits) =>
        Assert.Equal(fits, AnswerTypes.Classify(question).Fits(phrase));

    [Theory]
    [InlineData("Sanders lost, securing about 34% of votes.", "about 34%", false)]
    [InlineData("Laut Umfrage lesen 64 Prozent der Pensionisten täglich eine Zeitung.", "64 Prozent", true)]
    public void A_share_answers_how_many_only_when_it_is_a_share_of_what_is_counted(string sentence, string phrase, bool fits)
    {
        var type = AnswerTypes.Classify("Wie viele Delegierte oder Pensionisten gibt es?") with { CountedTerms = new HashSet<string> { TextAnalyzer.Term("Delegierte")!, TextAnalyzer.Term("delegates")!, TextAnalyzer.Term("Pensionisten")! } };
        Assert.Equal(fits, type.FitsAt(sentence, phrase, sentence.IndexOf(phrase, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("Der Bau kostet CHF 20 Millionen, der Umbau weniger.", "CHF 20 Millionen")]
    [InlineData("The plant cost ¥500 million.", "¥500 million")]
    public void A_currency_written_before_the_number_is_part_of_the_amount(string sentence, string expected) =>
        Assert.Equal(expected, AnswerTypes.Phrases(sentence, AnswerKind.Amount, new HashSet<string>()).First().Text);

    [Theory]
    [InlineData("Die Dürre von 2005 traf den Süden, die Dürre von 2010 drei Gebiete.", "drei Gebiete")]
    [InlineData("In 1700 the settlers built four churches.", "four churches")]
    [InlineData("The 2005 drought hit two regions.", "two regions")]
    [InlineData("Im Jahr 2019 kamen 2.000 Besucher.", "2.000 Besucher")]
    [InlineData("The board's (AWB) 1986/87 export program has sold over 10 mln tonnes.", "over 10 mln tonnes")]
    [InlineData("Das Team (SKN) gewann 2015/2016 drei Spiele.", "drei Spiele")]
    public void A_year_is_no_amount(string sentence, string expected) =>
        Assert.Equal([expected], AnswerTypes.Phrases(sentence, AnswerKind.Amount, new HashSet<string>()).Select(p => p.Text));

    [Theory]
    [InlineData("Es kamen 2000 Besucher.", "2000 Besucher")]
    [InlineData("They sold 1500 tickets.", "1500 tickets")]
    public void A_four_digit_count_without_a_preposition_before_it_stays_an_amount(string sentence, string expected) =>
        Assert.Equal([expected], AnswerTypes.Phrases(sentence, AnswerKind.Amount, new HashSet<string>()).Select(p => p.Text));

    [Theory]
    [InlineData("The mayor said it would give ten thousand new residents a way in.", "ten thousand new residents")]
    [InlineData("Die Linie soll zehntausend neue Fahrgäste bringen.", "zehntausend neue Fahrgäste")]
    [InlineData("Es kamen fünfundzwanzig Gäste.", "fünfundzwanzig Gäste")]
    [InlineData("They counted twenty-five people.", "twenty-five people")]
    [InlineData("Das kostet zwei Millionen Euro.", "zwei Millionen Euro")]
    public void A_number_written_as_a_word_is_an_amount(string sentence, string expected) =>
        Assert.Equal(expected, AnswerTypes.Phrases(sentence, AnswerKind.Amount, new HashSet<string>()).First().Text);

    [Theory]
    [InlineData("600.000 Euro gab", "600.000 Euro")]
    [InlineData("14 Jahre alt", "14 Jahre")]
    [InlineData("zehntausend neue Fahrgäste", "zehntausend neue Fahrgäste")]
    [InlineData("zwei", "zwei")]
    [InlineData("5-fachen Pro-Bowler", "5-fachen Pro-Bowler")]
    [InlineData("200 km lang", "200 km")]
    [InlineData("30 kg schwer", "30 kg")]
    [InlineData("weniger als 700 wirklich", "weniger als 700")]
    [InlineData("70-jähriger Dissident Nguyen", "70-jähriger")]
    public void A_german_amount_ends_with_its_noun(string phrase, string expected) =>
        Assert.Equal(expected, AnswerTypes.WithoutTrailingLowerCase(phrase));

    [Theory]
    [InlineData("Der Amazonas-Regenwald ist ein feuchter Laubwald.")]
    [InlineData("One of the players left.")]
    [InlineData("Die deutsche Elf gewann am Abend gegen Italien.")]
    [InlineData("Sie ließen die Regel außer Acht.")]
    public void The_article_ein_and_the_pronoun_one_are_no_amounts(string sentence) =>
        Assert.Empty(AnswerTypes.Phrases(sentence, AnswerKind.Amount, new HashSet<string>()));

    [Theory]
    [InlineData("Woran ist der Sänger gestorben?", "According to his wife, he succumbed to an unspecified lung disorder.")]
    [InlineData("Woran ist der Sänger gestorben?", "Er erlag am Sonntag seinen schweren Verletzungen.")]
    [InlineData("Woran ist der Sänger gestorben?", "Der Sänger starb an einem Herzinfarkt.")]
    [InlineData("What did the singer die of?", "The singer died of pneumonia in a Lisbon hospital.")]
    [InlineData("Woran starb der Minister?", "Luk, reportedly aged about 68, had suffered a prolonged illness, according to a family spokesperson.")]
    [InlineData("What did the actor die of?", "Der Schauspieler starb nach langer Krankheit in Wien.")]
    [InlineData("Woran starb Don Imus?", "Associated Press reported his cause of death as complications from lung disease.")]
    [InlineData("What did the actor die of?", "Die Todesursache ist noch unbekannt.")]
    [InlineData("Why did the minister ask for new flight rules?", "The minister requested the rules, citing safety concerns at the airport.")]
    [InlineData("Why did the company close its plant?", "The company closed the plant amid falling sales.")]
    [InlineData("Why did Moody's downgrade the bank?", "Moody's said the downgrade reflected its concern over prospects for the company's profitability.")]
    [InlineData("Warum sind die Wale gestrandet?", "Für die tödliche Strandung der Wale ist eine Mischung mehrerer Faktoren verantwortlich.")]
    [InlineData("Why did the bridge collapse?", "Engineers blamed corrosion for the collapse.")]
    [InlineData("Weshalb raste der Fahrer durch den Ort?", "Als Motiv seiner Fahrt gab der Mann den Beamten Liebeskummer an.")]
    [InlineData("Why did the man set the fire?", "Police named revenge as his motive.")]
    public void What_a_death_is_put_down_to_and_a_reason_given_by_citing_or_amid_answer_why(string question, string sentence)
    {
        var type = AnswerTypes.Classify(question);
        Assert.Equal(AnswerKind.Reason, type.Kind);
        Assert.True(AnswerTypes.Holds(sentence, type, new HashSet<string>()));
    }

    [Theory]
    [InlineData("Why did the agency cut the bank?", "The agency said the cut reflected its concern over weak profits.")]
    [InlineData("Why are prices rising?", "The rise reflects higher energy costs.")]
    [InlineData("Warum senkte die Agentur die Note der Bank?", "Die Herabstufung spiegelt die schwachen Gewinne der Bank wider.")]
    [InlineData("Warum steigen die Preise?", "Darin sollen sich die höheren Energiekosten widerspiegeln.")]
    public void What_a_decision_reflects_answers_why(string question, string sentence) =>
        Assert.True(AnswerTypes.Holds(sentence, AnswerTypes.Classify(question), new HashSet<string>()));

    [Theory]
    [InlineData("Der Spiegel berichtete am Montag über die Bank.")]
    [InlineData("The agency cut the bank on Monday.")]
    public void A_mirror_or_a_bare_report_is_no_cause(string sentence) =>
        Assert.False(AnswerTypes.Holds(sentence, AnswerTypes.Classify("Why did the agency cut the bank?"), new HashSet<string>()));

    [Theory]
    [InlineData("Don Imus died on Friday in Texas after being hospitalized since Christmas Eve, his family reported.")]
    [InlineData("The plant has been closed since 2019.")]
    [InlineData("Nobody has seen him since March.")]
    public void Since_before_a_time_is_no_cause(string sentence) =>
        Assert.False(AnswerTypes.Holds(sentence, AnswerTypes.Classify("Why did the plant close?"), new HashSet<string>()));

    [Fact]
    public void Since_before_a_clause_is_a_cause() =>
        Assert.True(AnswerTypes.Holds("The plant closed, since it no longer paid.", AnswerTypes.Classify("Why did the plant close?"), new HashSet<string>()));

    [Theory]
    [InlineData("Pohiva was evacuated from Tonga's capital to a hospital in Auckland with pneumonia.", "Auckland")]
    [InlineData("Der Patient wurde ins Krankenhaus in Innsbruck geflogen.", "Innsbruck")]
    [InlineData("The plane was flying to Gillespie Field.", "Gillespie Field")]
    public void A_place_named_within_where_a_movement_goes_is_its_end(string sentence, string place) =>
        Assert.Equal(Bound.To, AnswerTypes.BoundBefore(sentence, sentence.IndexOf(place, StringComparison.Ordinal)));

    [Theory]
    [InlineData("The rally was held in Auckland on Friday.", "Auckland")]
    [InlineData("The plane crashed after departure from Henderson Executive Airport.", "Henderson")]
    public void A_place_where_something_happened_or_started_is_no_movements_end(string sentence, string place) =>
        Assert.NotEqual(Bound.To, AnswerTypes.BoundBefore(sentence, sentence.IndexOf(place, StringComparison.Ordinal)));

    [Fact]
    public void A_cost_question_is_held_only_by_a_sentence_that_names_money()
    {
        var type = AnswerTypes.Classify("What does the tram extension cost?");
        var question = TextAnalyzer.Terms("What does the tram extension cost?").ToHashSet(StringComparer.Ordinal);
        Assert.False(AnswerTypes.Holds("The council approved a 3.2-kilometre extension of tram line 15.", type, question));
        Assert.True(AnswerTypes.Holds("The project is budgeted at 48 million euros.", type, question));
    }

    [Fact]
    public void The_number_a_question_names_is_not_its_answer()
    {
        var question = TextAnalyzer.Terms("Wie viele Gebiete waren von der Dürre 2010 betroffen?").ToHashSet(StringComparer.Ordinal);
        var phrases = AnswerTypes.Phrases("Im Jahr 2010 erlitt der Wald an 3 Orten eine Dürre.", AnswerKind.Amount, question).Select(p => p.Text).ToList();
        Assert.Equal(["3 Orten"], phrases);
    }

    [Fact]
    public void An_amount_is_its_number_though_its_unit_is_the_questions()
    {
        var question = TextAnalyzer.Terms("Wie viele Tore schoss der Stürmer im Jahr 2. Spiel?").ToHashSet(StringComparer.Ordinal);
        var phrases = AnswerTypes.Phrases("Der Stürmer schoss 12 Tore, die Mannschaft 2.000 Schüsse.", AnswerKind.Amount, question).Select(p => p.Text).ToList();
        Assert.Equal(["12 Tore", "2.000 Schüsse"], phrases);
        Assert.True(AnswerTypes.NamesNumber("Six-time winner Lady Gaga sang."));
        Assert.False(AnswerTypes.NamesNumber("Die Sängerin gewann den Preis."));
    }

    [Theory]
    [InlineData("Wie lange hat die Bibliothek geöffnet?", true)]
    [InlineData("How long did the strike last?", true)]
    [InlineData("Seit wann hat die Bibliothek länger geöffnet?", false)]
    [InlineData("When did the strike end?", false)]
    public void How_long_asks_for_an_extent_not_a_start(string question, bool extent)
    {
        var type = AnswerTypes.Classify(question);
        Assert.Equal(AnswerKind.Time, type.Kind);
        Assert.Equal(extent, type.Extent);
    }

    [Theory]
    [InlineData("How long will the tram extension be?", true)]
    [InlineData("Wie lang wird die Strecke?", true)]
    [InlineData("How far did he jump?", true)]
    [InlineData("How soon will the line open?", false)]
    [InlineData("How far back does the record go?", false)]
    [InlineData("Bis wann bleibt die Bibliothek geöffnet?", false)]
    public void How_long_or_far_may_ask_for_a_length(string question, bool length) =>
        Assert.Equal(length, AnswerTypes.Classify(question).Length);

    [Theory]
    [InlineData("The council approved on Wednesday a 3.2-kilometre extension of line 15.", "3.2-kilometre extension")]
    [InlineData("Die Strecke ist 200 km lang.", "200 km lang")]
    [InlineData("The black hole is about 1010 ± 195 light years away.", "about 1010 ± 195 light years")]
    public void A_length_is_an_amount_in_a_unit_of_length(string sentence, string expected)
    {
        var lengths = AnswerTypes.Phrases(sentence, AnswerKind.Amount, new HashSet<string>()).Where(p => AnswerTypes.IsLength(p.Text)).Select(p => p.Text);
        Assert.Equal([expected], lengths);
    }

    [Theory]
    [InlineData("15 Euro")]
    [InlineData("ten thousand new residents")]
    [InlineData("3 Monate")]
    // A word that ends in m is no metre: "HR 6819 stellar system" answered how far away a black hole is.
    [InlineData("6819 stellar system")]
    public void A_sum_count_or_duration_is_no_length(string amount) => Assert.False(AnswerTypes.IsLength(amount));

    [Theory]
    [InlineData("Where were the children on the bus going?", Bound.To)]
    [InlineData("Wohin fuhr der Bus?", Bound.To)]
    [InlineData("Where was the plane headed?", Bound.To)]
    [InlineData("Where did the bus come from?", Bound.From)]
    [InlineData("Woher kam der Bus?", Bound.From)]
    [InlineData("Aus welchem Ort kamen die Kinder?", Bound.From)]
    [InlineData("From which town did the bus come?", Bound.From)]
    [InlineData("Nach welcher Stadt fuhr der Bus?", Bound.To)]
    [InlineData("Where did the bus overturn?", Bound.None)]
    [InlineData("Wo trafen sich Rubio und Lawrow?", Bound.None)]
    public void A_where_question_about_a_movement_asks_for_one_of_its_ends(string question, Bound bound)
    {
        var type = AnswerTypes.Classify(question);
        Assert.Equal(AnswerKind.Place, type.Kind);
        Assert.Equal(bound, type.Bound);
    }

    [Theory]
    [InlineData("Was anybody badly hurt when the school bus struck the bridge?", AnswerKind.YesNo)]
    [InlineData("Did the mayor resign when the scandal broke?", AnswerKind.YesNo)]
    [InlineData("When was anybody hurt?", AnswerKind.Time)]
    public void A_when_clause_in_a_question_that_opens_with_its_verb_asks_no_time(string question, AnswerKind kind) =>
        Assert.Equal(kind, AnswerTypes.Classify(question).Kind);

    [Fact]
    public void A_where_from_question_is_held_only_by_a_place_after_from_or_aus()
    {
        // "Aus welchem Ort kamen die Kinder …?": the place of the crash is no answer, where the children were from is.
        var type = AnswerTypes.Classify("Aus welchem Ort kamen die Kinder?");
        Assert.False(AnswerTypes.Holds("A road accident near Gainesville killed five children.", type, new HashSet<string>()));
        Assert.True(AnswerTypes.Holds("The children were all from Marksville.", type, new HashSet<string>()));
    }

    [Theory]
    [InlineData("Seit wann ist der Exoplanet bekannt?", true)]
    [InlineData("Since when has the border been closed?", true)]
    [InlineData("When did the mission start?", true)]
    [InlineData("Wann wurde die Brücke eröffnet?", true)]
    [InlineData("When will the mission start?", false)]
    [InlineData("Wann soll die Brücke eröffnet werden?", false)]
    public void A_since_or_past_when_question_asks_what_began_or_happened(string question, bool past) =>
        Assert.Equal(past, AnswerTypes.Classify(question).Past);

    [Fact]
    public void A_year_after_the_article_was_written_holds_no_answer_to_since_when()
    {
        var type = AnswerTypes.Classify("Since when is the planet known?");
        Assert.False(AnswerTypes.Holds("The 2028 mission could reveal more about the planet.", type, new HashSet<string>(), written: 2020));
        Assert.True(AnswerTypes.Holds("The planet was first identified in 2015.", type, new HashSet<string>(), written: 2020));
        // The article's date unknown: every year holds, as before.
        Assert.True(AnswerTypes.Holds("The 2028 mission could reveal more about the planet.", type, new HashSet<string>()));
    }

    [Fact]
    public void A_place_is_where_a_movement_ends_or_begins_by_the_preposition_before_it()
    {
        const string sentence = "A bus carrying children from Smolensk to Kaluga overturned. Der Zug fuhr aus Wien nach Graz.";
        Assert.Equal(Bound.From, AnswerTypes.BoundBefore(sentence, sentence.IndexOf("Smolensk", StringComparison.Ordinal)));
        Assert.Equal(Bound.To, AnswerTypes.BoundBefore(sentence, sentence.IndexOf("Kaluga", StringComparison.Ordinal)));
        Assert.Equal(Bound.From, AnswerTypes.BoundBefore(sentence, sentence.IndexOf("Wien", StringComparison.Ordinal)));
        Assert.Equal(Bound.To, AnswerTypes.BoundBefore(sentence, sentence.IndexOf("Graz", StringComparison.Ordinal)));
        Assert.Equal([("Kaluga", sentence.IndexOf("Kaluga", StringComparison.Ordinal))], AnswerTypes.Destinations(sentence, new HashSet<string>()));
    }

    [Theory]
    [InlineData("Who is Hegseth?", "Hegseth")]
    [InlineData("Wer ist Hans Van Bylen?", "Hans Van Bylen")]
    public void Who_is_a_name_asks_for_the_persons_role(string question, string subject)
    {
        var type = AnswerTypes.Classify(question);
        Assert.Equal(AnswerKind.Identity, type.Kind);
        Assert.Equal(subject, type.Subject);
    }

    [Fact]
    public void The_role_sentence_states_the_role_and_the_other_does_not()
    {
        Assert.True(AnswerTypes.StatesRole("US-Verteidigungsminister Pete Hegseth machte in Brüssel deutlich, dass …", "Hegseth"));
        Assert.True(AnswerTypes.StatesRole("Pete Hegseth, the US defence secretary, said …", "Hegseth"));
        Assert.False(AnswerTypes.StatesRole("Doch nur einen Tag später ruderte Hegseth zurück.", "Hegseth"));
    }

    [Theory]
    [InlineData("Die Staatsschulden liegen bei 72 Mrd. Dollar. Das Ministerium bestätigte das.", "Die Staatsschulden liegen bei 72 Mrd. Dollar.")]
    [InlineData("Der Umsatz stieg auf 3,4 Mio. Euro. Das war ein Rekord.", "Der Umsatz stieg auf 3,4 Mio. Euro.")]
    [InlineData("Prof. Müller und Dr. Weber sprachen u. a. über Schulden. Danach ging es weiter.", "Prof. Müller und Dr. Weber sprachen u. a. über Schulden.")]
    [InlineData("Das Treffen ist am 3. März in Wien. Es folgt ein zweites.", "Das Treffen ist am 3. März in Wien.")]
    [InlineData("The U.S. Senate met Mr. Smith and Mrs. Jones on Jan. 5 in St. Louis. It was cold.", "The U.S. Senate met Mr. Smith and Mrs. Jones on Jan. 5 in St. Louis.")]
    [InlineData("Das Projekt kostet ca. 5 Mio. bzw. 6 Mio. Euro, z. B. für Gleise. Es beginnt bald.", "Das Projekt kostet ca. 5 Mio. bzw. 6 Mio. Euro, z. B. für Gleise.")]
    [InlineData("Die Mauer fiel im Jahr 1989. Danach kam die Einheit.", "Die Mauer fiel im Jahr 1989.")]
    [InlineData("Sie hat zum 100.000. Mal die Erde umrundet. Ihre Jubiläumsrunde war unspektakulär.", "Sie hat zum 100.000. Mal die Erde umrundet.")]
    [InlineData("Die Zahl der Toten stieg auf 120. Die Polizei ermittelt.", "Die Zahl der Toten stieg auf 120.")]
    public void Abbreviations_and_ordinals_do_not_end_a_sentence_but_a_year_does(string text, string first) =>
        Assert.Equal(first, Sentences.Split(text)[0]);

    [Fact]
    public void A_title_from_the_lead_does_not_end_at_an_abbreviation() =>
        Assert.Contains("72 Mrd. Dollar", ArticleParser.TitleFromLead("Die Staatsschulden liegen bei 72 Mrd. Dollar. Das Ministerium bestätigte das am Montag."), StringComparison.Ordinal);

    [Theory]
    [InlineData("Was kostet das Projekt in Lissabon?", Language.German)]
    [InlineData("Wo ist das?", Language.German)]
    [InlineData("Was Pohiva ever put in jail by the king?", Language.English)]
    [InlineData("How old was Manning?", Language.English)]
    [InlineData("Wann endete der Krieg?", Language.German)]
    [InlineData("Woran starb Don Imus?", Language.German)]
    [InlineData("Wozu dient Marshmallow?", Language.German)]
    public void Short_questions_are_detected_in_their_language(string question, Language expected) =>
        Assert.Equal(expected, LanguageDetector.Detect(question));

    [Theory]
    [InlineData("Friederike Seyfried")]
    [InlineData("Heiko Salzwedel")]
    [InlineData("John McAfee")]
    public void A_name_alone_is_no_language(string name) =>
        Assert.Null(LanguageDetector.Detect(name));

    [Theory]
    [InlineData("Von Donnerstag bis Samstag bleibt das Haus bis Mitternacht geöffnet.", "bis Mitternacht")]
    [InlineData("Ab April bleibt das Haus bis Mitternacht geöffnet.", "bis Mitternacht")]
    [InlineData("From Monday to Friday the line runs for 18 hours.", "for 18 hours")]
    [InlineData("Er sagte am Montag, er könne den Krieg innerhalb von 24 Stunden beenden.", "innerhalb von 24 Stunden")]
    // The end with its article: "bis zum 4. Jänner" is an end, not the point in time "4. Jänner".
    [InlineData("Seit Sonntag sind in Ajaccio bis zum 4. Jänner Kundgebungen untersagt.", "bis zum 4. Jänner")]
    [InlineData("Bis zum 4. Jänner sind in Teilen der Hauptstadt Ajaccio Kundgebungen untersagt.", "Bis zum 4. Jänner")]
    [InlineData("Ab dem 3. März bleibt das Haus am Montag geöffnet.", "am Montag")]
    public void How_long_is_answered_by_a_duration_or_an_end_not_by_a_start_or_the_end_of_a_range_of_days(string sentence, string expected)
    {
        var best = AnswerTypes.Phrases(sentence, AnswerKind.Time, new HashSet<string>())
            .OrderBy(p => AnswerTypes.ExtentRank(sentence, p.Text, p.Index))
            .First();
        Assert.Equal(expected, best.Text);
    }

    [Fact]
    public void A_month_is_a_word_of_its_own_not_the_start_of_one() =>
        Assert.Empty(AnswerTypes.Phrases("Mayor Helena Duarte said the extension would help.", AnswerKind.Time, new HashSet<string>()));

    [Theory]
    // A sentence may open with the day it speaks of: "Yesterday morning, … died", "Heute …".
    [InlineData("Yesterday morning, English drummer Ginger Baker died in a hospital.", "Yesterday")]
    [InlineData("Heute wurde das Werk geschlossen.", "Heute")]
    public void A_relative_day_at_the_start_of_a_sentence_is_a_time(string sentence, string expected) =>
        Assert.Equal([expected], AnswerTypes.Phrases(sentence, AnswerKind.Time, new HashSet<string>()).Select(p => p.Text));

    [Theory]
    // News dates by the yearly feasts: "Wann kommt das Tablet auf den Markt?" was declined for want of a time.
    [InlineData("Noch vor dem Weihnachtsgeschäft will Amazon ein Tablet auf den Markt bringen.", "vor dem Weihnachtsgeschäft")]
    [InlineData("The store reopens after Easter.", "after Easter")]
    [InlineData("Die Gespräche sollen bis Ostern abgeschlossen sein.", "bis Ostern")]
    [InlineData("Shops were busy on Christmas Eve.", "on Christmas Eve")]
    public void A_yearly_feast_is_a_time(string sentence, string expected) =>
        Assert.Equal([expected], AnswerTypes.Phrases(sentence, AnswerKind.Time, new HashSet<string>()).Select(p => p.Text));

    [Theory]
    // "12.000 Männer" is a number, not the clock time 12.00; "1625 UTC" is a clock time, not the year 1625.
    [InlineData("Im Lager sitzen mehr als 12.000 Männer, Frauen und Kinder fest.", new string[0])]
    [InlineData("At around 11:25am US east coast time (1625 UTC), the AP called the election.", new[] { "11:25am" })]
    [InlineData("Der Zug fuhr um 12.30 Uhr ab.", new[] { "12.30 Uhr" })]
    public void A_clock_time_is_two_digits_after_the_hour_and_a_year_is_no_clock_time(string sentence, string[] expected) =>
        Assert.Equal(expected, AnswerTypes.Phrases(sentence, AnswerKind.Time, new HashSet<string>()).Select(p => p.Text.Replace("um ", "", StringComparison.Ordinal)));

    [Theory]
    [InlineData("How long will the border fence be?", "Hunderte Menschen hatten sich am Montag auf den Weg zum Zaun gemacht.", "am Montag", true)]
    [InlineData("Wie lange hat die Bibliothek geöffnet?", "Ab April bleibt das Haus bis Mitternacht geöffnet.", "bis Mitternacht", false)]
    [InlineData("Wie lange dauerte die Wanderung?", "Die Wanderung dauerte drei Tage.", "drei Tage", false)]
    // "Bis wann …?" is answered by a point in time.
    [InlineData("Bis wann gilt die Frist?", "Die Frist gilt bis Ende März.", "Ende März", false)]
    public void How_long_is_not_answered_by_a_point_in_time(string question, string sentence, string phrase, bool point) =>
        Assert.Equal(point, AnswerTypes.IsPointForHowLong(AnswerTypes.Classify(question), sentence, phrase, sentence.IndexOf(phrase, StringComparison.Ordinal)));

    [Fact]
    public void A_title_the_question_names_leads_the_person_it_is_not_part_of_the_name()
    {
        var question = new HashSet<string>(TextAnalyzer.Terms("Who is the mayor of Lisbon?"));
        var names = AnswerTypes.Phrases("Mayor Helena Duarte said the extension would help.", AnswerKind.Person, question).Select(p => p.Text);
        Assert.Equal(["Helena Duarte"], names);
    }

    [Theory]
    // A title of ordinary words, with a nationality the dictionary lists as a name, before a name of two words.
    [InlineData("On Thursday, French President Emmanuel Macron called for G7 action.", false, "Emmanuel Macron")]
    [InlineData("The call was seconded by British Prime Minister Boris Johnson.", false, "Boris Johnson")]
    [InlineData("Gestern hat Bundeskanzlerin Angela Merkel den Vorschlag unterstützt.", true, "Angela Merkel")]
    // No title ends before a name of two words that does not start with an ordinary word: the name stays whole.
    [InlineData("Yesterday George Walker Bush spoke in Texas.", false, "George Walker Bush")]
    [InlineData("Yesterday Doris Day died at her home.", false, "Doris Day")]
    public void A_title_of_ordinary_words_before_a_name_is_not_part_of_it(string sentence, bool german, string expected)
    {
        var names = AnswerTypes.Phrases(sentence, AnswerKind.Person, new HashSet<string>(), Knowledge.Value, german).Select(p => p.Text);
        Assert.Equal(expected, names.First());
    }

    [Theory]
    [InlineData("Hayböck hat sich für die WM 2017 schon einen Vorgeschmack geholt.")]
    [InlineData("The plant opened in 2017 after a long delay.")]
    public void A_year_after_a_name_or_a_preposition_is_no_amount(string sentence) =>
        Assert.Empty(AnswerTypes.Phrases(sentence, AnswerKind.Amount, new HashSet<string>()));

    [Theory]
    [InlineData("Am 1. Juli 2015 kam die Behörde zu dem Erkenntnis, dass er verstoßen habe.")]
    [InlineData("Der Verein spielt seit der Saison in der 3. Liga.")]
    public void An_ordinal_is_no_amount(string sentence) =>
        Assert.Empty(AnswerTypes.Phrases(sentence, AnswerKind.Amount, new HashSet<string>()));

    [Fact]
    public void A_number_that_ends_its_sentence_is_still_an_amount() =>
        Assert.Equal(["15 Prozent"], AnswerTypes.Phrases("Der Anteil stieg auf 15 Prozent.", AnswerKind.Amount, new HashSet<string>()).Select(p => p.Text));

    [Theory]
    [InlineData("Das Spiel wird nicht wie angekündigt am 20. November, sondern erst im ersten Quartal des nächsten Jahres erscheinen.", "im ersten Quartal des nächsten Jahres")]
    [InlineData("The vote was not held in May but in June.", "in June")]
    [InlineData("The summit will take place in 2021 instead of 2020.", "in 2021")]
    public void What_a_sentence_denies_is_no_answer(string sentence, string expected) =>
        Assert.Equal(
            [expected],
            AnswerTypes.Phrases(sentence, AnswerKind.Time, new HashSet<string>()).Where(p => !AnswerTypes.IsDenied(sentence, p.Index)).Select(p => p.Text));

    [Theory]
    [InlineData("Die Messe findet nicht nur im Mai, sondern auch im Juni statt.")]
    [InlineData("The festival takes place not only in May but also in June.")]
    public void Not_only_but_also_denies_nothing(string sentence) =>
        Assert.Equal(2, AnswerTypes.Phrases(sentence, AnswerKind.Time, new HashSet<string>()).Count(p => !AnswerTypes.IsDenied(sentence, p.Index)));

    [Theory]
    [InlineData("I wrote to the prime minister of Japan, Mr Nakasone, on the fourth of March to express our interest.", "on the fourth of March")]
    [InlineData("The talks resumed on the twenty-first of May, 1987.", "on the twenty-first of May, 1987")]
    [InlineData("Shares rose on the 3rd of June.", "on the 3rd of June")]
    public void A_date_with_an_ordinal_of_its_month_is_one_date(string sentence, string expected) =>
        Assert.Equal(expected, AnswerTypes.Phrases(sentence, AnswerKind.Time, new HashSet<string>()).First().Text);

    [Theory]
    [InlineData("He entered the consulate in Istanbul on October 2 2018.", "Istanbul")]
    [InlineData("Die Minister trafen sich in Wien am Montagabend.", "Wien")]
    [InlineData("She was born in Frankfurt am Main in 1950.", "Frankfurt am Main")]
    public void A_place_name_does_not_run_into_a_date(string sentence, string expected) =>
        Assert.Equal(expected, AnswerTypes.Phrases(sentence, AnswerKind.Place, new HashSet<string>()).First().Text);

    [Theory]
    [InlineData("Reizvoll wäre es, sagte der 25-Jährige im Interview.", true)]
    [InlineData("Associated Press reported his death. He was 79.", true)]
    [InlineData("He was 34 and reported extensively on the nation's civil war.", true)]
    [InlineData("Van Halen died Tuesday at age 65 following an extended battle with throat cancer.", true)]
    [InlineData("Sie war 12, als die Familie nach Wien zog.", true)]
    [InlineData("The score was 34 and the crowd cheered.", false)]
    [InlineData("The council approved an extension of tram line 15.", false)]
    [InlineData("Robert Mugabe wurde 95 Jahre alt.", true)]
    [InlineData("Gordon Macklin, 58, today announced his decision to leave.", true)]
    [InlineData("In March, the index rose to 58, its highest level.", false)]
    public void A_number_alone_is_an_age_only_where_the_words_around_it_make_it_one(string sentence, bool age) =>
        Assert.Equal(age, AnswerTypes.Holds(sentence, AnswerTypes.Classify("How old is he?"), new HashSet<string>()));

    [Theory]
    [InlineData("How old is Gerhard Richter?", "Die Werke, die sich Richter (83) und Pärt (79) gewidmet haben, sind 2014 entstanden.", "83")]
    [InlineData("Wie alt ist Greta Thunberg?", "Time named Greta Thunberg its 2019 Person of the Year; the sixteen-year-old Swede is the youngest recipient.", "sixteen-year-old Swede")]
    [InlineData("Wie alt ist der Verteidiger?", "Zwei Giganten trafen sich, der Verteidiger ist 21 Jahre alt.", "21 Jahre alt")]
    [InlineData("How old was Eddie Van Halen?", "Van Halen died Tuesday at age 65 following an extended battle with throat cancer.", "65")]
    public void How_old_is_answered_by_an_age_not_by_a_year_or_a_count(string question, string sentence, string expected)
    {
        var type = AnswerTypes.Classify(question);
        Assert.True(type.Age);
        Assert.Equal(expected, AnswerTypes.Phrases(sentence, AnswerKind.Amount, new HashSet<string>()).First(p => type.Fits(p.Text)).Text);
    }

    [Theory]
    [InlineData("Humberto had maximum sustained winds of 75 miles per hour.", "75 miles per hour")]
    [InlineData("Der Sturm erreichte 120 Kilometer pro Stunde.", "120 Kilometer pro Stunde")]
    public void A_rate_keeps_what_it_is_per(string sentence, string expected) =>
        Assert.Equal(expected, AnswerTypes.Phrases(sentence, AnswerKind.Amount, new HashSet<string>()).First().Text);

    [Theory]
    [InlineData("The largest demonstration was held on September 20 of this year.")]
    [InlineData("The largest demonstration was held on 20 September.")]
    public void A_day_of_the_month_is_no_amount(string sentence) =>
        Assert.Empty(AnswerTypes.Phrases(sentence, AnswerKind.Amount, new HashSet<string>()));

    [Fact]
    public void A_name_the_question_shares_is_no_title_to_strip()
    {
        var question = new HashSet<string>(TextAnalyzer.Terms("Who sued Facebook at the European Court of Justice?"));
        var names = AnswerTypes.Phrases("The court ruled in the case of Eva Glawischnig-Piesczek against Facebook Ireland Limited.", AnswerKind.Person, question, Knowledge.Value).Select(p => p.Text);
        Assert.Equal(["Eva Glawischnig-Piesczek"], names);
    }

    [Theory]
    [InlineData("According to Reuters and NBC, Mohammad bin Salman is the de facto Saudi ruler.", false)]
    [InlineData("According to Mohammad bin Salman, the murder happened under his watch.", true)]
    [InlineData("Mohammad bin Salman said the murder happened under his watch.", true)]
    public void According_to_reports_the_asked_persons_words_only_when_they_are_its_source(string sentence, bool holds)
    {
        var question = "What did Mohammad bin Salman say about the murder?";
        Assert.Equal(holds, AnswerTypes.Holds(sentence, AnswerTypes.Classify(question), new HashSet<string>(TextAnalyzer.Terms(question))));
    }

    [Fact]
    public void A_number_of_four_digits_after_a_verb_is_still_an_amount() =>
        Assert.Equal("2017 votes", AnswerTypes.Phrases("The mayor won 2017 votes.", AnswerKind.Amount, new HashSet<string>()).First().Text);

    [Fact]
    public void The_name_a_place_is_given_after_called_is_a_place() =>
        Assert.Equal(
            ["United States", "Ellipse"],
            AnswerTypes.Phrases("In the morning in the United States capital, he set himself on fire in a publicly accessible area called the Ellipse.", AnswerKind.Place, new HashSet<string>()).Select(p => p.Text));

    [Theory]
    [InlineData("What share of people in Vienna use their car every week?", true)]
    [InlineData("What percentage of the vote did the party win?", true)]
    [InlineData("Wie viel Prozent der Wiener fahren täglich mit dem Auto?", true)]
    [InlineData("Welcher Anteil der Schüler besteht die Matura?", true)]
    [InlineData("How many people use their car every week?", false)]
    [InlineData("Wie viele Wiener fahren täglich mit dem Auto?", false)]
    public void A_question_about_a_share_asks_for_a_percentage(string question, bool share)
    {
        var type = AnswerTypes.Classify(question);
        Assert.Equal(AnswerKind.Amount, type.Kind);
        Assert.Equal(share, type.Share);
    }

    [Theory]
    [InlineData("59 Prozent", true)]
    [InlineData("12,5 %", true)]
    [InlineData("40 percent", true)]
    [InlineData("1.9 pct", true)]
    [InlineData("2015 waren", false)]
    [InlineData("zwei Millionen Menschen", false)]
    public void A_share_is_answered_by_a_percentage_only(string phrase, bool fits) =>
        Assert.Equal(fits, AnswerTypes.Classify("Welcher Anteil der Wiener fährt Auto?").Fits(phrase));

    [Theory]
    [InlineData("How often did spiky skulls evolve in frogs?", "at least 25 separate times", true)]
    [InlineData("Wie oft kam es in Venedig zu Pestausbrüchen?", "22-mal", true)]
    [InlineData("Wie oft finden Parlamentswahlen statt?", "vier Jahre", true)]
    [InlineData("How many times has Polonia won the cup?", "three times", true)]
    [InlineData("How often did spiky skulls evolve in frogs?", "158 different species", false)]
    [InlineData("Wie oft kam es in Venedig zu Pestausbrüchen?", "50", false)]
    public void A_how_often_question_is_answered_by_a_number_of_times_or_an_interval(string question, string phrase, bool fits)
    {
        var type = AnswerTypes.Classify(question);
        Assert.Equal(AnswerKind.Amount, type.Kind);
        Assert.True(type.Often);
        Assert.Equal(fits, type.Fits(phrase));
    }

    [Fact]
    public void A_number_of_times_with_a_hyphen_is_one_amount() =>
        Assert.Equal("22-mal", AnswerTypes.Phrases("In Venedig brach die Pest zwischen 1361 und 1528 22-mal aus.", AnswerKind.Amount, new HashSet<string>()).Select(p => AnswerTypes.WithoutTrailingLowerCase(p.Text)).Last());

    [Fact]
    public void A_sentence_with_a_fraction_in_words_holds_a_share() =>
        Assert.True(AnswerTypes.Holds("Der Amazonas umfasst über die Hälfte der Regenwälder der Erde und 5,5 Millionen Quadratkilometer.",
            AnswerTypes.Classify("Welchen Anteil an den Regenwäldern hat der Amazonas?"), new HashSet<string>()));

    [Theory]
    [InlineData("59 Prozent der Wiener fahren wöchentlich, 2015 waren es 69 Prozent.", "69 Prozent", null, true)]
    [InlineData("59 Prozent der Wiener fahren wöchentlich, 2015 waren es 69 Prozent.", "59 Prozent", null, false)]
    [InlineData("59 Prozent der Wiener fahren wöchentlich, 2015 waren es 69 Prozent.", "69 Prozent", "2015", false)]
    // The question's own year is its time, not a comparison.
    [InlineData("Zwischen 1991 und 2000 stieg die Fläche von 415.000 auf 587.000 Quadratkilometer (von 160.000 auf 227.000 Quadratmeilen).", "587.000 Quadratkilometer", "2000", false)]
    public void An_amount_in_a_clause_about_another_year_than_the_questions_is_a_comparison(string sentence, string phrase, string? year, bool other) =>
        Assert.Equal(other, AnswerTypes.InOtherYearsClause(sentence, sentence.IndexOf(phrase, StringComparison.Ordinal), phrase, year is null ? new HashSet<string> { "wien" } : new HashSet<string> { "wien", year }));

    [Fact]
    public void A_year_after_a_month_is_no_amount() =>
        Assert.DoesNotContain(AnswerTypes.Phrases("The capitalisation was 162 584 mln EUR as of 31 August 2009.", AnswerKind.Amount, new HashSet<string>()),
            p => p.Text.StartsWith("2009", StringComparison.Ordinal));

    [Theory]
    [InlineData("Who was the leader when the Franks entered the valley?", AnswerKind.Person)]
    [InlineData("Where did she live when the war began?", AnswerKind.Place)]
    [InlineData("What satellite was used when the service was launched?", AnswerKind.Other)]
    [InlineData("When was the service launched?", AnswerKind.Time)]
    [InlineData("What year was the service launched?", AnswerKind.Time)]
    [InlineData("How long did the talks last when they met in Kuwait?", AnswerKind.Time)]
    [InlineData("How and when did the plague enter Europe?", AnswerKind.Time)]
    [InlineData("What was the time on the clock when Carolina got the ball?", AnswerKind.Time)]
    public void A_when_clause_after_another_question_word_does_not_ask_when(string question, AnswerKind kind) =>
        Assert.Equal(kind, AnswerTypes.Classify(question).Kind);

    [Theory]
    [InlineData("Wann wird die U-Bahn eröffnet?", true)]
    [InlineData("When will the new airport open?", true)]
    [InlineData("In which year was the bridge built?", true)]
    [InlineData("Seit wann ist er Präsident?", true)]
    [InlineData("Wie lange dauerte der Streik?", false)]
    [InlineData("How long did the plague last?", false)]
    [InlineData("Bis wann gilt die Frist?", false)]
    [InlineData("Who was the leader when the Franks entered the Euphrates valley?", false)]
    public void A_question_that_opens_by_asking_when_asks_for_a_point_in_time(string question, bool expected) =>
        Assert.Equal(expected, AnswerTypes.Classify(question).PointInTime);

    [Theory]
    [InlineData("In welchen Jahren lief die Geheimoperation?")]
    [InlineData("An welchem Tag öffnet der Markt?")]
    [InlineData("In welchem Monat beginnt der Bau?")]
    [InlineData("In which years was the plague present in Europe?")]
    [InlineData("In what decade was the bridge built?")]
    public void The_question_word_before_a_unit_of_the_calendar_asks_for_a_point_in_time(string question)
    {
        // "welchen Jahren" is "welchem Jahr" in the plural: any case or number of the noun asks for a time.
        var type = AnswerTypes.Classify(question);
        Assert.Equal(AnswerKind.Time, type.Kind);
        Assert.True(type.PointInTime);
    }

    [Theory]
    [InlineData("Welche Tageszeitung berichtete zuerst?")]
    [InlineData("Wie viele Jahre dauerte der Krieg?")]
    public void A_calendar_word_inside_another_noun_or_after_how_many_asks_no_point_in_time(string question) =>
        Assert.False(AnswerTypes.Classify(question).PointInTime);

    [Theory]
    [InlineData("50.000 Besucherinnen", true)]
    [InlineData("37 Millionen Passagiere pro Jahr", true)]
    [InlineData("sieben Interceptions", true)]
    [InlineData("37 Prozent", false)]
    [InlineData("two hours", false)]
    [InlineData("under two hours", false)]
    [InlineData("drei Jahre", false)]
    [InlineData("21.05", false)]
    [InlineData("27 Jahre alt", false)]
    [InlineData("6:4", false)]
    [InlineData("3 : 1", false)]
    [InlineData("120", true)]
    public void A_share_a_span_of_time_an_age_or_a_time_of_day_counts_no_things(string amount, bool expected) =>
        Assert.Equal(expected, AnswerTypes.CountsThings(amount));

    [Theory]
    [InlineData("Demnach lesen 37 Prozent der Pensionisten täglich.", "37 Prozent", "Pensionisten")]
    [InlineData("About 40 percent of all voters stayed home.", "40 percent", "voters")]
    [InlineData("Demnach würden 37 Prozent ein Auto kaufen.", "37 Prozent", null)]
    public void The_whole_a_share_is_of_follows_it(string sentence, string share, string? expected) =>
        Assert.Equal(expected, AnswerTypes.ShareOf(sentence, sentence.IndexOf(share, StringComparison.Ordinal) + share.Length));

    [Theory]
    [InlineData("Heute um 20.15 auf ORF 2: das Sommerkonzert.", "2", true)]
    [InlineData("Die Crew von Apollo 11 landete.", "11", true)]
    [InlineData("Die Stadt erwartet 40000 Badegäste.", "40000", false)]
    [InlineData("3 Kinder wurden verletzt.", "3", false)]
    public void A_bare_number_after_a_capitalised_word_names_or_ranks(string sentence, string number, bool expected) =>
        Assert.Equal(expected, AnswerTypes.IsLabel(sentence, sentence.LastIndexOf(number, StringComparison.Ordinal), number));

    [Theory]
    [InlineData("Air India Express flight 1344 was en route from Dubai.", "1344", true)]
    [InlineData("The Apollo mission 11 was a success.", "11", true)]
    // A verb between the name and the number: the number is what it did or counted.
    [InlineData("Authorities in Kerala arrested 12.", "12", false)]
    [InlineData("Yesterday India lost 12.", "12", false)]
    [InlineData("The Kerala police are questioning 12.", "12", false)]
    [InlineData("The toll in Kerala rose to 18.", "18", false)]
    public void An_english_label_may_set_a_lower_case_noun_between_the_name_and_its_number(string sentence, string number, bool expected) =>
        Assert.Equal(expected, AnswerTypes.IsLabel(sentence, sentence.LastIndexOf(number, StringComparison.Ordinal), number, NewsBot.Core.Tests.Search.InstalledDictionary.Translator.Dictionary!.EnglishVerbs.IsPastForm));

    [Theory]
    [InlineData("Diese Worte sagte er am 2. Mai 2014 vor Gericht.", false)]
    [InlineData("Er saß nach dem Urteil 637 Tage in Haft.", true)]
    [InlineData("Die Sperre gilt bis Mitternacht.", true)]
    public void How_long_is_held_by_a_duration_or_an_end_not_by_a_point_in_time(string sentence, bool holds) =>
        Assert.Equal(holds, AnswerTypes.Holds(sentence, AnswerTypes.Classify("Wie lange war er in Haft?"), new HashSet<string>()));

    [Theory]
    [InlineData("How deep was the recorder buried?", "eight metres", true)]
    [InlineData("How deep was the recorder buried?", "610", false)]
    [InlineData("Wie breit ist der Fluss?", "300 Meter", true)]
    [InlineData("Wie breit ist der Fluss?", "2019", false)]
    public void How_deep_or_wide_is_answered_by_a_length(string question, string phrase, bool fits) =>
        Assert.Equal(fits, AnswerTypes.Classify(question).Fits(phrase));

    [Theory]
    [InlineData("Wie schnell ist die neue Fritzbox?", AnswerKind.Amount)]
    [InlineData("How fast is the new router?", AnswerKind.Amount)]
    [InlineData("Wie schnell liefert Media Markt in Wien?", AnswerKind.Time)]
    [InlineData("How quickly did Trump claim he could end the war?", AnswerKind.Time)]
    public void How_fast_a_thing_is_asks_a_speed_and_how_fast_something_is_done_a_time(string question, AnswerKind kind) =>
        Assert.Equal(kind, AnswerTypes.Classify(question).Kind);

    [Theory]
    [InlineData("Toronto Comicon returned from March 15 to 17, as one of the largest events.", "17", true)]
    [InlineData("The festival ran from May 3 - 5.", "5", true)]
    [InlineData("In March 15 people were hurt.", "15", false)]
    [InlineData("Comicon drew 17 visitors in March.", "17", false)]
    public void The_last_day_of_a_range_of_days_is_a_day_of_the_month(string sentence, string number, bool expected) =>
        Assert.Equal(expected, AnswerTypes.EndsRangeOfDays(sentence, sentence.LastIndexOf(number, StringComparison.Ordinal), number));

    [Theory]
    [InlineData("2010", false, true)]
    [InlineData("2010 gestorben", true, true)]
    [InlineData("2010 Besucher", true, false)]
    [InlineData("2010 visitors", false, false)]
    [InlineData("2.010", true, false)]
    [InlineData("120", false, false)]
    public void A_year_with_nothing_counted_after_it_dates(string amount, bool german, bool expected) =>
        Assert.Equal(expected, AnswerTypes.IsBareYear(amount, german));

    [Theory]
    [InlineData("Was sagte Richard Lugner zur Entscheidung des ORF?", "Richard Lugner")]
    [InlineData("What did Jimmy Carter say about Tony Mendez?", "Jimmy Carter")]
    [InlineData("What caused Luther to write hymns?", "Luther")]
    [InlineData("Was hat Merkel dazu gesagt?", "Merkel")]
    [InlineData("Was sagte der Kanzler zur Reform?", null)]
    [InlineData("What did the head of the union think of the rule?", null)]
    public void A_what_said_question_names_its_speaker_beside_its_verb(string question, string? expected) =>
        Assert.Equal(expected, AnswerTypes.Speaker(question));

    [Theory]
    [InlineData("around 11:25", true)]
    [InlineData("21.05 Uhr", true)]
    [InlineData("6:4", true)]
    [InlineData("20 electoral college votes", false)]
    [InlineData("1.25 million people", false)]
    [InlineData("11 sacks", false)]
    public void A_time_of_day_or_a_score_is_told_from_a_count(string amount, bool timeOrScore) =>
        Assert.Equal(timeOrScore, AnswerTypes.IsTimeOfDayOrScore(amount));

    [Theory]
    [InlineData("Iran acknowledged it had \"unintentionally\" shot down the jet, blaming \"human error\".", false)]
    [InlineData("The illness was commonly called \"swine flu\" that year.", false)]
    [InlineData("Rouhani said, \"The Islamic Republic deeply regrets this mistake\".", true)]
    [InlineData("Sie nannte das „einen schweren Fehler der Regierung“.", true)]
    [InlineData("\"We expect a full and open investigation", true)]
    public void A_word_or_two_in_quotation_marks_is_no_statement(string sentence, bool speech) =>
        Assert.Equal(speech, AnswerTypes.QuotesSpeech(sentence));

    [Theory]
    [InlineData("Die Polizei zitiert einen Beamten aus dem nordnorwegischen Örtchen Kirkenes.", "kirkenes", null)]
    [InlineData("Die Polizei bringt die Männer dann in die Hauptstadt Oslo.", "kirkenes", "Hauptstadt Oslo")]
    [InlineData("The police took the men from Kirkenes to a hospital in Oslo.", "kirkenes", "Oslo")]
    public void A_place_that_ends_in_the_question_s_own_place_is_no_answer_to_where(string sentence, string questionTerm, string? expected) =>
        Assert.Equal(expected, AnswerTypes.Phrases(sentence, AnswerKind.Place, new HashSet<string>(TextAnalyzer.Terms(questionTerm))).Select(p => p.Text).FirstOrDefault());

    [Theory]
    [InlineData("Japanese wrestler Hana Kimura, age 22, has died.", "22")]
    public void An_age_set_off_after_a_name_with_age_reads_as_one(string sentence, string age) =>
        Assert.True(AnswerTypes.ReadsAsAge(sentence, sentence.IndexOf(age, StringComparison.Ordinal), age));
}
