using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsBot.Core.Chat;
using NewsBot.Retrieval.Languages;
using NewsBot.Core.Policies;

namespace NewsBot.Core.Tests.Policies;

public sealed class AccessTests
{
    private const string Question = "Wo trafen sich Rubio und Lawrow?";

    [Fact]
    public async Task Without_allow_lists_everyone_gets_answers()
    {
        using var bot = PolicyHarness.Create();
        var reply = await bot.Send(Question, user: "7", chat: "-100");
        Assert.Equal(ReplyKind.Answer, reply.Kind);
    }

    [Fact]
    public async Task A_chat_not_on_the_list_gets_one_polite_refusal_an_hour_and_silence_otherwise()
    {
        using var bot = PolicyHarness.Create(new() { ["Access:Telegram:AllowedChats:0"] = "-100" });

        Assert.Equal(ReplyKind.Answer, (await bot.Send(Question, chat: "-100", group: true)).Kind);

        var refusal = await bot.Send(Question, chat: "-200", group: true);
        Assert.Equal(ReplyKind.Refusal, refusal.Kind);
        Assert.Equal(Texts.NotAllowed(Language.German), refusal.PlainText);

        // Nothing else for the rest of the hour: not for another user, not for commands.
        Assert.Equal(ReplyKind.Silent, (await bot.Send(Question, chat: "-200", user: "u2", group: true)).Kind);
        Assert.Equal(ReplyKind.Silent, (await bot.Send("/help", chat: "-200", group: true)).Kind);
        bot.Time.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(ReplyKind.Silent, (await bot.Send(Question, chat: "-200", group: true)).Kind);

        // Another chat is refused once on its own account; the first one again after the hour.
        Assert.Equal(ReplyKind.Refusal, (await bot.Send("/help", chat: "-300", locale: "en")).Kind);
        bot.Time.Advance(TimeSpan.FromMinutes(2));
        var again = await bot.Send("Where did Rubio and Lavrov meet?", chat: "-200", group: true);
        Assert.Equal(Texts.NotAllowed(Language.English), again.PlainText);
        Assert.Equal(1, bot.Engine.Started.Count);
    }

    [Fact]
    public async Task Allowed_users_and_admins_get_in_anywhere_and_rules_are_per_platform()
    {
        using var bot = PolicyHarness.Create(new()
        {
            ["Access:Telegram:AllowedChats:0"] = "-100",
            ["Access:Telegram:AllowedUsers:0"] = "42",
            ["Access:Telegram:Admins:0"] = "1",
        });

        Assert.Equal(ReplyKind.Answer, (await bot.Send(Question, user: "42", chat: "42")).Kind);
        Assert.Equal(ReplyKind.Answer, (await bot.Send(Question, user: "1", chat: "-555", group: true)).Kind);
        Assert.Equal(ReplyKind.Refusal, (await bot.Send(Question, user: "43", chat: "43")).Kind);

        // The same ids on Discord are not covered by Telegram's lists, and Discord has no lists: open.
        Assert.Equal(ReplyKind.Answer, (await bot.Send(Question, user: "43", chat: "43", platform: Platforms.Discord)).Kind);
    }

    [Fact]
    public async Task Discord_guilds_and_channels_can_be_allowed()
    {
        using var bot = PolicyHarness.Create(new()
        {
            ["Access:Discord:AllowedGuilds:0"] = "900",
            ["Access:Discord:AllowedChannels:0"] = "555",
        });

        Assert.Equal(ReplyKind.Answer, (await bot.Send(Question, platform: Platforms.Discord, guild: "900", chat: "1", group: true)).Kind);
        Assert.Equal(ReplyKind.Answer, (await bot.Send(Question, platform: Platforms.Discord, guild: "901", chat: "555", user: "u2", group: true)).Kind);
        Assert.Equal(ReplyKind.Refusal, (await bot.Send(Question, platform: Platforms.Discord, guild: "901", chat: "2", user: "u3", group: true)).Kind);
    }

    [Theory]
    [InlineData("Access:Telegram:Admins:0", "abc", "Access:Telegram:Admins:0 must be a numeric Telegram id")]
    [InlineData("Access:Discord:AllowedGuilds:0", "guild", "Access:Discord:AllowedGuilds:0 must be a numeric Discord id")]
    [InlineData("Access:Console:AllowedUsers:0", " ", "Access:Console:AllowedUsers:0 is empty")]
    public void A_bad_id_stops_the_start_with_a_message_naming_the_key(string key, string value, string message)
    {
        using var bot = PolicyHarness.Create(new() { [key] = value });
        var error = Assert.Throws<OptionsValidationException>(() => bot.Services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Console_ids_may_be_names()
    {
        using var bot = PolicyHarness.Create(new() { ["Access:Console:AllowedUsers:0"] = "alice" });
        Assert.Equal("alice", bot.Services.GetRequiredService<IOptions<AccessOptions>>().Value.Console.AllowedUsers.Single());
    }
}
