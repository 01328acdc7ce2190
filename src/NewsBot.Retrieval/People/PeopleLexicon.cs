using System.Collections.Frozen;

namespace NewsBot.Retrieval.People;

/// <summary>
/// The word lists person extraction relies on besides the licensed given names (<see cref="GivenNames"/>) and the
/// dictionary (<see cref="WordKnowledge"/>): role nouns in German and English across domains, places and organisations that are never people, speech verbs
/// for quote attribution, and spelling groups for names whose transliterations folding cannot join.
/// Lists are deliberately compact: the extractor needs a given name OR a role cue, so a missing given name
/// only matters when the article gives no role either.
/// </summary>
public static class PeopleLexicon
{
    /// <summary>Spellings of one name across languages; the first is the canonical one.</summary>
    public static readonly IReadOnlyList<string[]> SpellingGroups =
    [
        ["Lawrow", "Lavrov"],
        ["Selenskyj", "Zelensky", "Zelenskyy", "Zelenskiy", "Selenski"],
        ["Peskow", "Peskov"],
        ["Wladimir", "Vladimir"],
        ["Wolodymyr", "Volodymyr"],
        ["Sergej", "Sergei", "Sergey"],
        ["Dmitri", "Dmitry", "Dmitrij"],
        ["Medwedew", "Medvedev"],
        ["Schoigu", "Shoigu"],
        ["Gerassimow", "Gerasimov"],
        ["Prigoschin", "Prigozhin"],
        ["Nawalny", "Navalny"],
        ["Netanjahu", "Netanyahu"],
        ["Jewgeni", "Yevgeny", "Evgeny"],
        ["Alexej", "Alexei", "Aleksei", "Alexey"],
        ["Michail", "Mikhail"],
        ["Juri", "Yuri"],
        ["Franziskus", "Francis"],
        ["Mohammed", "Muhammad", "Mohammad", "Mohamed"],
        ["Kyjiw", "Kyiv"],
    ];

    /// <summary>Folded spelling → folded canonical spelling, for spellings folding alone does not join.</summary>
    internal static readonly FrozenDictionary<string, string> Exonyms = BuildExonyms();

    /// <summary>Each spelling group by its first spelling's key (after <see cref="Exonyms"/>, which folding uses); the first group wins.</summary>
    private static readonly FrozenDictionary<string, string[]> SpellingGroupsByKey = SpellingGroups
        .DistinctBy(group => NameKey.FoldWord(group[0]), StringComparer.Ordinal)
        .ToFrozenDictionary(group => NameKey.FoldWord(group[0]), StringComparer.Ordinal);

    /// <summary>German role nouns, lowercase; a compound counts when it ends with one ("Kremlsprecher").</summary>
    private static readonly string[] GermanRoleRoots =
    [
        "präsident", "präsidentin", "minister", "ministerin", "kanzler", "kanzlerin", "sprecher", "sprecherin",
        "chef", "chefin", "vorsitzende", "vorsitzender", "vorgänger", "vorgängerin", "nachfolger", "nachfolgerin",
        "botschafter", "botschafterin", "gesandte", "gesandter", "bürgermeister", "bürgermeisterin", "sekretär",
        "sekretärin", "gouverneur", "gouverneurin", "senator", "senatorin", "abgeordnete", "abgeordneter", "könig",
        "königin", "papst", "premier", "premierministerin", "staatschef", "oppositionsführer", "oppositionsführerin",
        "anführer", "anführerin", "machthaber", "diktator", "general", "generalin", "kommandeur", "befehlshaber", "berater",
        "beraterin", "beauftragte", "beauftragter", "direktor", "direktorin", "leiter", "leiterin", "gründer", "gründerin",
        "milliardär", "milliardärin", "kronprinz", "prinz", "prinzessin", "emir", "scheich", "kommissar", "kommissarin",
        "vize", "regent", "herrscher", "staatsoberhaupt", "parteichef", "fraktionschef", "spitzenkandidat",
        "spitzenkandidatin", "kandidat", "kandidatin", "amtskollege", "amtskollegin", "unterhändler", "vermittler", "sondergesandte", "sondergesandter",
        "generalsekretär", "generalsekretärin", "ministerpräsident", "ministerpräsidentin", "regierungschef",
        "regierungschefin", "amtsinhaber", "amtsinhaberin", "altkanzler", "altkanzlerin", "pressesprecherin",
        // sport
        "trainer", "trainerin", "coach", "torhüter", "torhüterin", "torwart", "stürmer", "stürmerin", "verteidiger",
        "verteidigerin", "mittelfeldspieler", "mittelfeldspielerin", "spieler", "spielerin", "kapitän", "kapitänin",
        "schiedsrichter", "schiedsrichterin", "manager", "managerin", "sportdirektor", "sportdirektorin", "torschütze",
        "torschützin", "läufer", "läuferin", "fahrer", "fahrerin", "weltmeister", "weltmeisterin", "olympiasieger",
        "olympiasiegerin", "sieger", "siegerin", "athlet", "athletin", "profi", "teamchef", "teamchefin",
        // courts and police
        "richter", "richterin", "staatsanwalt", "staatsanwältin", "anwalt", "anwältin", "rechtsanwalt", "rechtsanwältin",
        "angeklagte", "angeklagter", "beschuldigte", "beschuldigter", "kläger", "klägerin", "zeuge", "zeugin", "gutachter",
        "gutachterin", "sachverständige", "sachverständiger", "ermittler", "ermittlerin", "polizeichef", "polizeichefin",
        "kommissarin", "täter", "täterin", "opfer",
        // business
        "vorstandschef", "vorstandschefin", "vorstand", "geschäftsführer", "geschäftsführerin", "aufsichtsratschef",
        "aufsichtsratschefin", "konzernchef", "konzernchefin", "unternehmer", "unternehmerin", "investor", "investorin",
        "ökonom", "ökonomin", "analyst", "analystin", "banker", "bankerin", "lobbyist", "lobbyistin", "inhaber",
        "inhaberin", "eigentümer", "eigentümerin", "mitarbeiter", "mitarbeiterin", "obmann", "obfrau",
        // culture and media
        "regisseur", "regisseurin", "sänger", "sängerin", "autor", "autorin", "schriftsteller", "schriftstellerin",
        "schauspieler", "schauspielerin", "musiker", "musikerin", "komponist", "komponistin", "dirigent", "dirigentin",
        "künstler", "künstlerin", "maler", "malerin", "moderator", "moderatorin", "journalist", "journalistin",
        "komiker", "komikerin", "kabarettist", "kabarettistin", "satiriker", "satirikerin", "produzent", "produzentin",
        "intendant", "intendantin", "kameramann", "kamerafrau", "fotograf", "fotografin", "dichter", "dichterin",
        "kurator", "kuratorin", "schauspielerin",
        // science and medicine
        "forscher", "forscherin", "wissenschaftler", "wissenschaftlerin", "professor", "professorin", "physiker",
        "physikerin", "chemiker", "chemikerin", "biologe", "biologin", "archäologe", "archäologin", "historiker",
        "historikerin", "experte", "expertin", "arzt", "ärztin", "mediziner", "medizinerin", "studienleiter",
        "studienleiterin", "astronom", "astronomin", "zoologe", "zoologin", "soziologe", "soziologin", "psychologe",
        "psychologin", "ingenieur", "ingenieurin",
        // church and society
        "bischof", "bischöfin", "erzbischof", "kardinal", "pfarrer", "pfarrerin", "priester", "priesterin", "rabbiner",
        "imam", "aktivist", "aktivistin", "hauptmann", "landeshauptmann", "landeshauptfrau", "stadtrat", "stadträtin",
    ];

    /// <summary>English role phrases, lowercase, longest first. Capitalised modifiers before them join the role.</summary>
    private static readonly string[] EnglishRolePhrases =
    [
        "secretary of state", "secretary of defense", "secretary of defence", "national security adviser",
        "national security advisor", "secretary-general", "secretary general", "prime minister", "foreign minister",
        "defense minister", "defence minister", "finance minister", "interior minister", "foreign secretary",
        "home secretary", "defense secretary", "defence secretary", "press secretary", "vice president", "vice-president",
        "special envoy", "chief of staff", "house speaker", "president", "chancellor", "minister", "secretary",
        "spokesman", "spokeswoman", "spokesperson", "senator", "governor", "mayor", "king", "queen", "pope", "ambassador",
        "envoy", "leader", "chief", "ceo", "general", "commander", "predecessor", "successor", "adviser", "advisor",
        "premier", "presidents", "ministers", "leaders", "speaker", "director", "founder", "billionaire", "emir",
        "prince", "crown prince", "sheikh", "commissioner", "candidate", "negotiator", "dictator", "ruler", "counterpart",
        "chairman", "chairwoman", "chair", "head", "boss", "coach", "judge", "prosecutor", "lawmaker", "official",
        // sport
        "manager", "striker", "goalkeeper", "defender", "midfielder", "forward", "captain", "referee", "player", "runner",
        "champion", "athlete", "driver", "winner", "rider", "skipper",
        // courts and police
        "lawyer", "attorney", "defense attorney", "defence lawyer", "district attorney", "defendant", "plaintiff",
        "witness", "detective", "inspector", "detective inspector", "officer", "police officer", "investigator",
        "sheriff", "magistrate", "justice",
        // business
        "chief executive", "chief executive officer", "executive", "cfo", "chief financial officer", "founder",
        "co-founder", "investor", "economist", "analyst", "banker", "entrepreneur", "owner", "president and ceo",
        // culture and media
        "director", "singer", "author", "writer", "actor", "actress", "musician", "composer", "conductor", "artist",
        "painter", "presenter", "host", "journalist", "reporter", "comedian", "producer", "filmmaker", "novelist",
        "poet", "photographer", "guitarist", "drummer", "lyricist", "rapper", "dancer", "curator",
        // science and medicine
        "researcher", "scientist", "professor", "physicist", "chemist", "biologist", "archaeologist", "historian",
        "expert", "doctor", "physician", "astronomer", "oceanographer", "engineer", "lead author", "study author",
        // church and society
        "bishop", "archbishop", "cardinal", "priest", "rabbi", "imam", "activist", "spokesperson",
    ];

    private static readonly FrozenSet<string> EnglishRolePhraseSet = EnglishRolePhrases.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Capitalised English words that may stand before a role noun ("French President", "Kremlin spokesman").</summary>
    private static readonly FrozenSet<string> EnglishRoleModifiers = new[]
    {
        "US", "U.S.", "UK", "EU", "UN", "NATO", "Nato", "Kremlin", "White", "House", "State", "Foreign", "Defense", "Defence",
        "Finance", "Interior", "Home", "Economy", "Health", "Prime", "Vice", "Deputy", "Former", "Acting", "Chief",
        "Senior", "Top", "Opposition", "Party", "Federal", "Regional", "Special", "Trade", "Justice", "Energy", "Treasury",
        "Labour", "Labor", "Conservative", "Republican", "Democratic", "Tory", "Green", "Liberal", "European", "American",
        "German", "French", "British", "Russian", "Ukrainian", "Chinese", "Italian", "Spanish", "Polish", "Turkish",
        "Israeli", "Iranian", "Saudi", "Indian", "Japanese", "Dutch", "Swedish", "Finnish", "Danish", "Norwegian",
        "Hungarian", "Austrian", "Swiss", "Belgian", "Greek", "Canadian", "Australian", "Brazilian", "Mexican",
        "Palestinian", "Syrian", "Egyptian", "Belarusian", "Georgian", "Korean", "North", "South", "Pentagon", "Foreign",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> EnglishLowerRoleModifiers = new[]
    {
        "former", "then", "acting", "deputy", "late", "outgoing", "incoming", "new", "current", "interim", "top", "senior",
        // portfolios, written lowercase in running English text: "German economy minister"
        "economy", "economic", "finance", "foreign", "defense", "defence", "interior", "health", "justice", "energy",
        "environment", "trade", "transport", "education", "culture", "agriculture", "labour", "labor", "digital",
        "climate", "housing", "home", "security", "intelligence", "army", "military", "party", "opposition", "state",
        "government", "press", "chief", "prime", "vice", "foreign-policy", "development", "migration", "treasury",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Places, organisations, peoples and other capitalised words that are never a person's name.</summary>
    private static readonly FrozenSet<string> NotNameKeys = FoldAll(
    [
        // places
        "Riad", "Riyadh", "Kreml", "Kremlin", "Washington", "Moskau", "Moscow", "Europa", "Europe", "Saudi-Arabien",
        "Saudi", "Arabia", "Arabien", "Ukraine", "Kiew", "Kyiv", "Kiev", "Kyjiw", "Brüssel", "Brussels", "Paris", "Berlin",
        "London", "Peking", "Beijing", "Russland", "Russia", "USA", "US", "Amerika", "America", "China", "Deutschland",
        "Germany", "Frankreich", "France", "Türkei", "Turkey", "Türkiye", "Israel", "Gaza", "Iran", "Irak", "Iraq",
        "Syrien", "Syria", "Libanon", "Lebanon", "Jemen", "Yemen", "Polen", "Poland", "Ungarn", "Hungary", "Österreich",
        "Austria", "Schweiz", "Switzerland", "Italien", "Italy", "Spanien", "Spain", "Großbritannien", "Britain",
        "England", "Japan", "Indien", "India", "Kanada", "Canada", "Mexiko", "Mexico", "Brasilien", "Brazil", "Afrika",
        "Africa", "Asien", "Asia", "Genf", "Geneva", "Wien", "Vienna", "Rom", "Rome", "Warschau", "Warsaw", "Istanbul",
        "Ankara", "Jerusalem", "Teheran", "Tehran", "Damaskus", "Damascus", "Katar", "Qatar", "Doha", "Dubai", "Kairo",
        "Cairo", "Davos", "München", "Munich", "Hamburg", "Frankfurt", "Krim", "Crimea", "Donbass", "Donbas",
        "Charkiw", "Kharkiv", "Odessa", "Odesa", "Minsk", "Belarus", "Weißrussland", "Georgien", "Georgia", "Taiwan",
        "Nordkorea", "Südkorea", "Korea", "Grönland", "Greenland", "Panama", "Texas", "Florida", "Kalifornien",
        "California", "New", "York", "Westjordanland", "Sudan", "Ägypten", "Egypt", "Jordanien", "Jordan", "Helsinki",
        "Stockholm", "Oslo", "Kopenhagen", "Madrid", "Lissabon", "Athen", "Prag", "Budapest", "Bukarest", "Sofia",
        "Vilnius", "Riga", "Tallinn", "Straßburg", "Strasbourg", "Den", "Haag", "Hague", "Alaska", "Anchorage",
        "Serbien", "Kroatien", "Slowenien", "Bosnien", "Albanien", "Mazedonien", "Rumänien", "Bulgarien", "Griechenland",
        "Tschechien", "Slowakei", "Niederlande", "Holland", "Belgien", "Luxemburg", "Dänemark", "Schweden", "Norwegen",
        "Finnland", "Estland", "Lettland", "Litauen", "Irland", "Portugal", "Island", "Moldau", "Montenegro", "Kosovo",
        "Zypern", "Malta", "Guatemala", "Venezuela", "Kolumbien", "Argentinien", "Chile", "Peru", "Kuba", "Libyen",
        "Tunesien", "Algerien", "Marokko", "Nigeria", "Kenia", "Äthiopien", "Somalia", "Mali", "Afghanistan", "Pakistan",
        "Bangladesch", "Vietnam", "Thailand", "Indonesien", "Philippinen", "Australien", "Neuseeland", "Armenien",
        "Aserbaidschan", "Kasachstan", "Tirol", "Kärnten", "Steiermark", "Salzburg", "Bayern", "Sachsen", "Hessen",
        "Niederösterreich", "Oberösterreich", "Burgenland", "Vorarlberg", "Linz", "Graz", "Innsbruck", "Klagenfurt",
        "Köln", "Stuttgart", "Dresden", "Leipzig", "Düsseldorf", "Bremen", "Hannover", "Zürich", "Basel", "Bern",
        "Mailand", "Milan", "Neapel", "Barcelona", "Marseille", "Lyon", "Brüssel", "Amsterdam", "Rotterdam", "Dublin",
        "Edinburgh", "Manchester", "Liverpool", "Chicago", "Boston", "Seattle", "Tokio", "Tokyo", "Seoul", "Shanghai",
        "Hongkong", "Singapur", "Singapore", "Delhi", "Mumbai", "Lagos", "Nairobi", "Kapstadt", "Sydney", "Toronto",
        "Montreal", "Ottawa", "Havanna", "Caracas", "Bogotá", "Lima", "Santiago", "Buenos", "Aires", "Rio", "Brasília",
        "Ukraine", "Mittelmeer", "Balkan", "Nahost", "Ostsee", "Nordsee", "Alpen", "Donau", "Rhein",
        // organisations, institutions, brands
        "Nato", "NATO", "EU", "UN", "UNO", "G7", "G20", "OSZE", "OSCE", "Bundestag", "Bundesregierung", "Bundeswehr",
        "Kongress", "Congress", "Senat", "Senate", "Pentagon", "Google", "Apple", "Microsoft",
        "Meta", "Facebook", "Twitter", "Telegram", "Tesla", "SpaceX", "Amazon", "Reuters", "AFP", "DPA", "AP", "ARD",
        "ZDF", "BBC", "CNN", "Fox", "Hamas", "Hisbollah", "Hezbollah", "Taliban", "CDU", "CSU", "SPD", "FDP", "AfD",
        "Grüne", "Grünen", "Linke", "BSW", "Republikaner", "Demokraten", "Democrats", "Republicans", "Labour", "Tories",
        "Kommission", "Commission", "Parlament", "Parliament", "Regierung", "Government", "Weißes", "Haus", "White",
        "House", "Downing", "Street", "Elysée", "Élysée", "Tass", "Interfax", "Wagner", "Gazprom", "Rosneft",
        // peoples and adjectives capitalised in English
        "Ukrainer", "Russen", "Amerikaner", "Europäer", "Deutsche", "Franzosen", "Briten", "Chinesen", "Israelis",
        "Palästinenser", "Ukrainian", "Ukrainians", "Russian", "Russians", "American", "Americans", "European",
        "Europeans", "German", "Germans", "French", "British", "Chinese", "Israeli", "Israelis", "Palestinian",
        // months, days, holidays
        "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
        "Dezember", "January", "February", "March", "May", "June", "July", "October", "December", "Montag", "Dienstag",
        "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
        "Saturday", "Sunday", "Ostern", "Weihnachten", "Easter", "Christmas",
        // words that end place and organisation names ("Santos City", "Durham Hall", "Marine Corps")
        "City", "Hall", "County", "Court", "University", "Universität", "Street", "Avenue", "Square", "Park", "Airport",
        "Flughafen", "Station", "Bahnhof", "Church", "Kirche", "Hospital", "School", "College", "Bay", "River", "Island",
        "Islands", "Mountain", "Mountains", "Lake", "Corps", "Department", "Ministry", "Ministerium", "Council", "Rat",
        "Committee", "Agency", "Company", "Group", "Bank", "Times", "Post", "News", "Institute", "Institut", "Museum",
        "Stadium", "Stadion", "Centre", "Center", "Zentrum", "Foundation", "Stiftung", "Association", "Union", "Party",
        "Partei", "Club", "Verein", "Airlines", "Railway", "Motors", "Inc", "Ltd", "GmbH", "AG", "Kingdom", "Republic",
        "Republik", "Province", "Provinz", "Region", "District", "Valley", "Coast", "Beach", "Bridge", "Tower", "Palace",
        "Palast", "Square", "Cathedral", "Dom", "Hotel", "Theatre", "Theater", "Festival", "Cup", "League", "Liga",
        // languages
        "Deutsch", "Englisch", "Französisch", "Russisch", "Spanisch", "Italienisch", "Türkisch", "Arabisch", "Chinesisch",
        "Polnisch", "Ukrainisch", "English", "Spanish", "Arabic",
        // currencies and misc
        "Euro", "Dollar", "Rubel", "Rubles", "Pfund", "Internet", "Covid", "Corona",
    ]);

    /// <summary>Lowercase function words that can never be a name, even capitalised at a sentence start.</summary>
    private static readonly FrozenSet<string> FunctionWords = new[]
    {
        "der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einen", "einer", "eines", "und", "oder", "aber",
        "doch", "nach", "vor", "mit", "von", "im", "in", "am", "an", "auf", "aus", "bei", "zu", "zum", "zur", "für", "über",
        "unter", "er", "sie", "es", "wir", "ihr", "sein", "seine", "ihre", "dass", "wie", "wenn", "als", "auch", "nur",
        "noch", "schon", "nun", "dann", "so", "zwar", "denn", "während", "bereits", "dabei", "damit", "diese", "dieser",
        "dieses", "welche", "kein", "keine", "nicht", "the", "a", "an", "and", "or", "but", "of", "in", "on", "at", "to",
        "for", "with", "by", "from", "he", "she", "it", "we", "they", "his", "her", "their", "this", "that", "these",
        "those", "as", "after", "before", "when", "while", "if", "not", "no", "yes", "mr", "mrs", "ms", "dr", "herr",
        "frau", "laut", "demnach", "gleichzeitig", "zudem", "außerdem", "trotzdem", "jedoch", "allerdings", "weil",
        "obwohl", "nachdem", "bevor", "seit", "seitdem", "sobald", "falls", "zumal", "indem", "sondern", "also", "deshalb",
        "daher", "darum", "trotz", "wegen", "statt", "ob", "da", "bis", "ab", "um", "durch", "gegen", "ohne", "hier", "dort",
        "heute", "gestern", "morgen", "jetzt", "immer", "nie", "man", "wer", "was", "wo", "warum", "wieso",
        // articles and words that begin place names in several languages ("San Diego", "La Jolla", "Los Angeles")
        "san", "santa", "santo", "são", "sankt", "st", "los", "las", "el", "il", "lo", "les", "des", "het", "mount", "fort",
        "port", "lake", "new", "north", "south", "east", "west",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Determiners and possessives that end a role phrase on its left; not part of the role.</summary>
    private static readonly FrozenSet<string> Determiners = new[]
    {
        "der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einen", "einer", "eines", "sein", "seine",
        "seinem", "seinen", "seiner", "seines", "ihr", "ihre", "ihrem", "ihren", "ihrer", "ihres", "the", "a", "an", "his",
        "her", "its", "their",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Determiners after which a role may be plural and shared by "A und B" ("der Außenminister Rubio und Lawrow").</summary>
    private static readonly FrozenSet<string> PluralCapableDeterminers = new[] { "der", "die", "den" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Verbs and phrases that attribute speech, lowercase (German and English).</summary>
    private static readonly FrozenSet<string> SpeechWords = new[]
    {
        "sagte", "sagt", "sagten", "erklärte", "erklärt", "mahnte", "mahnt", "betonte", "betont", "warnte", "warnt",
        "schrieb", "schreibt", "meinte", "meint", "so", "kritisierte", "kritisiert", "forderte", "fordert", "versicherte",
        "behauptete", "bekräftigte", "ergänzte", "äußerte", "zitiert", "zitierte", "sprach", "fragte", "antwortete",
        "verkündete", "kündigte", "teilte", "erläuterte", "unterstrich", "bezeichnete", "drohte", "räumte", "gestand",
        "said", "says", "told", "added", "warned", "stressed", "wrote", "explained", "insisted", "asked", "answered",
        "declared", "announced", "claimed", "argued", "noted", "tweeted", "posted", "according", "replied", "urged",
        "sagen", "erklären",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Pronouns = new[] { "er", "sie", "he", "she" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Stems of German adjectives that stand before role nouns ("damaligen", "ukrainische", "designierte").</summary>
    private static readonly string[] GermanAdjectiveStemEndings =
    [
        "isch", "sch", "ig", "lich", "iert", "end", "ell", "al", "neu", "alt", "früh", "erst", "letzt", "jung", "gewählt",
        "verstorben", "amtierend", "scheidend", "bisherig", "grün", "rot", "schwarz", "blau", "groß", "mächtig", "ehemalig",
        "langjährig", "stellvertretend", "ander", "zweit", "dritt", "einstig", "abgewählt", "gestürzt", "geschäftsführend",
    ];

    /// <summary>Words after which a capitalised word is a noun, not a surname ("bei der Wahl", "in Haft", "the Kremlin").</summary>
    private static readonly FrozenSet<string> NounMarkers = new[]
    {
        "der", "die", "das", "dem", "den", "des", "ein", "eine", "einer", "eines", "einem", "einen", "zur", "zum", "im",
        "am", "vom", "beim", "ins", "in", "kein", "keine", "keiner", "keinen", "jede", "jeder", "jeden", "jedes", "diese",
        "dieser", "diesen", "dieses", "mehr", "viel", "viele", "vielen", "wenig", "wenige", "große", "großen", "großer",
        "neue", "neuen", "neuer", "ohne", "voller", "jene", "jener", "welche", "welcher", "manche", "alle", "allen",
        "the", "a", "an", "this", "that", "these", "those", "every", "no", "some", "any",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Kinship nouns, lowercase: a given name alone after one names a person ("his wife Mary", "Vater Jochen").</summary>
    private static readonly FrozenSet<string> KinshipNouns = new[]
    {
        "wife", "husband", "son", "daughter", "father", "mother", "brother", "sister", "widow", "widower", "partner",
        "grandson", "granddaughter", "frau", "ehefrau", "mann", "ehemann", "sohn", "tochter", "vater", "mutter", "bruder",
        "schwester", "witwe", "witwer", "partnerin", "enkel", "enkelin", "lebensgefährte", "lebensgefährtin",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsKinshipNoun(string lower) => KinshipNouns.Contains(lower);

    /// <summary>Things only a person has, lowercase: with a kinship noun they mark a one-word name ("Xs Grab", "the tomb of X").</summary>
    private static readonly FrozenSet<string> LifeNouns = new[]
    {
        "grave", "tomb", "death", "birth", "mummy", "funeral", "burial", "reign", "coronation", "biography", "childhood",
        "grab", "grabmal", "grabkammer", "tod", "geburt", "mumie", "begräbnis", "beerdigung", "regierungszeit", "krönung",
        "thronbesteigung", "biografie", "kindheit", "lebensweg",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A kinship noun or a thing only a person has (lowercase, German inflection -s/-es/-n dropped).</summary>
    public static bool IsPersonalNoun(string lower)
    {
        if (KinshipNouns.Contains(lower) || LifeNouns.Contains(lower))
        {
            return true;
        }

        foreach (var ending in (ReadOnlySpan<string>)["es", "s", "n"])
        {
            if (lower.Length > ending.Length + 2 && lower.EndsWith(ending, StringComparison.Ordinal)
                && (KinshipNouns.Contains(lower[..^ending.Length]) || LifeNouns.Contains(lower[..^ending.Length])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a lowercase German word is an adjective that may stand in a role phrase.</summary>
    public static bool IsGermanRoleAdjective(string lower)
    {
        if (lower.Length < 4 || FunctionWords.Contains(lower) || SpeechWords.Contains(lower))
        {
            return false;
        }

        foreach (var ending in (ReadOnlySpan<string>)["en", "em", "es", "er", "e"])
        {
            if (lower.EndsWith(ending, StringComparison.Ordinal))
            {
                var stem = lower[..^ending.Length];
                foreach (var stemEnding in GermanAdjectiveStemEndings)
                {
                    if (stem.EndsWith(stemEnding, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        return false;
    }

    /// <summary>True when the word before a capitalised word marks that word as a noun (article, preposition+article).</summary>
    public static bool IsNounMarker(string lower) => NounMarkers.Contains(lower);

    /// <summary>Endings of place names: a single word after a role noun ending so is a place ("Außenminister Serbiens").</summary>
    public static bool LooksLikePlace(string token)
    {
        var lower = token.ToLowerInvariant().TrimEnd('s');
        foreach (var ending in (ReadOnlySpan<string>)["ien", "land", "reich", "stan", "burg", "ei"])
        {
            if (lower.EndsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Lowercase words allowed inside a name: "Ursula von der Leyen", "Charles de Gaulle", "Mohammed bin Salman".</summary>
    private static readonly FrozenSet<string> NameParticles = new[]
    {
        "von", "van", "der", "de", "da", "di", "del", "della", "du", "al", "bin", "ibn", "ben", "le", "la", "zu", "ter", "ten", "dos",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Endings of German common nouns; a capitalised word ending so is not taken as a surname.</summary>
    private static readonly string[] NounSuffixes =
    [
        "ung", "ungen", "heit", "keit", "schaft", "tion", "ismus", "tät", "nis", "chen", "ment",
    ];

    /// <summary>True for a given name of the licensed list (<see cref="GivenNames"/>).</summary>
    public static bool IsGivenName(string token) => GivenNames.Contains(token);

    /// <summary>True for places, organisations, peoples, months and function words (also in genitive: "Russlands").</summary>
    public static bool IsNotName(string token)
    {
        if (NotNameCache.TryGetValue(token, out var cached))
        {
            return cached;
        }

        return NotNameCache.Add(token, ClassifyNotName(token));
    }

    private static readonly WordCache<bool> NotNameCache = new();

    private static bool ClassifyNotName(string token)
    {
        var lower = token.ToLowerInvariant();
        if (FunctionWords.Contains(lower))
        {
            return true;
        }

        foreach (var key in NameKey.InflectionKeys(token))
        {
            if (NotNameKeys.Contains(key))
            {
                return true;
            }
        }

        // "Nato-Staaten", "Ukraine-Kriegs", "US-Regierung": compounds led by a place or organisation.
        var hyphen = token.IndexOf('-', StringComparison.Ordinal);
        return hyphen > 0 && NotNameKeys.Contains(NameKey.FoldSpelling(token[..hyphen]));
    }

    /// <summary>True when a capitalised German word looks like a common noun by its ending.</summary>
    public static bool HasNounSuffix(string token)
    {
        // Lowercased into a buffer: asked for every distinct capitalised word, a string each time was garbage.
        Span<char> buffer = stackalloc char[Math.Min(token.Length, 256)];
        var lower = token.Length <= buffer.Length ? buffer[..token.AsSpan().ToLowerInvariant(buffer)] : token.ToLowerInvariant().AsSpan();
        foreach (var suffix in NounSuffixes)
        {
            if (lower.EndsWith(suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a German token is a role noun, and its base form: "US-Außenministers" → "US-Außenminister",
    /// "Präsidenten" → "Präsident". <paramref name="feminine"/> tells how to inflect adjectives before it.
    /// </summary>
    public static bool TryGermanRole(string token, out string baseForm, out bool feminine, out bool plural)
    {
        if (!GermanRoleCache.TryGetValue(token, out var role))
        {
            role = GermanRoleCache.Add(token, ClassifyGermanRole(token));
        }

        baseForm = role.BaseForm ?? token;
        feminine = role.Feminine;
        plural = role.Plural;
        return role.BaseForm is not null;
    }

    private static readonly WordCache<GermanRole> GermanRoleCache = new();

    private static readonly FrozenSet<string> GermanRoleRootSet = GermanRoleRoots.ToFrozenSet(StringComparer.Ordinal);

    private static readonly int LongestGermanRoot = GermanRoleRoots.Max(r => r.Length);

    private readonly record struct GermanRole(string? BaseForm, bool Feminine, bool Plural);

    private static GermanRole ClassifyGermanRole(string token)
    {
        if (token.Length < 4 || !char.IsUpper(token[0]))
        {
            return default;
        }

        // Stems and roots are slices of one lowercase copy, looked up by span: this runs once per distinct capitalised
        // German word, and a string per ending and root length made most of its cost.
        var lower = token.ToLowerInvariant().AsSpan();
        ReadOnlySpan<string> endings = ["", "s", "es", "en", "n", "nen"];
        foreach (var ending in endings)
        {
            if (!lower.EndsWith(ending, StringComparison.Ordinal))
            {
                continue;
            }

            var stem = lower[..^ending.Length];

            // Longest role noun the stem ends with: "kremlsprecher" → "sprecher", "ministerpräsidentin" → itself.
            for (var length = Math.Min(LongestGermanRoot, stem.Length); length >= 3; length--)
            {
                var root = stem[^length..];
                if (GermanRoleRootsBySpan.Contains(root) && !stem[..^length].EndsWith("laut", StringComparison.Ordinal))
                {
                    var isPlural = ending is "en" or "nen" && root[^1] != 'e';
                    return new GermanRole(token[..^ending.Length], root.EndsWith("in", StringComparison.Ordinal), isPlural);
                }
            }
        }

        return default;
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> GermanRoleRootsBySpan =
        GermanRoleRootSet.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when a lowercase phrase is an English role ("secretary of state", "spokesman").</summary>
    public static bool IsEnglishRolePhrase(string lowerPhrase) => EnglishRolePhraseSet.Contains(lowerPhrase);

    /// <summary>True when some English role phrase ends with this lowercase word: a phrase ending elsewhere cannot be one.</summary>
    public static bool EndsEnglishRolePhrase(string lowerWord) => EnglishRoleLastWords.Contains(lowerWord);

    private static readonly FrozenSet<string> EnglishRoleLastWords = LastWords(EnglishRolePhraseSet);

    /// <summary>The last word of each phrase (words joined by single spaces).</summary>
    internal static FrozenSet<string> LastWords(IEnumerable<string> phrases) =>
        phrases.Select(p => p[(p.LastIndexOf(' ') + 1)..]).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>As <see cref="IsEnglishRolePhrase(string)"/>, for a phrase put together in a buffer (no string per try).</summary>
    public static bool IsEnglishRolePhrase(ReadOnlySpan<char> lowerPhrase) => EnglishRolePhrasesBySpan.Contains(lowerPhrase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> EnglishRolePhrasesBySpan =
        EnglishRolePhraseSet.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsEnglishRoleModifier(string token) => EnglishRoleModifiers.Contains(token) || EnglishLowerRoleModifiers.Contains(token);

    public static bool IsDeterminer(string lowerToken) => Determiners.Contains(lowerToken);

    public static bool IsPluralCapableDeterminer(string lowerToken) => PluralCapableDeterminers.Contains(lowerToken);

    public static bool IsSpeechWord(string lowerToken) => SpeechWords.Contains(lowerToken);

    /// <summary>As <see cref="IsSpeechWord(string)"/>, for a word lowercased into a buffer.</summary>
    public static bool IsSpeechWord(ReadOnlySpan<char> lowerToken) => SpeechWordsBySpan.Contains(lowerToken);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SpeechWordsBySpan = SpeechWords.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsPronoun(string lowerToken) => Pronouns.Contains(lowerToken);

    /// <summary>As <see cref="IsPronoun(string)"/>, for a word lowercased into a buffer.</summary>
    public static bool IsPronoun(ReadOnlySpan<char> lowerToken) => PronounsBySpan.Contains(lowerToken);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PronounsBySpan = Pronouns.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsNameParticle(string token) => NameParticles.Contains(token);

    public static bool IsFunctionWord(string lowerToken) => FunctionWords.Contains(lowerToken);

    /// <summary>All spellings in the same group as a name word (including itself), or just the word.</summary>
    public static IEnumerable<string> SpellingsOf(string word)
    {
        // Looked up, not scanned for: merging an index asks this for every word of every name.
        return SpellingGroupsByKey.TryGetValue(NameKey.FoldWord(word), out var group) ? group : [word];
    }

    private static FrozenSet<string> FoldAll(IEnumerable<string> words) =>
        words.Select(NameKey.FoldSpelling).Where(k => k.Length > 0).ToFrozenSet(StringComparer.Ordinal);

    private static FrozenDictionary<string, string> BuildExonyms()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in SpellingGroups)
        {
            var canonical = NameKey.FoldSpelling(group[0]);
            foreach (var spelling in group.Skip(1))
            {
                var key = NameKey.FoldSpelling(spelling);
                if (key != canonical)
                {
                    map[key] = canonical;
                }
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
