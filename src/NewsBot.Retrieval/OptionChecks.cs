using Microsoft.Extensions.Options;

namespace NewsBot.Retrieval;

/// <summary>
/// The start-up checks of one options type as plain code. Every verb validates its options at start, and data annotations
/// found them by reflection there (attributes read, each property's getter invoked through a compiled stub); the generated
/// validator ([OptionsValidator]) drops a [Range]'s own message. A failure is worded exactly as
/// <c>ValidateDataAnnotations()</c> worded it, so a bad setting is reported as before (NewsBotApp keeps only the message).
/// </summary>
public sealed class OptionChecks<TOptions>
    where TOptions : class
{
    private List<string>? _failures;

    /// <summary>Records <paramref name="message"/> against <paramref name="member"/> unless <paramref name="valid"/>.</summary>
    public OptionChecks<TOptions> Check(bool valid, string member, string message)
    {
        if (!valid)
        {
            (_failures ??= []).Add($"DataAnnotation validation failed for '{typeof(TOptions).Name}' members: '{member}' with the error: '{message}'.");
        }

        return this;
    }

    /// <summary>Success, or every failure in the order checked.</summary>
    public ValidateOptionsResult Result => _failures is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_failures);
}
