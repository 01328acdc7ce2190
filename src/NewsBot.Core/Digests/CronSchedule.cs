using System.Diagnostics.CodeAnalysis;
using Cronos;

namespace NewsBot.Core.Digests;

/// <summary>
/// A cron expression in a time zone. Cronos does the calendar work: on the spring-forward day an occurrence inside the
/// skipped hour moves to the first valid instant, and on the fall-back day an occurrence in the repeated hour fires once.
/// </summary>
public sealed class CronSchedule
{
    private readonly CronExpression _expression;

    private CronSchedule(CronExpression expression, TimeZoneInfo zone, string text)
    {
        _expression = expression;
        Zone = zone;
        Text = text;
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    public static bool TryCreate(string cron, string timeZone, [NotNullWhen(true)] out CronSchedule? schedule, out string error)
    {
        schedule = null;
        if (!TryParseCron(cron, out var expression, out error))
        {
            return false;
        }

        if (!TryFindTimeZone(timeZone, out var zone))
        {
            error = $"unknown time zone '{timeZone}'";
            return false;
        }

        schedule = new CronSchedule(expression, zone, cron.Trim());
        return true;
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, or null when there is none.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after) => _expression.GetNextOccurrence(after.ToUniversalTime(), Zone)?.ToUniversalTime();

    /// <summary>Occurrences in (<paramref name="after"/>, <paramref name="until"/>], oldest first, in UTC.</summary>
    public IEnumerable<DateTimeOffset> Between(DateTimeOffset after, DateTimeOffset until) =>
        until <= after
            ? []
            : _expression.GetOccurrences(after.ToUniversalTime(), until.ToUniversalTime(), Zone, fromInclusive: false, toInclusive: true).Select(o => o.ToUniversalTime());

    /// <summary>Five fields (minute precision), six (with seconds), or a macro such as <c>@daily</c>.</summary>
    public static bool TryParseCron(string? cron, [NotNullWhen(true)] out CronExpression? expression, out string error)
    {
        expression = null;
        error = "";
        var text = cron?.Trim() ?? "";
        if (text.Length == 0)
        {
            error = "empty";
            return false;
        }

        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var format = fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        if (!text.StartsWith('@') && fields is not (5 or 6))
        {
            error = $"{fields} fields; expected 5 (minute hour day month weekday)";
            return false;
        }

        try
        {
            expression = CronExpression.Parse(string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries)), format);
            return true;
        }
        catch (CronFormatException ex)
        {
            error = ex.Message.TrimEnd('.', ' ');
            return false;
        }
    }

    /// <summary>IANA ids everywhere (and Windows ids where the system knows them).</summary>
    public static bool TryFindTimeZone(string? id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        if (id.Trim().Equals("UTC", StringComparison.OrdinalIgnoreCase))
        {
            zone = TimeZoneInfo.Utc;
            return true;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out zone);
    }
}
