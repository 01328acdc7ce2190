using NewsBot.Retrieval.People;

namespace NewsBot.Core.Tests.People;

public sealed class NameKeyTests
{
    [Theory]
    [InlineData("Lawrow", "Lavrov")]
    [InlineData("Selenskyj", "Zelensky")]
    [InlineData("Selenskyj", "Zelenskyy")]
    [InlineData("Selenskyj", "Zelenskiy")]
    [InlineData("Peskow", "Peskov")]
    [InlineData("Wladimir Putin", "Vladimir Putin")]
    [InlineData("Sergej", "Sergey")]
    [InlineData("Sergej", "Sergei")]
    [InlineData("Dmitri", "Dmitry")]
    [InlineData("Wolodymyr", "Volodymyr")]
    [InlineData("Netanjahu", "Netanyahu")]
    [InlineData("Erdoğan", "Erdogan")]
    [InlineData("Chodorkowski", "Khodorkovsky")]
    [InlineData("Jewgeni", "Evgeny")]
    [InlineData("Franziskus", "Francis")]
    [InlineData("MACRON", "macron")]
    public void SpellingsOfOneNameFoldToOneKey(string a, string b)
    {
        Assert.Equal(NameKey.Fold(a), NameKey.Fold(b));
    }

    [Theory]
    [InlineData("Putin", "Macron")]
    [InlineData("Rubio", "Biden")]
    [InlineData("Merz", "März")]
    public void DifferentNamesStayApart(string a, string b)
    {
        Assert.NotEqual(NameKey.Fold(a), NameKey.Fold(b));
    }

    [Theory]
    [InlineData("Selenskyjs", "Selenskyj")]
    [InlineData("Putins", "Putin")]
    [InlineData("Putin's", "Putin")]
    [InlineData("Putin’s", "Putin")]
    [InlineData("Merz'", "Merz")]
    public void InflectedFormsIncludeTheBaseKey(string inflected, string baseForm)
    {
        Assert.Contains(NameKey.FoldWord(baseForm), NameKey.InflectionKeys(inflected));
    }

    [Fact]
    public void DistanceCountsEdits()
    {
        Assert.Equal(0, NameKey.Distance("putin", "putin"));
        Assert.Equal(1, NameKey.Distance("pesko", "peskov"));
        Assert.Equal(2, NameKey.Distance("abc", "bca"));
        Assert.Equal(5, NameKey.Distance("", "macro"));
    }

    [Fact]
    public void AFoldAfterALongerWordIsNotDisturbedByItsLeftovers()
    {
        // The fold keeps its scratch buffers per thread: a long word's letters must not show through a short one's key.
        var expected = NameKey.FoldSpellingUncached(new string("Sergej".ToCharArray()));
        _ = NameKey.FoldSpellingUncached("Tschernomyrdinschtschowskijjewgenijewitschxxxxxxxwwwwwwww-Selenskyj");
        Assert.Equal("sergey", NameKey.FoldSpellingUncached("Sergej"));
        Assert.Equal(expected, NameKey.FoldSpellingUncached("Sergej".AsSpan()));
        Assert.Equal("erdogan", NameKey.FoldSpellingUncached("Erdoğan".AsSpan()));
        Assert.Equal("", NameKey.FoldSpellingUncached("'’".AsSpan()));
    }

    [Fact]
    public void TheGivenNamesAreTheKeysOfTheirListReadLineByLine()
    {
        // The list is read as spans of one text, not a string per line: the same keys as reading it line by line.
        var text = "# comment\naabriella\nWolodymyr\r\nx\n\nsergej\nJosé\n";
        var expected = new HashSet<string>(StringComparer.Ordinal);
        using (var reader = new StringReader(text))
        {
            while (reader.ReadLine() is { } line)
            {
                if (line.Length > 1 && line[0] != '#' && NameKey.FoldSpellingUncached(line) is { Length: > 0 } key)
                {
                    expected.Add(key);
                }
            }
        }

        var keys = GivenNames.KeysOf(text);
        Assert.Superset(expected, keys);
        Assert.Contains("abriela", keys);
        Assert.Contains("volodymyr", keys);
        Assert.Contains("sergey", keys);
        Assert.Contains("yose", keys);
        Assert.DoesNotContain("x", keys);
        Assert.DoesNotContain("# comment", keys);
    }
}
