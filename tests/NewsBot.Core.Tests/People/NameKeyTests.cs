using System.Globalization;
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
    [Fact]
    public void TheGivenNamesReadInPiecesAreTheKeysOfTheWholeList()
    {
        // The list is read through one buffer, never as one string: lines cut at a read's end, a \r\n cut between its two
        // characters and a line longer than the buffer give the same keys as the whole text read line by line.
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < 6_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"Na{(char)('a' + (i % 26))}{(char)('a' + (i / 26 % 26))}{(char)('a' + (i / 676))}ová").Append(i % 3 == 0 ? "\r\n" : "\n");
        }

        text.Append('Z', 40_000).Append("\nLast");
        var expected = new HashSet<string>(StringComparer.Ordinal);
        using (var lines = new StringReader(text.ToString()))
        {
            while (lines.ReadLine() is { } line)
            {
                if (line.Length > 1 && line[0] != '#' && NameKey.FoldSpellingUncached(line) is { Length: > 0 } key)
                {
                    expected.Add(key);
                }
            }
        }

        var keys = GivenNames.KeysOf(new TrickleReader(text.ToString(), 7));

        Assert.Equal(expected.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
        Assert.Contains(NameKey.FoldSpellingUncached("Last".AsSpan()), keys);
        Assert.Contains(NameKey.FoldSpellingUncached(new string('Z', 40_000).AsSpan()), keys);
        Assert.True(keys.Count > 1_000, $"{keys.Count} keys");
    }

    /// <summary>A reader that hands out at most a few characters per read, so reads end anywhere in a line.</summary>
    private sealed class TrickleReader(string text, int most) : TextReader
    {
        private int _at;

        public override int Read(char[] buffer, int index, int count)
        {
            var n = Math.Min(Math.Min(count, most), text.Length - _at);
            text.CopyTo(_at, buffer, index, n);
            _at += n;
            return n;
        }
    }
}
