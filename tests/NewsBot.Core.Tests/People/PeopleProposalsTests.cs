using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.Languages;
using NewsBot.Retrieval.People;

namespace NewsBot.Core.Tests.People;

/// <summary>Proposed people (from a model) are taken only as far as the article's own text bears them out.</summary>
public sealed class PeopleProposalsTests
{
    private static readonly Article Match = PeopleFixtures.FromRaw("match", """
        date 2025-04

        Bayern gewinnt

        Bayern-Trainer Vincent Kompany lobte seine Mannschaft. Kompanys Team spielte stark, und der Ersatzkeeper Mbeki hielt zwei Bälle.

        Im Stadion war es laut. Die Stimmung war gut, die Fans sangen lange. Nach dem Spiel gab es ein Feuerwerk über der Stadt, das viele Zuschauer noch lange beobachteten. Der Präsident des Vereins war nicht anwesend.
        """, Language.German);

    private static ArticlePeople Rules => new PersonExtractor().Extract(Match);

    [Fact]
    public void APersonNamedInTheTextIsAddedWithMentionsAndTheRoleNearIt()
    {
        var outcome = PeopleProposals.Apply(Match, Rules, [new ProposedPerson("Mbeki", "Ersatzkeeper")]);

        var mbeki = Assert.Single(outcome.People.People, p => p.Name == "Mbeki");
        Assert.Null(mbeki.GivenName);
        Assert.Equal(["Ersatzkeeper"], mbeki.Roles);
        Assert.Equal([0], mbeki.Ordinals);
        Assert.Equal(1, outcome.PeopleAdded);
        Assert.Empty(outcome.Rejected);
    }

    [Fact]
    public void ANameTheTextDoesNotHaveAsWholeWordsIsRejected()
    {
        var outcome = PeopleProposals.Apply(Match, Rules, [new ProposedPerson("Thomas Müller", "Stürmer"), new ProposedPerson("Kompa"), new ProposedPerson("Vincent  Kompanie")]);

        Assert.Equal(Rules.People.Select(p => p.Name), outcome.People.People.Select(p => p.Name));
        Assert.Equal(3, outcome.Rejected.Count);
    }

    [Fact]
    public void AKnownPersonGetsOnlyARoleWhoseWordsStandNearTheName()
    {
        var rules = Rules;
        Assert.Contains(rules.People, p => p.Name == "Vincent Kompany");

        var outcome = PeopleProposals.Apply(Match, rules, [
            new ProposedPerson("Kompany", "Präsident des Vereins"), // in the text, but paragraphs away
            new ProposedPerson("Vincent Kompany", "Sportdirektor"), // not in the text
            new ProposedPerson("Kompanys")]); // the genitive as the model copied it: the same person, not a new one

        var kompany = Assert.Single(outcome.People.People, p => p.Surname == "Kompany");
        Assert.Equal(rules.People.Single(p => p.Name == "Vincent Kompany").Roles, kompany.Roles);
        Assert.Equal(0, outcome.PeopleAdded);
        Assert.Equal(0, outcome.RolesAdded);
        Assert.Equal(2, outcome.Rejected.Count);
    }

    [Fact]
    public void AGenitiveInTheTextStillNamesThePerson()
    {
        var rules = Rules with { People = [] };

        var outcome = PeopleProposals.Apply(Match, rules, [new ProposedPerson("Vincent Kompany", "Trainer")]);

        var kompany = Assert.Single(outcome.People.People);
        Assert.Equal(("Vincent", "Kompany"), (kompany.GivenName, kompany.Surname));
        Assert.Equal(["Trainer"], kompany.Roles);
        Assert.Equal(2, kompany.Mentions);
    }
}
