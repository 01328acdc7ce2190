using NewsBot.Retrieval.Search;

namespace NewsBot.Core.Tests.Search;

/// <summary>
/// <see cref="TextAnalyzer.Normalize"/> and <see cref="TextAnalyzer.Fold"/> return most words without copying them through a
/// builder (an index build analyses every distinct word and compound part): the shortcut must give exactly what the full
/// rules give (NormalizeAlways, FoldAlways: every word through the builder).
/// </summary>
public sealed class AnalyzerShortcutTests
{
    [Theory]
    [InlineData("Kremlsprecher")]
    [InlineData("NATO")]
    [InlineData("u2")]
    [InlineData("Außenministerin")]
    [InlineData("Über")]
    [InlineData("Zürich")]
    [InlineData("Ærø")]
    [InlineData("São")]
    [InlineData("Łódź")]
    [InlineData("Δελφοί")]
    [InlineData("already")]
    public void Normalize_gives_what_the_full_rules_give(string word) => Assert.Equal(FullNormalize(word), TextAnalyzer.Normalize(word));

    [Fact]
    public void Fold_gives_what_the_full_rules_give_for_every_short_word_of_the_letters_it_rewrites()
    {
        // Every word of 3 to 5 letters over the letters of the fold's rules and a few others: each pair and ending the
        // shortcut must see, at every position.
        const string letters = "acdehijkpsvwyz";
        foreach (var word in Words(letters, 3).Concat(Words(letters, 4)).Concat(Words(letters, 5)))
        {
            Assert.Equal(FullFold(word), TextAnalyzer.Fold(word));
        }
    }

    [Theory]
    [InlineData("selenskyj")]
    [InlineData("schwarzenegger")]
    [InlineData("philosophie")]
    [InlineData("kiyv")]
    [InlineData("polizei")]
    [InlineData("army")]
    [InlineData("monkey")]
    [InlineData("ergebni")]
    [InlineData("minister")]
    [InlineData("2024abc")]
    public void Fold_gives_what_the_full_rules_give(string term) => Assert.Equal(FullFold(term), TextAnalyzer.Fold(term));

    private static IEnumerable<string> Words(string letters, int length)
    {
        var chars = new char[length];
        var total = (int)Math.Pow(letters.Length, length);
        for (var n = 0; n < total; n++)
        {
            var rest = n;
            for (var i = 0; i < length; i++)
            {
                chars[i] = letters[rest % letters.Length];
                rest /= letters.Length;
            }

            yield return new string(chars);
        }
    }

    private static string FullNormalize(string word) => TextAnalyzer.NormalizeAlways(word);

    private static string FullFold(string term) => term.Length < 3 || char.IsDigit(term[0]) ? term : TextAnalyzer.FoldAlways(term);
}
