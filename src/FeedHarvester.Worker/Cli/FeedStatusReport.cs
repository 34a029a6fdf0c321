using System.Globalization;
using System.Text.Json;
using FeedHarvester.Diagnostics;
using FeedHarvester.Feeds;

namespace FeedHarvester.Worker.Cli;

/// <summary>The <c>status</c> output: a table with totals for people, or one JSON object for scripts.</summary>
internal static class FeedStatusReport
{
    public static void WriteTable(TextWriter output, IReadOnlyList<FeedState> states, DateTimeOffset now)
    {
        TextTable.Write(output, ["URL", "STATUS", "LAST POLL", "OUTCOME", "NEXT POLL", "ERRORS", "ARTICLES"], states.Select(s => (IReadOnlyList<string>)[
            s.FeedUrl,
            FeedCondition.LabelOf(s),
            When(s.LastPolledAt, now),
            s.LastOutcome ?? "-",
            s.NextPollAt is null && s.Status == FeedStatus.Gone ? "never" : When(s.NextPollAt, now),
            s.ConsecutiveErrors.ToString(CultureInfo.InvariantCulture),
            s.ArticlesEmitted.ToString(CultureInfo.InvariantCulture)]));
        var byLabel = FeedStateLabel.All.Select(label => $"{states.Count(s => FeedCondition.LabelOf(s) == label)} {label}");
        output.WriteLine($"{states.Count} feeds ({string.Join(", ", byLabel)}), {states.Sum(s => s.ArticlesEmitted)} articles emitted");
    }

    /// <summary>The configuration on disk as the report's last lines: the next start would refuse it.</summary>
    public static void WriteConfiguration(TextWriter output, IReadOnlyList<string> configurationErrors)
    {
        if (configurationErrors.Count == 0)
        {
            return;
        }

        output.WriteLine($"the configuration on disk is invalid ({configurationErrors.Count} errors): a running worker keeps the configuration it started with, and a restart would refuse to start");
        foreach (var error in configurationErrors)
        {
            output.WriteLine("  " + error);
        }
    }

    /// <param name="configurationErrors">What is wrong with the configuration on disk (empty when nothing).</param>
    public static string Json(IReadOnlyList<FeedState> states, IReadOnlyList<string>? configurationErrors = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            WriteJson(json, states, configurationErrors ?? []);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteJson(Utf8JsonWriter json, IReadOnlyList<FeedState> states, IReadOnlyList<string> configurationErrors)
    {
        json.WriteStartObject();
        json.WriteStartArray("feeds");
        foreach (var state in states)
        {
            json.WriteStartObject();
            json.WriteString("url", state.FeedUrl);
            json.WriteString("status", FeedCondition.LabelOf(state));
            WriteInstant(json, "last_polled_at", state.LastPolledAt);
            WriteInstant(json, "last_success_at", state.LastSuccessAt);
            json.WriteString("last_outcome", state.LastOutcome);
            json.WriteString("last_message", state.LastMessage);
            WriteInstant(json, "next_poll_at", state.NextPollAt);
            json.WriteNumber("consecutive_errors", state.ConsecutiveErrors);
            json.WriteNumber("articles_emitted", state.ArticlesEmitted);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("totals");
        json.WriteNumber("feeds", states.Count);
        foreach (var label in FeedStateLabel.All)
        {
            json.WriteNumber(label, states.Count(s => FeedCondition.LabelOf(s) == label));
        }

        json.WriteNumber("articles_emitted", states.Sum(s => s.ArticlesEmitted));
        json.WriteEndObject();
        json.WriteBoolean("configuration_valid", configurationErrors.Count == 0);
        json.WriteStartArray("configuration_errors");
        foreach (var error in configurationErrors)
        {
            json.WriteStringValue(error);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    // UTC with the distance from now, so an operator sees at a glance how stale or how soon.
    private static string When(DateTimeOffset? instant, DateTimeOffset now) => instant is { } at
        ? $"{at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)} ({Relative(at - now)})"
        : "-";

    private static string Relative(TimeSpan offset)
    {
        var span = offset.Duration();
        var text = span.TotalDays >= 1 ? $"{(int)span.TotalDays}d"
            : span.TotalHours >= 1 ? $"{(int)span.TotalHours}h"
            : span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes}m"
            : $"{(int)span.TotalSeconds}s";
        return offset < TimeSpan.Zero ? text + " ago" : "in " + text;
    }

    private static void WriteInstant(Utf8JsonWriter json, string name, DateTimeOffset? instant)
    {
        if (instant is { } value)
        {
            json.WriteString(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
