using System.Runtime.CompilerServices;

namespace NewsBot.Retrieval.People;

public sealed partial class PersonExtractor
{
    /// <summary>Step 3b: roles after bare mentions, in apposition ("Kompany, der Trainer des FC Bayern") or as a predicate
    /// ("Kosgei was the defending champion", "Pompeo, who is the secretary of state", "Alonso ist Trainer").</summary>
    private sealed partial class Run
    {
        [MethodImpl(HotPath.Options)]
        private void FindPredicateRoles(Block block)
        {
            if (block.Mentions.Count == 0)
            {
                return;
            }

            var t = block.Tokens;
            var byStart = new Dictionary<int, Candidate>(block.Mentions.Count);
            foreach (var mention in block.Mentions)
            {
                byStart.TryAdd(mention.Start, mention.Person);
            }

            for (var i = 0; i < t.Length; i++)
            {
                if (!byStart.TryGetValue(t[i].Start, out var person))
                {
                    continue;
                }

                var end = block.Spans.TryGetValue(i, out var span) ? span.End : i;
                if (!block.Spans.ContainsKey(i) && AppositionRole(block, end) is { } apposition)
                {
                    person.AddRole(apposition);
                    continue;
                }

                var k = end + 1;
                if (k < t.Length && Adjacent(block, end, k) && t[k].Lower is "who" or "der" or "die")
                {
                    k++;
                }

                if (k >= t.Length || !Adjacent(block, k - 1, k) || t[k].Lower is not ("is" or "was" or "ist" or "war"))
                {
                    continue;
                }

                k++;
                if (k < t.Length && PeopleLexicon.IsDeterminer(t[k].Lower))
                {
                    k++;
                }

                for (var h = k; h < t.Length && h <= k + 4; h++)
                {
                    if (h > k && !Adjacent(block, h - 1, h))
                    {
                        break;
                    }

                    if (TryRole(block, h, out var role, out _, out var roleStart) && roleStart >= k)
                    {
                        person.AddRole(role);
                        break;
                    }
                }
            }
        }
    }
}
