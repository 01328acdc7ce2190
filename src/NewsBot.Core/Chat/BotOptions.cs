using System.ComponentModel.DataAnnotations;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Core.Chat;

public sealed class BotOptions
{
    public const string SectionName = "Bot";

    /// <summary>"de" or "en": the answer language when nothing else decides it.</summary>
    [Required(ErrorMessage = "Bot:DefaultLanguage must be 'de' or 'en'.")]
    [RegularExpression("^(de|en)$", ErrorMessage = "Bot:DefaultLanguage must be 'de' or 'en'.")]
    public string DefaultLanguage { get; set; } = "en";

    [Range(10, 100_000, ErrorMessage = "Bot:MaxQuestionLength must be between 10 and 100000.")]
    public int MaxQuestionLength { get; set; } = 1000;

    /// <summary>How many passages retrieval hands to the answer engine.</summary>
    [Range(1, 50, ErrorMessage = "Bot:Passages must be between 1 and 50.")]
    public int Passages { get; set; } = 6;

    public Language Default => LanguageCodes.TryParse(DefaultLanguage) ?? Language.English;
}
