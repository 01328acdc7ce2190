using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Moq;

namespace NewsBot.Ai.Tests.Fakes;

/// <summary>Moq set-ups of Semantic Kernel's chat-completion abstraction that record the histories they get.</summary>
public static class ChatMocks
{
    public static Mock<IChatCompletionService> Replying(List<ChatHistory> seen, params string[] replies)
    {
        var mock = new Mock<IChatCompletionService>(MockBehavior.Strict);
        var next = 0;
        mock.Setup(c => c.GetChatMessageContentsAsync(It.IsAny<ChatHistory>(), It.IsAny<PromptExecutionSettings?>(), It.IsAny<Kernel?>(), It.IsAny<CancellationToken>()))
            .Returns((ChatHistory history, PromptExecutionSettings? _, Kernel? _, CancellationToken _) =>
            {
                seen.Add(history);
                var reply = replies[Math.Min(next++, replies.Length - 1)];
                return Task.FromResult<IReadOnlyList<ChatMessageContent>>([new ChatMessageContent(AuthorRole.Assistant, reply)]);
            });
        return mock;
    }

    public static Mock<IChatCompletionService> Streaming(List<ChatHistory> seen, params string[] chunks)
    {
        var mock = new Mock<IChatCompletionService>(MockBehavior.Strict);
        mock.Setup(c => c.GetStreamingChatMessageContentsAsync(It.IsAny<ChatHistory>(), It.IsAny<PromptExecutionSettings?>(), It.IsAny<Kernel?>(), It.IsAny<CancellationToken>()))
            .Returns((ChatHistory history, PromptExecutionSettings? _, Kernel? _, CancellationToken ct) =>
            {
                seen.Add(history);
                return Stream(chunks, ct);
            });
        return mock;
    }

    public static Mock<IChatCompletionService> Throwing(Exception error)
    {
        var mock = new Mock<IChatCompletionService>(MockBehavior.Strict);
        mock.Setup(c => c.GetChatMessageContentsAsync(It.IsAny<ChatHistory>(), It.IsAny<PromptExecutionSettings?>(), It.IsAny<Kernel?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(error);
        mock.Setup(c => c.GetStreamingChatMessageContentsAsync(It.IsAny<ChatHistory>(), It.IsAny<PromptExecutionSettings?>(), It.IsAny<Kernel?>(), It.IsAny<CancellationToken>()))
            .Throws(error);
        return mock;
    }

    /// <summary>A model that never answers: the call ends only when its token is cancelled.</summary>
    public static Mock<IChatCompletionService> Hanging(TaskCompletionSource started)
    {
        var mock = new Mock<IChatCompletionService>(MockBehavior.Strict);
        mock.Setup(c => c.GetChatMessageContentsAsync(It.IsAny<ChatHistory>(), It.IsAny<PromptExecutionSettings?>(), It.IsAny<Kernel?>(), It.IsAny<CancellationToken>()))
            .Returns(async (ChatHistory _, PromptExecutionSettings? _, Kernel? _, CancellationToken ct) =>
            {
                started.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
                return (IReadOnlyList<ChatMessageContent>)[];
            });
        return mock;
    }

    private static async IAsyncEnumerable<StreamingChatMessageContent> Stream(string[] chunks, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var chunk in chunks)
        {
            ct.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return new StreamingChatMessageContent(AuthorRole.Assistant, chunk);
        }
    }
}
