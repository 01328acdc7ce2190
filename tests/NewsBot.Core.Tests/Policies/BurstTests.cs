using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core.Chat;
using NewsBot.Retrieval.Languages;
using NewsBot.Core.Policies;

namespace NewsBot.Core.Tests.Policies;

public sealed class BurstTests
{
    private const string Question = "Wo trafen sich Rubio und Lawrow?";

    [Fact]
    public async Task Hundreds_of_questions_from_dozens_of_users_at_once_are_all_answered_within_the_concurrency_limit()
    {
        using var bot = PolicyHarness.Create(new() { ["Bot:MaxConcurrentAnswers"] = "3", ["Bot:RateLimit:QuestionsPerMinute"] = "0" });

        // 40 users, each asking 8 questions one after another, all users at the same time.
        var users = Enumerable.Range(0, 40).Select(u => Task.Run(async () =>
        {
            var replies = new List<Reply>();
            for (var q = 0; q < 8; q++)
            {
                replies.Add(await bot.Send($"Frage {q} von Nutzer {u}: Wo trafen sich Rubio und Lawrow?", user: $"user{u}", chat: $"user{u}"));
            }

            return replies;
        }));
        var all = (await Task.WhenAll(users).Within()).SelectMany(r => r).ToList();

        Assert.Equal(320, all.Count);
        Assert.All(all, r => Assert.Equal(ReplyKind.Answer, r.Kind));
        Assert.Equal(320, all.Select(r => r.PlainText).Distinct().Count());
        Assert.InRange(bot.Engine.MaxRunning, 1, 3);
    }

    [Fact]
    public async Task A_burst_beyond_the_slots_is_queued_and_every_request_is_answered_or_explicitly_refused()
    {
        using var bot = PolicyHarness.Create(new() { ["Bot:MaxConcurrentAnswers"] = "4", ["Bot:RateLimit:QuestionsPerMinute"] = "0" });
        var slots = bot.Services.GetRequiredService<AnswerSlots>();
        bot.Engine.Close();

        // 60 users each send 5 questions at once: 300 requests.
        var requests = Enumerable.Range(0, 60)
            .SelectMany(u => Enumerable.Range(0, 5).Select(q => (User: $"user{u}", Task: bot.Send($"{Question} ({q})", user: $"user{u}", chat: $"user{u}"))))
            .ToList();

        for (var i = 0; i < 4; i++)
        {
            await bot.Engine.Started.ReadAsync().AsTask().Within();
        }

        // One answer per user is in flight (4 running, 56 queued); every other request was refused at once.
        var refused = requests.Where(r => r.Task.IsCompleted).ToList();
        Assert.Equal(240, refused.Count);
        Assert.All(refused, r => Assert.Equal(Texts.StillWorking(Language.German), r.Task.Result.PlainText));
        Assert.Equal(56, slots.Queued);
        Assert.Equal(4, slots.Running);

        bot.Engine.Open();
        var replies = await Task.WhenAll(requests.Select(r => r.Task)).Within();

        Assert.Equal(300, replies.Length);
        Assert.Equal(60, replies.Count(r => r.Kind == ReplyKind.Answer));
        Assert.Equal(240, replies.Count(r => r.Kind == ReplyKind.Refusal));
        Assert.All(requests.GroupBy(r => r.User), g => Assert.Single(g, r => r.Task.Result.Kind == ReplyKind.Answer));
        Assert.Equal(4, bot.Engine.MaxRunning);
        Assert.Equal(0, slots.Queued);
    }

    [Fact]
    public async Task When_the_queue_is_full_the_rest_hear_that_the_bot_is_busy()
    {
        using var bot = PolicyHarness.Create(new()
        {
            ["Bot:MaxConcurrentAnswers"] = "2",
            ["Bot:MaxQueuedAnswers"] = "10",
            ["Bot:RateLimit:QuestionsPerMinute"] = "0",
        });
        bot.Engine.Close();

        var requests = Enumerable.Range(0, 50).Select(u => bot.Send("Where did Rubio and Lavrov meet?", user: $"user{u}")).ToList();
        await bot.Engine.Started.ReadAsync().AsTask().Within();
        await bot.Engine.Started.ReadAsync().AsTask().Within();

        var busy = requests.Where(t => t.IsCompleted).Select(t => t.Result).ToList();
        Assert.Equal(38, busy.Count);
        Assert.All(busy, r => Assert.Equal(Texts.Busy(Language.English), r.PlainText));

        bot.Engine.Open();
        var replies = await Task.WhenAll(requests).Within();
        Assert.Equal(12, replies.Count(r => r.Kind == ReplyKind.Answer));
        Assert.Equal(38, replies.Count(r => r.Kind == ReplyKind.Refusal));
    }
}
