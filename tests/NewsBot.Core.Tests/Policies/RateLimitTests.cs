using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsBot.Core.Chat;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Core.Tests.Policies;

public sealed class RateLimitTests
{
    private static Dictionary<string, string?> Limit(int perMinute, int burst) => new()
    {
        ["Bot:RateLimit:QuestionsPerMinute"] = perMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Bot:RateLimit:Burst"] = burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task A_user_over_the_limit_is_told_when_to_try_again_in_their_language()
    {
        using var bot = PolicyHarness.Create(Limit(perMinute: 2, burst: 2));

        Assert.Equal(ReplyKind.Answer, (await bot.Send("Wo trafen sich Rubio und Lawrow?")).Kind);
        Assert.Equal(ReplyKind.Answer, (await bot.Send("Was sagte Selenskyj?")).Kind);

        var limited = await bot.Send("Was sagte Hegseth über die Nato?");
        Assert.Equal(ReplyKind.Refusal, limited.Kind);
        Assert.Equal(Texts.RateLimited(Language.German, 30), limited.PlainText);

        bot.Time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(Texts.RateLimited(Language.English, 10), (await bot.Send("What did Hegseth say about NATO?")).PlainText);

        bot.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(ReplyKind.Answer, (await bot.Send("What did Hegseth say about NATO?")).Kind);
        Assert.Equal(3, bot.Engine.Started.Count);
    }

    [Fact]
    public async Task Limits_are_per_user_and_free_commands_are_not_counted()
    {
        using var bot = PolicyHarness.Create(Limit(perMinute: 1, burst: 1));

        Assert.Equal(ReplyKind.Answer, (await bot.Send("Wo trafen sich Rubio und Lawrow?", user: "a")).Kind);
        Assert.Equal(ReplyKind.Refusal, (await bot.Send("Wo trafen sich Rubio und Lawrow?", user: "a")).Kind);
        Assert.Equal(ReplyKind.Answer, (await bot.Send("Wo trafen sich Rubio und Lawrow?", user: "b")).Kind);

        // Help, /lang and /reset cost nothing, and neither does input refused as too long.
        Assert.Contains("/summary", (await bot.Send("/help", user: "c")).PlainText, StringComparison.Ordinal);
        Assert.Equal(ReplyKind.Error, (await bot.Send(new string('x', 2000), user: "c")).Kind);
        Assert.Equal(ReplyKind.Answer, (await bot.Send("Wo trafen sich Rubio und Lawrow?", user: "c")).Kind);
    }

    [Fact]
    public async Task Zero_turns_the_limit_off()
    {
        using var bot = PolicyHarness.Create(Limit(perMinute: 0, burst: 1));
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(ReplyKind.Answer, (await bot.Send("Wo trafen sich Rubio und Lawrow?")).Kind);
        }
    }

    [Fact]
    public async Task The_default_allows_a_handful_of_questions_a_minute()
    {
        using var bot = PolicyHarness.Create();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(ReplyKind.Answer, (await bot.Send("Where did Rubio and Lavrov meet?")).Kind);
        }

        Assert.Equal(Texts.RateLimited(Language.English, 12), (await bot.Send("Where did Rubio and Lavrov meet?")).PlainText);
    }

    [Theory]
    [InlineData("Bot:RateLimit:QuestionsPerMinute", "-1")]
    [InlineData("Bot:RateLimit:Burst", "0")]
    [InlineData("Bot:MaxConcurrentAnswers", "-3")]
    [InlineData("Bot:MaxQueuedAnswers", "-1")]
    public void A_bad_limit_stops_the_start_with_a_message_naming_the_key(string key, string value)
    {
        using var bot = PolicyHarness.Create(new() { [key] = value });
        var error = Assert.Throws<OptionsValidationException>(() => bot.Services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
