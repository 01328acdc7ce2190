namespace NewsBot.Retrieval.People;

public sealed partial class PersonExtractor
{
    /// <summary>
    /// An extraction's state after steps 1–2 (<see cref="Run.FindIntroductions"/>), before the bare surnames are counted, with
    /// the surname keys it asked about until then. An extraction reads other articles' surnames only through
    /// <see cref="KnownSurnames.Contains"/>, and is otherwise a function of its article: read again against surnames none of
    /// which it asked about before this point, it takes the same steps to here and reaches this very state, so it can start
    /// here instead (<see cref="FitsBefore"/>). Most articles first meet another article's surname in step 3, so the second
    /// reading of a corpus starts there for most of them. Holds copies, no tokens (they are made again from the text).
    /// </summary>
    internal sealed class Checkpoint
    {
        private bool _used;

        /// <summary>The keys asked about before this point.</summary>
        public required string[] AskedBefore { get; init; }

        public required List<Candidate> People { get; init; }

        public required Dictionary<string, Candidate> ByFullKey { get; init; }

        public required Dictionary<string, Candidate> BySurname { get; init; }

        public required Dictionary<string, Candidate?> ByGiven { get; init; }

        /// <summary>The consumed flags of all the article's tokens, blocks one after another.</summary>
        public required bool[] Consumed { get; init; }

        /// <summary>Per block, its name spans (null when it has none).</summary>
        public required Dictionary<int, (Candidate Person, int End)>?[] Spans { get; init; }

        /// <summary>Per block, its mentions so far (null when it has none).</summary>
        public required List<Mention>?[] Mentions { get; init; }

        /// <summary>
        /// True when an extraction against <paramref name="known"/> reaches this state: none of the keys it looked up before
        /// this point is among them (every answer up to here is then the same as when the checkpoint was taken).
        /// </summary>
        public bool FitsBefore(IReadOnlySet<string> known)
        {
            foreach (var key in AskedBefore)
            {
                if (known.Contains(key))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A resumed run takes the copies over, so a checkpoint serves once, and only the article it was taken of.</summary>
        public void Take(int blocks)
        {
            if (_used || blocks != Spans.Length)
            {
                throw new InvalidOperationException(_used ? "A checkpoint was resumed from twice." : "A checkpoint fits only its own article.");
            }

            _used = true;
        }
    }

    private sealed partial class Run
    {
        /// <summary>A copy of the state so far (the run goes on changing its own). Candidates are copied once each, so people
        /// shared between lists, spans and mentions (an upgraded surname-only candidate too) stay shared in the copy.</summary>
        public Checkpoint Save()
        {
            if (!_known.RecordsAlone)
            {
                // Taken against other articles' surnames, its answers so far would not be those of a run alone.
                throw new InvalidOperationException("A checkpoint is taken only in an extraction of the article alone that records its lookups.");
            }

            var copies = new Dictionary<Candidate, Candidate>(ReferenceEqualityComparer.Instance);
            Candidate Copy(Candidate person)
            {
                if (!copies.TryGetValue(person, out var copy))
                {
                    copies[person] = copy = person.Copy();
                }

                return copy;
            }

            var tokens = 0;
            foreach (var block in _blocks)
            {
                tokens += block.Tokens.Length;
            }

            var consumed = new bool[tokens];
            var spans = new Dictionary<int, (Candidate Person, int End)>?[_blocks.Count];
            var mentions = new List<Mention>?[_blocks.Count];
            var at = 0;
            for (var b = 0; b < _blocks.Count; b++)
            {
                var block = _blocks[b];
                block.Consumed.CopyTo(consumed.AsSpan(at));
                at += block.Tokens.Length;
                if (block.Spans.Count > 0)
                {
                    var blockSpans = spans[b] = new Dictionary<int, (Candidate Person, int End)>(block.Spans.Count);
                    foreach (var (start, (person, end)) in block.Spans)
                    {
                        blockSpans[start] = (Copy(person), end);
                    }
                }

                if (block.Mentions.Count > 0)
                {
                    var blockMentions = mentions[b] = new List<Mention>(block.Mentions.Count);
                    foreach (var mention in block.Mentions)
                    {
                        blockMentions.Add(mention with { Person = Copy(mention.Person) });
                    }
                }
            }

            var byGiven = new Dictionary<string, Candidate?>(_byGiven.Count, StringComparer.Ordinal);
            foreach (var (key, person) in _byGiven)
            {
                byGiven[key] = person is null ? null : Copy(person);
            }

            return new Checkpoint
            {
                AskedBefore = [.. _known.Asked],
                People = _people.ConvertAll(Copy),
                ByFullKey = _byFullKey.ToDictionary(e => e.Key, e => Copy(e.Value), StringComparer.Ordinal),
                BySurname = _bySurname.ToDictionary(e => e.Key, e => Copy(e.Value), StringComparer.Ordinal),
                ByGiven = byGiven,
                Consumed = consumed,
                Spans = spans,
                Mentions = mentions,
            };
        }

        /// <summary>Takes the state of <paramref name="checkpoint"/> over (the blocks took their spans and mentions already).</summary>
        private void Restore(Checkpoint checkpoint)
        {
            var at = 0;
            foreach (var block in _blocks)
            {
                checkpoint.Consumed.AsSpan(at, block.Tokens.Length).CopyTo(block.Consumed);
                at += block.Tokens.Length;
            }

            if (at != checkpoint.Consumed.Length)
            {
                throw new InvalidOperationException("A checkpoint fits only a new run of its own article.");
            }

            _people = checkpoint.People;
            _byFullKey = checkpoint.ByFullKey;
            _bySurname = checkpoint.BySurname;
            _byGiven = checkpoint.ByGiven;
        }
    }
}
