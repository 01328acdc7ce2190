using System.Globalization;

namespace NewsBot.Cli;

/// <summary>A one-line progress bar with rate and ETA, redrawn at most ten times a second.</summary>
public sealed class ProgressBar(TextWriter output, int total)
{
    private TimeSpan? _lastDraw;

    public void Report(int done, TimeSpan elapsed)
    {
        if (_lastDraw is { } last && elapsed - last < TimeSpan.FromMilliseconds(100) && done < total)
        {
            return;
        }

        _lastDraw = elapsed;
        var fraction = total == 0 ? 1 : (double)done / total;
        var width = 30;
        var filled = (int)(fraction * width);
        var rate = done / Math.Max(elapsed.TotalSeconds, 0.001);
        var eta = rate > 0 ? TimeSpan.FromSeconds((total - done) / rate) : TimeSpan.Zero;
        output.Write(string.Create(
            CultureInfo.InvariantCulture,
            $"\r[{new string('#', filled)}{new string('-', width - filled)}] {done}/{total} {rate:0} articles/s ETA {eta:mm\\:ss}  "));
    }

    public void Done() => output.WriteLine();
}
