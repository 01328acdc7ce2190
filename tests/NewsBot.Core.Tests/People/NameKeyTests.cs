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
}
