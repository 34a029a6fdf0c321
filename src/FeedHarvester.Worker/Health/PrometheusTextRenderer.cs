using System.Globalization;
using System.Text;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace FeedHarvester.Worker.Health;

/// <summary>
/// Renders an OpenTelemetry metric batch in the Prometheus text exposition format (version 0.0.4), naming series the way
/// OpenTelemetry's own Prometheus exporter does: dots become underscores, the unit is appended (<c>s</c> → <c>_seconds</c>;
/// annotations such as <c>{poll}</c> add nothing) and monotonic sums end in <c>_total</c>.
/// </summary>
internal static class PrometheusTextRenderer
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Render(in Batch<Metric> batch)
    {
        // Grouped by series name: one # TYPE line per name even if two meters of the same name report it.
        var byName = new SortedDictionary<string, List<Metric>>(StringComparer.Ordinal);
        foreach (var metric in batch)
        {
            var name = SeriesName(metric);
            if (!byName.TryGetValue(name, out var list))
            {
                byName[name] = list = [];
            }

            list.Add(metric);
        }

        var text = new StringBuilder();
        foreach (var (name, metrics) in byName)
        {
            var first = metrics[0];
            _ = text.Append("# HELP ").Append(name).Append(' ').Append(EscapeHelp(first.Description)).Append('\n');
            _ = text.Append("# TYPE ").Append(name).Append(' ').Append(TypeName(first.MetricType)).Append('\n');
            foreach (var metric in metrics)
            {
                AppendPoints(text, name, metric);
            }
        }

        return text.ToString();
    }

    internal static string SeriesName(Metric metric)
    {
        var name = Sanitize(metric.Name);
        var unit = UnitSuffix(metric.Unit);
        if (unit.Length > 0 && !name.EndsWith("_" + unit, StringComparison.Ordinal))
        {
            name += "_" + unit;
        }

        return metric.MetricType is MetricType.LongSum or MetricType.DoubleSum && !name.EndsWith("_total", StringComparison.Ordinal)
            ? name + "_total"
            : name;
    }

    private static void AppendPoints(StringBuilder text, string name, Metric metric)
    {
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            var labels = Labels(point.Tags);
            switch (metric.MetricType)
            {
                case MetricType.LongSum or MetricType.LongSumNonMonotonic:
                    AppendSample(text, name, labels, point.GetSumLong());
                    break;
                case MetricType.DoubleSum or MetricType.DoubleSumNonMonotonic:
                    AppendSample(text, name, labels, point.GetSumDouble());
                    break;
                case MetricType.LongGauge:
                    AppendSample(text, name, labels, point.GetGaugeLastValueLong());
                    break;
                case MetricType.DoubleGauge:
                    AppendSample(text, name, labels, point.GetGaugeLastValueDouble());
                    break;
                case MetricType.Histogram:
                    AppendHistogram(text, name, labels, point);
                    break;
                default:
                    // Exponential histograms have no Prometheus text form; no FeedHarvester instrument is configured as one.
                    break;
            }
        }
    }

    private static void AppendHistogram(StringBuilder text, string name, List<KeyValuePair<string, string>> labels, in MetricPoint point)
    {
        // Prometheus buckets are cumulative ("le" = at most); OpenTelemetry's are counts per bucket.
        long cumulative = 0;
        foreach (var bucket in point.GetHistogramBuckets())
        {
            cumulative += bucket.BucketCount;
            var le = double.IsPositiveInfinity(bucket.ExplicitBound) ? "+Inf" : FormatDouble(bucket.ExplicitBound);
            AppendSample(text, name + "_bucket", [.. labels, new("le", le)], cumulative);
        }

        AppendSample(text, name + "_sum", labels, point.GetHistogramSum());
        AppendSample(text, name + "_count", labels, point.GetHistogramCount());
    }

    private static List<KeyValuePair<string, string>> Labels(ReadOnlyTagCollection tags)
    {
        var labels = new List<KeyValuePair<string, string>>(tags.Count);
        foreach (var tag in tags)
        {
            labels.Add(new(Sanitize(tag.Key), Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? string.Empty));
        }

        return labels;
    }

    private static void AppendSample(StringBuilder text, string name, List<KeyValuePair<string, string>> labels, long value) =>
        AppendSample(text, name, labels, value.ToString(CultureInfo.InvariantCulture));

    private static void AppendSample(StringBuilder text, string name, List<KeyValuePair<string, string>> labels, double value) =>
        AppendSample(text, name, labels, FormatDouble(value));

    private static void AppendSample(StringBuilder text, string name, List<KeyValuePair<string, string>> labels, string value)
    {
        _ = text.Append(name);
        if (labels.Count > 0)
        {
            _ = text.Append('{');
            for (var i = 0; i < labels.Count; i++)
            {
                _ = text.Append(i == 0 ? string.Empty : ",").Append(labels[i].Key).Append("=\"").Append(EscapeLabel(labels[i].Value)).Append('"');
            }

            _ = text.Append('}');
        }

        _ = text.Append(' ').Append(value).Append('\n');
    }

    private static string TypeName(MetricType type) => type switch
    {
        MetricType.LongSum or MetricType.DoubleSum => "counter",
        MetricType.Histogram => "histogram",
        _ => "gauge",
    };

    private static string UnitSuffix(string? unit) => unit switch
    {
        null or "" or "1" => string.Empty,
        "s" => "seconds",
        "ms" => "milliseconds",
        "By" => "bytes",
        _ when unit.StartsWith('{') => string.Empty,
        _ => Sanitize(unit),
    };

    private static string FormatDouble(double value) =>
        double.IsPositiveInfinity(value) ? "+Inf"
        : double.IsNegativeInfinity(value) ? "-Inf"
        : double.IsNaN(value) ? "NaN"
        : value.ToString("R", CultureInfo.InvariantCulture);

    private static string Sanitize(string name)
    {
        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!(char.IsAsciiLetterOrDigit(chars[i]) || chars[i] is '_' or ':'))
            {
                chars[i] = '_';
            }
        }

        return chars.Length > 0 && char.IsAsciiDigit(chars[0]) ? "_" + new string(chars) : new string(chars);
    }

    private static string EscapeHelp(string? help) =>
        (help ?? string.Empty).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string EscapeLabel(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
