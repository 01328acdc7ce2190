using Microsoft.Extensions.Options;
using NewsBot.Retrieval;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Core.Chat;

public sealed class BotOptions
{
    public const string SectionName = "Bot";

    /// <summary>"de" or "en": the answer language when nothing else decides it.</summary>
    public string DefaultLanguage { get; set; } = "en";

    /// <summary>Longest question accepted, in characters (10 to 100,000).</summary>
    public int MaxQuestionLength { get; set; } = 1000;

    /// <summary>How many passages retrieval hands to the answer engine.</summary>
    public int Passages { get; set; } = 6;

    public Language Default => LanguageCodes.TryParse(DefaultLanguage) ?? Language.English;
}

public sealed class BotOptionsValidator : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options) => new OptionChecks<BotOptions>()
        .Check(options.DefaultLanguage is "de" or "en", nameof(options.DefaultLanguage), "Bot:DefaultLanguage must be 'de' or 'en'.")
        .Check(options.MaxQuestionLength is >= 10 and <= 100_000, nameof(options.MaxQuestionLength), "Bot:MaxQuestionLength must be between 10 and 100000.")
        .Check(options.Passages is >= 1 and <= 50, nameof(options.Passages), "Bot:Passages must be between 1 and 50.")
        .Result;
}
