using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Core.Chat;
using NewsBot.Core.Turns;

namespace NewsBot.Core.Tests.Turns;

/// <summary>The streamed draft every surface shows: at once, then at most one change per interval, never after completion.</summary>
public sealed class DraftPreviewTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly RecordingSurface _surface;

    public DraftPreviewTests() => _surface = new RecordingSurface(_time);

    private DraftPreview Preview() => new(_surface, _time, NullLogger.Instance, CancellationToken.None);

    [Fact]
    public async Task TheFirstTextShowsAtOnceThenAtMostOneEditPerIntervalWithTheLatestText()
    {
        await using var preview = Preview();

        preview.Report("Rubio");
        Assert.Equal("Rubio", await _surface.NextAsync());

        preview.Report("Rubio und");
        preview.Report("Rubio und Lawrow");
        preview.Report("Rubio und Lawrow trafen sich");

        // Drive fake time in small steps until the next edit shows; it must not come before a full interval.
        var next = _surface.NextAsync();
        for (var i = 0; i < 100 && !next.IsCompleted; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.WhenAny(next, Task.Delay(5));
        }

        Assert.Equal("Rubio und Lawrow trafen sich", await next);
        Assert.Equal(2, _surface.Times.Count);
        Assert.True(_surface.Times[1] - _surface.Times[0] >= TimeSpan.FromSeconds(1), "edited again within the interval");
        Assert.Equal("draft-1", preview.DraftId);
    }

    [Fact]
    public async Task NothingIsShownAfterCompletion()
    {
        var preview = Preview();
        preview.Report("one");
        Assert.Equal("one", await _surface.NextAsync());
        preview.Report("two");

        Assert.Equal("draft-1", await preview.CompleteAsync());
        preview.Report("three");
        _time.Advance(TimeSpan.FromSeconds(5));
        await preview.DisposeAsync();

        Assert.False(_surface.Shown.Reader.TryRead(out var late), $"shown after completion: {late}");
    }

    private sealed class RecordingSurface(TimeProvider time) : IChatSurface
    {
        public Channel<string> Shown { get; } = Channel.CreateUnbounded<string>();

        public List<DateTimeOffset> Times { get; } = [];

        public SurfacePacing Pacing { get; } = new(TimeSpan.Zero, TimeSpan.FromSeconds(1));

        public async Task<string> NextAsync()
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            return await Shown.Reader.ReadAsync(cts.Token);
        }

        public Task ShowTypingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<string> ShowDraftAsync(string? draftId, string text, CancellationToken cancellationToken)
        {
            lock (Times)
            {
                Times.Add(time.GetUtcNow());
            }

            Shown.Writer.TryWrite(text);
            return Task.FromResult("draft-1");
        }

        public Task DeliverAsync(string? draftId, Reply reply, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task EndDraftAsync(string draftId, string note, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
