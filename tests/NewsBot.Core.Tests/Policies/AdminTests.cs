using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core.Chat;
using NewsBot.Retrieval.Languages;
using NewsBot.Core.Policies;
using NewsBot.Core.State;
using NewsBot.Core.Commands;

namespace NewsBot.Core.Tests.Policies;

public sealed class AdminTests
{
    [Fact]
    public async Task In_a_group_only_admins_change_the_language_and_others_get_a_localized_refusal()
    {
        using var bot = PolicyHarness.Create(new() { ["Access:Telegram:Admins:0"] = "1" });

        var refused = await bot.Send("/lang en", user: "2", chat: "-100", group: true, locale: "de");
        Assert.Equal(ReplyKind.Refusal, refused.Kind);
        Assert.Equal(Texts.AdminOnly(Language.German), refused.PlainText);
        Assert.Null(await LanguageOf(bot, "-100"));

        // /lang alone only shows the setting: anyone may.
        Assert.Equal(Texts.LanguageCurrent(Language.German, null, Language.English), (await bot.Send("/lang", user: "2", chat: "-100", group: true, locale: "de")).PlainText);

        await bot.Send("/lang en", user: "1", chat: "-100", group: true);
        Assert.Equal(Language.English, await LanguageOf(bot, "-100"));

        await bot.Send("/lang de", user: "3", chat: "-100", group: true, platformAdmin: true);
        Assert.Equal(Language.German, await LanguageOf(bot, "-100"));
    }

    [Fact]
    public async Task In_a_direct_chat_anyone_may_change_the_language()
    {
        using var bot = PolicyHarness.Create();
        await bot.Send("/lang en", user: "2", chat: "2");
        Assert.Equal(Language.English, await LanguageOf(bot, "2"));
    }

    [Fact]
    public async Task A_handler_that_marks_a_use_as_admin_only_is_guarded_too()
    {
        using var bot = PolicyHarness.Create(configure: s => s.AddSingleton<IChatCommandHandler, FakeSubscribeHandler>());

        Assert.Equal(Texts.AdminOnly(Language.English), (await bot.Send("/subscribe now", chat: "-1", group: true, locale: "en")).PlainText);
        Assert.Equal("subscribed", (await bot.Send("/subscribe now", chat: "-1", group: true, platformAdmin: true)).PlainText);
        Assert.Equal("subscribed", (await bot.Send("/subscribe now", chat: "5")).PlainText);
        Assert.Equal("status", (await bot.Send("/subscribe", chat: "-1", group: true)).PlainText);
    }

    [Fact]
    public void The_admin_policy_is_available_to_handlers()
    {
        using var bot = PolicyHarness.Create(new() { ["Access:Discord:Admins:0"] = "77" });
        var admins = bot.Services.GetRequiredService<IAdminPolicy>();

        ChatRequest Request(string user, bool group, bool platformAdmin = false) =>
            new() { Platform = Platforms.Discord, ChatId = "c", UserId = user, Text = "", IsGroup = group, IsPlatformAdmin = platformAdmin };

        Assert.True(admins.IsAdmin(Request("77", group: true)));
        Assert.True(admins.IsAdmin(Request("5", group: true, platformAdmin: true)));
        Assert.False(admins.IsAdmin(Request("5", group: true)));
        Assert.False(admins.MayChangeChatSettings(Request("5", group: true)));
        Assert.True(admins.MayChangeChatSettings(Request("5", group: false)));
    }

    [Fact]
    public async Task Configured_admins_may_manage_digest_subscriptions_in_a_group_and_others_may_not()
    {
        using var bot = PolicyHarness.Create(new() { ["Access:Telegram:Admins:0"] = "1", ["Bot:RateLimit:QuestionsPerMinute"] = "0" });
        var subscriptions = bot.Services.GetRequiredService<IDigestSubscriptionStore>();

        var refused = await bot.Send("/digest subscribe 0 7 * * * de", user: "2", chat: "-100", group: true);
        Assert.Equal(ReplyKind.Refusal, refused.Kind);
        Assert.Empty(await subscriptions.ListAllAsync(CancellationToken.None));

        var accepted = await bot.Send("/digest subscribe 0 7 * * * de", user: "1", chat: "-100", group: true);
        Assert.NotEqual(ReplyKind.Refusal, accepted.Kind);
        Assert.Single(await subscriptions.ListAllAsync(CancellationToken.None));
    }

    private static async Task<Language?> LanguageOf(PolicyHarness bot, string chat) =>
        (await bot.Services.GetRequiredService<IChatSettingsStore>().GetAsync(new ChatKey(Platforms.Telegram, chat), CancellationToken.None)).Language;

    private sealed class FakeSubscribeHandler : IChatCommandHandler, IAdminOnlyCommand
    {
        public IReadOnlyList<CommandInfo> Commands { get; } = [new("subscribe", new("Abonnieren", "Subscribe"))];

        public bool ChangesChatSettings(ChatCommand command) => command.Arguments.Length > 0;

        public Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken) =>
            Task.FromResult(Reply.Text(context.Language, context.Command.Arguments.Length > 0 ? "subscribed" : "status"));
    }
}
