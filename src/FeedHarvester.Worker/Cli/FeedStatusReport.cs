using System.Globalization;
using System.Text.Json;
using FeedHarvester.Diagnostics;
using FeedHarvester.Feeds;
using FeedHarvester.Settings;

namespace FeedHarvester.Worker.Cli;

/// <summary>The <c>status</c> output: a table with totals for people, or one JSON object for scripts.</summary>
internal static class FeedStatusReport
{
    /// <summary>A failing feed's last message is cut to this many characters in the table (the JSON has it whole).</summary>
    private const int MaxErrorChars = 80;

    public static void WriteTable(TextWriter output, StatusView view, DateTimeOffset now)
    {
        output.WriteLine(WorkerLine(view, now));
        var states = view.States;
        TextTable.Write(output, ["URL", "TITLE", "STATUS", "LAST POLL", "OUTCOME", "NEXT POLL", "ERRORS", "ARTICLES", "LAST ERROR"], states.Select(s => (IReadOnlyList<string>)[
            s.FeedUrl,
            view.TitleOf(s) ?? "-",
            FeedCondition.LabelOf(s),
            When(s.LastPolledAt, now),
            s.LastOutcome ?? "-",
            s.NextPollAt is null && s.Status == FeedStatus.Gone ? "never" : When(s.NextPollAt, now),
            s.ConsecutiveErrors.ToString(CultureInfo.InvariantCulture),
            s.ArticlesEmitted.ToString(CultureInfo.InvariantCulture),
            view.IsFailing(s) ? Shorten(s.LastMessage) : "-"]));
        var byLabel = FeedStateLabel.All.Select(label => $"{states.Count(s => FeedCondition.LabelOf(s) == label)} {label}");
        output.WriteLine($"{states.Count} feeds ({string.Join(", ", byLabel)}), {states.Sum(s => s.ArticlesEmitted)} articles emitted");
        if (view.Unlisted > 0)
        {
            output.WriteLine($"{view.Unlisted} feeds in the store are no longer in the feed list and are not shown (their history is kept; --all shows them)");
        }
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
    public static string Json(StatusView view, IReadOnlyList<string>? configurationErrors = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            WriteJson(json, view, configurationErrors ?? []);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string WorkerLine(StatusView view, DateTimeOffset now)
    {
        var holder = view.WorkerHolds switch
        {
            true => $"a worker holds {view.StoreName}",
            false => $"no worker holds {view.StoreName}",
            null => $"store {view.StoreName}",
        };
        return $"{holder}; last poll {(view.LastPoll is { } last ? When(last, now) : "never")}";
    }

    private static void WriteJson(Utf8JsonWriter json, StatusView view, IReadOnlyList<string> configurationErrors)
    {
        var states = view.States;
        json.WriteStartObject();
        json.WriteStartObject("worker");
        json.WriteString("store", view.StoreName);
        if (view.WorkerHolds is { } holds)
        {
            json.WriteBoolean("holds_data_directory", holds);
        }
        else
        {
            json.WriteNull("holds_data_directory");
        }

        WriteInstant(json, "last_poll_at", view.LastPoll);
        json.WriteEndObject();
        json.WriteStartArray("feeds");
        foreach (var state in states)
        {
            json.WriteStartObject();
            json.WriteString("url", state.FeedUrl);
            json.WriteString("title", view.TitleOf(state));
            json.WriteString("status", FeedCondition.LabelOf(state));
            WriteInstant(json, "last_polled_at", state.LastPolledAt);
            WriteInstant(json, "last_success_at", state.LastSuccessAt);
            json.WriteString("last_outcome", state.LastOutcome);
            json.WriteString("last_message", state.LastMessage);
            WriteInstant(json, "next_poll_at", state.NextPollAt);
            json.WriteNumber("consecutive_errors", state.ConsecutiveErrors);
            json.WriteNumber("articles_emitted", state.ArticlesEmitted);
            json.WriteBoolean("listed", view.Listed.ContainsKey(state.FeedUrl));
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
        json.WriteNumber("unlisted", view.Unlisted);
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

    private static string Shorten(string? message) => message switch
    {
        null or "" => "-",
        { Length: > MaxErrorChars } => string.Concat(message.AsSpan(0, MaxErrorChars - 1), "…"),
        _ => message,
    };

    // UTC with the distance from now, so an operator sees at a glance how stale or how soon.
    private static string When(DateTimeOffset? instant, DateTimeOffset now) => instant is { } at
        ? $"{Instant.Format(at)} ({Relative(at - now)})"
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
            json.WriteString(name, Instant.Format(value));
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
