using System.Collections.Concurrent;
using System.Text;
using NewsBot.Core.Chat;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Telegram.Tests.Fakes;

/// <summary>
/// Answers deterministically from the request: "Answer to: {text}" with one cited source. "/long" returns about
/// 10,000 characters of numbered paragraphs; "/stream" reports growing partial text first.
/// </summary>
public sealed class FakeChatPipeline : IChatPipeline
{
    public const string SourceUrl = "https://news.example/rubio?a=1&b=2";

    private readonly ConcurrentQueue<ChatRequest> _requests = new();

    public IReadOnlyList<ChatRequest> Requests => _requests.ToList();

    /// <summary>Replaces the default answer for a test.</summary>
    public Func<ChatRequest, IProgress<string>?, CancellationToken, Task<Reply>>? Answer { get; set; }

    public async Task<Reply> HandleAsync(ChatRequest request, IProgress<string>? partialText, CancellationToken cancellationToken)
    {
        _requests.Enqueue(request);
        if (Answer is { } answer)
        {
            return await answer(request, partialText, cancellationToken);
        }

        await Task.Yield();
        var language = LanguageCodes.TryParse(request.UserLocale) ?? Language.English;
        if (request.Text == "/long")
        {
            return new Reply(language, LongParagraphs(10_000), [Source()]);
        }

        if (request.Text == "/stream")
        {
            var text = new StringBuilder();
            foreach (var word in new[] { "Rubio", "and", "Lavrov", "met", "in", "Riyadh." })
            {
                text.Append(word).Append(' ');
                partialText?.Report(text.ToString().TrimEnd());
            }

            return new Reply(language, Reply.Paragraphs(text.ToString().Trim()), [Source()]);
        }

        return new Reply(language, [new ReplyBlock(ReplyBlockKind.Paragraph, "Answer to: " + request.Text + " [1]")], [Source()]) { Backend = "extractive" };
    }

    public static Citation Source() => new(1, "rubio-lavrov", "Rubio meets Lavrov", "2025-02", "Example News", SourceUrl);

    /// <summary>Paragraphs "P001 ... ." of about 190 characters each, adding up to at least <paramref name="totalLength"/>.</summary>
    public static IReadOnlyList<ReplyBlock> LongParagraphs(int totalLength)
    {
        var blocks = new List<ReplyBlock>();
        var length = 0;
        for (var i = 1; length < totalLength; i++)
        {
            var text = $"P{i:000} " + string.Join(' ', Enumerable.Repeat("The talks went on for hours.", 6));
            blocks.Add(new ReplyBlock(ReplyBlockKind.Paragraph, text));
            length += text.Length + 2;
        }

        return blocks;
    }
}
