using System.Runtime.CompilerServices;

namespace NewsBot.Retrieval.People;

public sealed partial class PersonExtractor
{
    /// <summary>
    /// One capitalised word of the corpus and what the extraction asks about it (given name, surname shape, inflection keys,
    /// folded key), each worked out on first need. The rules ask several of these per capitalised token, in several passes and
    /// again in the second reading; each was a probe of its own large per-word table (about a fifth of the extraction's time,
    /// measured), where the token now holds its word's record, found once when it is read. Its strings stand for the token's
    /// own, so a repeated capitalised word allocates nothing.
    /// </summary>
    /// <remarks>Every answer is a pure function of the word, so two workers filling the same field race harmlessly. The answers
    /// are worked out without the per-word memos the string-taking methods keep, so that a word is remembered once, here.</remarks>
    internal sealed class TokenFacts(string word)
    {
        private const byte Unknown = 0, No = 1, Yes = 2;

        private byte _givenName;
        private byte _germanShape;
        private byte _englishShape;
        private string[]? _inflectionKeys;
        private string? _key;

        public string Word { get; } = word;

        public string Lower { get; } = word.ToLowerInvariant();

        /// <summary><see cref="PeopleLexicon.IsGivenName"/> of the word.</summary>
        public bool IsGivenName
        {
            [MethodImpl(HotPath.Options)]
            get
            {
                if (_givenName == Unknown)
                {
                    _givenName = GivenNames.Classify(Word) ? Yes : No;
                }

                return _givenName == Yes;
            }
        }

        /// <summary><see cref="NameKey.InflectionKeyArray"/> of the word (never change it).</summary>
        public string[] InflectionKeys
        {
            [MethodImpl(HotPath.Options)]
            get => _inflectionKeys ??= NameKey.ComputeInflectionKeys(Word);
        }

        /// <summary><see cref="NameKey.FoldWord"/> of the word.</summary>
        public string Key
        {
            [MethodImpl(HotPath.Options)]
            get => _key ??= NameKey.FoldWord(Word);
        }

        /// <summary>Whether the word is shaped like a surname in the language, once <see cref="SetSurnameShaped"/> said.</summary>
        [MethodImpl(HotPath.Options)]
        public bool? SurnameShaped(bool german) => (german ? _germanShape : _englishShape) switch
        {
            Unknown => null,
            var shape => shape == Yes,
        };

        public bool SetSurnameShaped(bool german, bool shaped)
        {
            if (german)
            {
                _germanShape = shaped ? Yes : No;
            }
            else
            {
                _englishShape = shaped ? Yes : No;
            }

            return shaped;
        }
    }
}
