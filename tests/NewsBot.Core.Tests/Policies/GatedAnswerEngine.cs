using System.Threading.Channels;
using NewsBot.Core.Answers;
using NewsBot.Retrieval.Articles;
using NewsBot.Core.Chat;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Core.Tests.Policies;

/// <summary>
/// An answer engine that echoes the question. While closed, every answer waits at the gate (honouring cancellation),
/// so tests can hold answers in flight; it records how many ran at once and reports each start on a channel.
/// </summary>
internal sealed class GatedAnswerEngine : IAnswerEngine
{
    private readonly Channel<string> _started = Channel.CreateUnbounded<string>();
    private TaskCompletionSource _gate = NewOpenGate();
    private int _running;
    private int _maxRunning;
    private int _cancelled;

    public string Backend => "fake";

    public int MaxRunning => Volatile.Read(ref _maxRunning);

    public int Cancelled => Volatile.Read(ref _cancelled);

    /// <summary>Questions in the order their answers started.</summary>
    public ChannelReader<string> Started => _started.Reader;

    /// <summary>Holds every answer that starts from now on until <see cref="Open"/>.</summary>
    public void Close() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Open() => _gate.TrySetResult();

    public async Task<Answer> AnswerAsync(AskContext context, CancellationToken cancellationToken)
    {
        var now = Interlocked.Increment(ref _running);
        InterlockedMax(ref _maxRunning, now);
        try
        {
            _started.Writer.TryWrite(context.Question);
            await Task.Yield();
            await _gate.Task.WaitAsync(cancellationToken);
            return new Answer(context.AnswerLanguage, [new ReplyBlock(ReplyBlockKind.Paragraph, "answer: " + context.Question)], [], Backend);
        }
        catch (OperationCanceledException)
        {
            Interlocked.Increment(ref _cancelled);
            throw;
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    public Task<Answer> SummarizeAsync(SummaryContext context, CancellationToken cancellationToken) =>
        Task.FromResult(new Answer(context.AnswerLanguage, [new ReplyBlock(ReplyBlockKind.Paragraph, "summary")], [], Backend));

    public Task<string> BlurbAsync(Article article, Language language, CancellationToken cancellationToken) => Task.FromResult(article.Title);

    public Task<Answer> DescribePersonAsync(PersonContext context, CancellationToken cancellationToken) =>
        Task.FromResult(new Answer(context.AnswerLanguage, [new ReplyBlock(ReplyBlockKind.Paragraph, context.Person.Name)], [], Backend));

    private static TaskCompletionSource NewOpenGate()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.SetResult();
        return gate;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
