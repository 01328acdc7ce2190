namespace NewsBot.Core.People;

public sealed partial class PersonExtractor
{
    /// <summary>Step 3: later bare and inflected surnames ("Lawrow", "Selenskyjs") as mentions of a person introduced before.</summary>
    private sealed partial class Run
    {
        // ---- step 3: bare and inflected surnames ----
        private void CountBareSurnames(Block block)
        {
            var t = block.Tokens;
            for (var i = 0; i < t.Length; i++)
            {
                if (block.Consumed[i] || !t[i].Cap || !IsSurnameShaped(t[i].Text) || (StartsSentence(block, i) && UsedLowercase(t[i].Text)))
                {
                    continue;
                }

                if (FollowsNounMarker(block, i))
                {
                    // "im Sommer", "in Haft": remember that this surname also reads as a noun, for the merge.
                    var nounKey = NameKey.InflectionKeys(t[i].Text)[0];
                    if (_bySurname.ContainsKey(nounKey) || _known?.Contains(nounKey) == true)
                    {
                        _nounUses[nounKey] = _nounUses.GetValueOrDefault(nounKey) + 1;
                    }

                    continue;
                }

                var person = FindBySurname(t[i].Text);
                if (person is null && _known is not null)
                {
                    var key = NameKey.InflectionKeys(t[i].Text).FirstOrDefault(_known.Contains);
                    if (key is not null)
                    {
                        person = Introduce(null, SurnameOf(t[i].Text));
                        person.Introduced = false;
                    }
                }

                if (person is null)
                {
                    continue;
                }

                if (NameKey.FoldWord(t[i].Text) == person.SurnameKey)
                {
                    person.AddForm(t[i].Text);
                }

                block.Consumed[i] = true;
                AddMention(block, person, t[i].Start);
            }
        }
    }
}
