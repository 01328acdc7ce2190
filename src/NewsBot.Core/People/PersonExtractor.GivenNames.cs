namespace NewsBot.Core.People;

public sealed partial class PersonExtractor
{
    /// <summary>Step 1: a known given name before a surname-shaped word ("Marco Rubio", "Ursula von der Leyen").</summary>
    private sealed partial class Run
    {
        // ---- step 1: "Given Surname" ----
        private void FindGivenNameSpans(Block block)
        {
            var t = block.Tokens;
            for (var i = 0; i < t.Length; i++)
            {
                if (block.Consumed[i] || !t[i].Cap || !PeopleLexicon.IsGivenName(t[i].Text))
                {
                    continue;
                }

                var j = i + 1;
                // Particles: "Ursula von der Leyen", and capitalised "Alexander Van der Bellen" when more name follows.
                while (j + 1 < t.Length && j - i <= 3 && Adjacent(block, j - 1, j) && Adjacent(block, j, j + 1)
                    && (PeopleLexicon.IsNameParticle(t[j].Text)
                        || (t[j].Cap && PeopleLexicon.IsNameParticle(t[j].Lower) && (t[j + 1].Cap || PeopleLexicon.IsNameParticle(t[j + 1].Text)))))
                {
                    j++;
                }

                if (j >= t.Length || !Adjacent(block, j - 1, j) || !(IsSurnameShaped(t[j].Text) || HasArabicArticle(t[j].Text)))
                {
                    continue;
                }

                var givenEnd = i;

                // A middle given name: "Frank Walter Steinmeier".
                if (j == i + 1 && PeopleLexicon.IsGivenName(t[j].Text) && j + 1 < t.Length && Adjacent(block, j, j + 1)
                    && t[j + 1].Cap && IsSurnameShaped(t[j + 1].Text))
                {
                    givenEnd = j;
                    j++;
                }

                // "Abdel Fattah el-Sisi", "Bashar al-Assad": an Arabic article name after the surname belongs to it.
                if (j + 1 < t.Length && Adjacent(block, j, j + 1) && HasArabicArticle(t[j + 1].Text))
                {
                    j++;
                }

                var given = block.Text[t[i].Start..t[givenEnd].End];
                var surname = block.Text[t[givenEnd + 1].Start..t[j].Start] + SurnameOf(t[j].Text);
                var person = Introduce(given, surname);
                person.AddForm(person.Name);
                person.AddForm(person.Surname);
                for (var k = i; k <= j; k++)
                {
                    block.Consumed[k] = true;
                }

                block.Spans[i] = (person, j);
                AddMention(block, person, t[i].Start);
                i = j;
            }
        }
    }
}
