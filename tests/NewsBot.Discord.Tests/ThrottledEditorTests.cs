using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Discord.Adapter;

namespace NewsBot.Discord.Tests;

public sealed class ThrottledEditorTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly Channel<string> _edits = Channel.CreateUnbounded<string>();
    private readonly List<DateTimeOffset> _editTimes = [];

    private ThrottledEditor Editor() => new(
        text =>
        {
            lock (_editTimes)
            {
                _editTimes.Add(_time.GetUtcNow());
            }

            _edits.Writer.TryWrite(text);
            return Task.CompletedTask;
        },
        _time,
        TimeSpan.FromSeconds(1),
        NullLogger.Instance);

    private async Task<string> NextEditAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _edits.Reader.ReadAsync(cts.Token);
    }

    [Fact]
    public async Task TheFirstTextShowsAtOnceThenAtMostOneEditPerIntervalWithTheLatestText()
    {
        await using var editor = Editor();

        editor.Report("Rubio");
        Assert.Equal("Rubio", await NextEditAsync());

        editor.Report("Rubio und");
        editor.Report("Rubio und Lawrow");
        editor.Report("Rubio und Lawrow trafen sich");

        // Drive fake time in small steps until the next edit shows; it must not come before a full interval.
        var next = NextEditAsync();
        for (var i = 0; i < 100 && !next.IsCompleted; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.WhenAny(next, Task.Delay(5));
        }

        Assert.Equal("Rubio und Lawrow trafen sich", await next);
        lock (_editTimes)
        {
            Assert.Equal(2, _editTimes.Count);
            Assert.True(_editTimes[1] - _editTimes[0] >= TimeSpan.FromSeconds(1), "edited again within the interval");
        }
    }

    [Fact]
    public async Task NothingIsEditedAfterCompletion()
    {
        var editor = Editor();
        editor.Report("one");
        Assert.Equal("one", await NextEditAsync());
        editor.Report("two");

        await editor.CompleteAsync();
        editor.Report("three");
        _time.Advance(TimeSpan.FromSeconds(5));
        await editor.DisposeAsync();

        Assert.False(_edits.Reader.TryRead(out var late), $"edited after completion: {late}");
    }
}
