using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsBot.Retrieval.Articles;
using NewsBot.Core.Chat;
using NewsBot.Retrieval.Corpus;

namespace NewsBot.Core.Tests;

/// <summary>The real core pipeline over a test corpus, composed the way the host composes it.</summary>
internal static class TestPipeline
{
    public static ServiceProvider Services(ICorpusProvider corpus, Dictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddNewsBotCore(configuration).AddInMemoryState().AddExtractiveAnswers();
        services.AddSingleton(corpus);
        return services.BuildServiceProvider();
    }

    public static Task<Reply> Send(this IServiceProvider services, string text, string platform = Platforms.Console, string chat = "c1", string? locale = null, bool group = false) =>
        services.GetRequiredService<IChatPipeline>().HandleAsync(
            new ChatRequest { Platform = platform, ChatId = chat, UserId = "u1", Text = text, UserLocale = locale, IsGroup = group },
            null,
            CancellationToken.None);
}
