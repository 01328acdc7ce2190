namespace NewsBot.Core.People;

/// <summary>The people of the corpus, with lookup by name or alias in any spelling.</summary>
public sealed class PeopleIndex
{
    public static PeopleIndex Empty { get; } = new([]);

    public PeopleIndex(IReadOnlyList<Person> people)
    {
        People = people.OrderByDescending(p => p.Mentions).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Most mentioned first.</summary>
    public IReadOnlyList<Person> People { get; }
}
