using System.Threading.Channels;
using NewsBot.Core.Chat;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Discord.Tests.Fakes;

/// <summary>
/// A stand-in for the core pipeline: records requests and answers in the language the request points to
/// (the user locale, else English), or as a test scripts it.
/// </summary>
public sealed class FakePipeline : IChatPipeline
{
    private readonly Channel<ChatRequest> _requests = Channel.CreateUnbounded<ChatRequest>();

    public Func<ChatRequest, IProgress<string>?, CancellationToken, Task<Reply>>? Answer { get; set; }

    public async Task<Reply> HandleAsync(ChatRequest request, IProgress<string>? partialText, CancellationToken cancellationToken)
    {
        _requests.Writer.TryWrite(request);
        if (Answer is { } answer)
        {
            return await answer(request, partialText, cancellationToken);
        }

        return LanguageCodes.TryParse(request.UserLocale) == Language.German
            ? Reply.Text(Language.German, $"Antwort auf deine Frage: {request.Text}", ReplyKind.Answer)
            : Reply.Text(Language.English, $"Answer to your question: {request.Text}", ReplyKind.Answer);
    }

    public async Task<ChatRequest> NextRequestAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        return await _requests.Reader.ReadAsync(cts.Token);
    }
}
