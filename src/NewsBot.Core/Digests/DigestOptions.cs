using System.Globalization;
using Microsoft.Extensions.Options;
using NewsBot.Retrieval.Languages;
using NewsBot.Core.State;

namespace NewsBot.Core.Digests;

/// <summary>The <c>Digest</c> section: scheduled digests and how delivery retries.</summary>
public sealed class DigestOptions
{
    public const string SectionName = "Digest";

    /// <summary>Schedules from configuration; chats add more at run time with <c>/digest subscribe</c>.</summary>
    public List<DigestScheduleOptions> Schedules { get; set; } = [];

    /// <summary>An occurrence missed while the bot was down is still sent when it is at most this old; older ones are skipped.</summary>
    public TimeSpan CatchUpWindow { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Delivery attempts per occurrence before the target is disabled.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait after the first failed attempt; doubles with each further failure up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long one delivery may take before it counts as a failed attempt.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Time zone of schedules added from chat when the command names none.</summary>
    public string DefaultTimeZone { get; set; } = "UTC";

    /// <summary>Articles per digest for schedules added from chat.</summary>
    public int DefaultMaxArticles { get; set; } = 10;

    /// <summary>Chats ("platform:chatId", e.g. "telegram:123456") told when a digest target is disabled.</summary>
    public List<string> AdminChats { get; set; } = [];

    /// <summary>How often the scheduler looks for schedules added or removed from chat.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Parses "platform:chatId" (the chat id may itself contain colons).</summary>
    public static bool TryParseChat(string? text, out ChatKey chat)
    {
        chat = default;
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (text is null || colon <= 0 || colon == text.Length - 1)
        {
            return false;
        }

        chat = new ChatKey(text[..colon].Trim().ToLowerInvariant(), text[(colon + 1)..].Trim());
        return true;
    }

    /// <summary>The wait before attempt <paramref name="failures"/>+1: exponential, capped.</summary>
    public TimeSpan BackoffAfter(int failures)
    {
        var factor = Math.Pow(2, Math.Clamp(failures - 1, 0, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(RetryDelay.Ticks * factor, MaxRetryDelay.Ticks));
        return delay < RetryDelay ? RetryDelay : delay;
    }
}

/// <summary>One configured schedule: <c>Digest:Schedules:N</c>.</summary>
public sealed class DigestScheduleOptions
{
    /// <summary>Unique name; part of each occurrence's outbox key, so renaming a schedule starts it afresh.</summary>
    public string Name { get; set; } = "";

    /// <summary>Cron expression: five fields (minute hour day month weekday), six with seconds, or a macro like <c>@daily</c>.</summary>
    public string Cron { get; set; } = "";

    /// <summary>IANA time zone id, such as <c>Europe/Berlin</c>.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary><c>telegram</c>, <c>discord</c> or <c>console</c>.</summary>
    public string Platform { get; set; } = "";

    public string ChatId { get; set; } = "";

    /// <summary><c>de</c> or <c>en</c>.</summary>
    public string Language { get; set; } = "en";

    public int MaxArticles { get; set; } = 10;
}

/// <summary>Checks the section at start: each problem is one line naming its key, e.g. <c>Digest:Schedules:0:Cron</c>.</summary>
public sealed class DigestOptionsValidator : IValidateOptions<DigestOptions>
{
    public ValidateOptionsResult Validate(string? name, DigestOptions options)
    {
        var errors = new List<string>();
        var p = DigestOptions.SectionName;
        if (options.CatchUpWindow < TimeSpan.Zero)
        {
            errors.Add($"{p}:CatchUpWindow must not be negative.");
        }

        if (options.MaxAttempts is < 1 or > 100)
        {
            errors.Add($"{p}:MaxAttempts must be between 1 and 100.");
        }

        if (options.RetryDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.RetryDelay)
        {
            errors.Add($"{p}:RetryDelay must be positive and at most {p}:MaxRetryDelay.");
        }

        if (options.SendTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{p}:SendTimeout must be positive.");
        }

        if (options.RefreshInterval <= TimeSpan.Zero)
        {
            errors.Add($"{p}:RefreshInterval must be positive.");
        }

        if (!CronSchedule.TryFindTimeZone(options.DefaultTimeZone, out _))
        {
            errors.Add($"{p}:DefaultTimeZone: unknown time zone '{options.DefaultTimeZone}' (use an IANA id such as Europe/Berlin).");
        }

        if (options.DefaultMaxArticles is < 1 or > 50)
        {
            errors.Add($"{p}:DefaultMaxArticles must be between 1 and 50.");
        }

        for (var i = 0; i < options.AdminChats.Count; i++)
        {
            if (!DigestOptions.TryParseChat(options.AdminChats[i], out _))
            {
                errors.Add($"{p}:AdminChats:{i.ToString(CultureInfo.InvariantCulture)}: '{options.AdminChats[i]}' is not 'platform:chatId'.");
            }
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Schedules.Count; i++)
        {
            var s = options.Schedules[i];
            var key = $"{p}:Schedules:{i.ToString(CultureInfo.InvariantCulture)}";
            if (string.IsNullOrWhiteSpace(s.Name))
            {
                errors.Add($"{key}:Name is required.");
            }
            else if (!names.Add(s.Name.Trim()))
            {
                errors.Add($"{key}:Name '{s.Name}' is used by another schedule.");
            }

            if (!CronSchedule.TryParseCron(s.Cron, out _, out var cronError))
            {
                errors.Add($"{key}:Cron: '{s.Cron}' is not a valid cron expression ({cronError}).");
            }

            if (!CronSchedule.TryFindTimeZone(s.TimeZone, out _))
            {
                errors.Add($"{key}:TimeZone: unknown time zone '{s.TimeZone}' (use an IANA id such as Europe/Berlin).");
            }

            if (string.IsNullOrWhiteSpace(s.Platform))
            {
                errors.Add($"{key}:Platform is required (telegram, discord or console).");
            }

            if (string.IsNullOrWhiteSpace(s.ChatId))
            {
                errors.Add($"{key}:ChatId is required.");
            }

            if (LanguageCodes.TryParse(s.Language) is null)
            {
                errors.Add($"{key}:Language must be 'de' or 'en'.");
            }

            if (s.MaxArticles is < 1 or > 50)
            {
                errors.Add($"{key}:MaxArticles must be between 1 and 50.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
