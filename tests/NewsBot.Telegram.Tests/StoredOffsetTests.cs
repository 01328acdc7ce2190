namespace NewsBot.Telegram.Tests;

public sealed class StoredOffsetTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(null, null)]
    [InlineData("garbage", null)]
    [InlineData("41", 42)]
    public void OffsetResumesOnePastTheStoredUpdate(string? stored, int? expected) =>
        Assert.Equal(expected, NewsBot.Telegram.Receiving.TelegramPoller.ParseStoredOffset(stored, Now));

    [Fact]
    public void AnOffsetOlderThanTelegramKeepsUpdatesIsNotUsed()
    {
        var recent = $"41;{Now.AddHours(-2).ToUnixTimeSeconds()}";
        var stale = $"41;{Now.AddHours(-25).ToUnixTimeSeconds()}";

        Assert.Equal(42, NewsBot.Telegram.Receiving.TelegramPoller.ParseStoredOffset(recent, Now));
        Assert.Null(NewsBot.Telegram.Receiving.TelegramPoller.ParseStoredOffset(stale, Now));
    }
}
