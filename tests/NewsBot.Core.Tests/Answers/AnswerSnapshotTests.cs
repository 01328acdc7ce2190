using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core.Answers;
using NewsBot.Retrieval.Articles;
using NewsBot.Core.Chat;

using NewsBot.Retrieval.Languages;
using NewsBot.Retrieval.Corpus;

namespace NewsBot.Core.Tests.Answers;

/// <summary>The answer engine answers from the snapshot the handler searched, even when the corpus is reloaded meanwhile.</summary>
public sealed class AnswerSnapshotTests
{
    [Fact]
    public async Task A_reload_between_search_and_answer_does_not_change_the_answer()
    {
        var searched = TestCorpus.WithDictionary(
            TestCorpus.Parse("henkel", "henkel.txt", "date 2016-01\n\nHenkel bekommt einen neuen Vorstandschef. Der Konsumgüterkonzern aus Düsseldorf teilte am Montag mit, dass Kasper Rorsted das Unternehmen verlässt. Sein Nachfolger wird Hans Van Bylen, der bisher das Geschäft mit Schönheitspflege leitete.\n")).Current;
        // The reloaded corpus has neither the article nor the dictionary: read from it, the English question would find no
        // word of the German sentence and name no one the corpus knows.
        var reloaded = TestCorpus.From(
            TestCorpus.Parse("council", "council.md", "---\ntitle: Council approves budget\ndate: 2025-03\n---\n\nThe city council approved the budget for 2026 after a long debate about school funding.\n")).Current;
        var corpus = new ReloadingCorpus(searched);
        var seen = new List<AskContext>();
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddNewsBotCore(configuration).AddInMemoryState();
        services.AddSingleton<IQueryExpander, NoQueryExpansion>();
        services.AddSingleton<ICorpusProvider>(corpus);
        // The reload lands while the answer is being written: after the handler's search, before the engine reads anything.
        services.AddSingleton<IAnswerEngine>(sp => new ReloadFirst(sp.GetRequiredService<ExtractiveAnswerEngine>(), corpus, reloaded, seen));
        using var provider = services.BuildServiceProvider();

        var reply = await provider.Send("Who will succeed Rorsted at Henkel?");

        Assert.Same(reloaded, corpus.Current);
        var context = Assert.Single(seen);
        Assert.Same(searched, context.Corpus);
        Assert.Same(searched.Index, context.Plan.Statistics);
        Assert.Equal("Hans Van Bylen", reply.Blocks[0].Text);
        Assert.Equal("henkel", Assert.Single(reply.Citations).ArticleId);
    }

    private sealed class ReloadingCorpus(CorpusSnapshot first) : ICorpusProvider
    {
        public CorpusSnapshot Current { get; private set; } = first;

        public event EventHandler<CorpusSnapshot>? Changed;

        public void Reload(CorpusSnapshot next)
        {
            Current = next;
            Changed?.Invoke(this, next);
        }
    }

    private sealed class ReloadFirst(IAnswerEngine inner, ReloadingCorpus corpus, CorpusSnapshot next, List<AskContext> seen) : IAnswerEngine
    {
        public string Backend => inner.Backend;

        public Task<Answer> AnswerAsync(AskContext context, CancellationToken cancellationToken)
        {
            seen.Add(context);
            corpus.Reload(next);
            return inner.AnswerAsync(context, cancellationToken);
        }

        public Task<Answer> SummarizeAsync(SummaryContext context, CancellationToken cancellationToken) => inner.SummarizeAsync(context, cancellationToken);

        public Task<string> BlurbAsync(Article article, Language language, CancellationToken cancellationToken) => inner.BlurbAsync(article, language, cancellationToken);

        public Task<Answer> DescribePersonAsync(PersonContext context, CancellationToken cancellationToken) => inner.DescribePersonAsync(context, cancellationToken);
    }
}
