using System.ComponentModel.DataAnnotations;
using FeedHarvester.Settings;

namespace FeedHarvester.Fetching;

/// <summary>How feeds and pages are fetched. Section FeedHarvester:Fetching.</summary>
public sealed class FetchingOptions : IValidatableObject
{
    public const string SectionName = "FeedHarvester:Fetching";

    /// <summary>Total time limit per request, body included; a slow server cannot extend it. The default value is 30 seconds.</summary>
    [DurationRange("1s", "10m")]
    public TimeSpan Timeout { get; set; } = FetchingDefaults.Timeout;

    /// <summary>The User-Agent header. The default names the product, its version and its project URL.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = OptionsPath.MustBeSet)]
    public string UserAgent { get; set; } = FetchingDefaults.UserAgent;

    /// <summary>Largest feed body accepted, counted after decompression. The default value is 10 MiB.</summary>
    [Between(1024, 1L << 30)]
    public long MaxFeedBytes { get; set; } = FetchingDefaults.MaxFeedBytes;

    /// <summary>Largest article page accepted, counted after decompression. The default value is 5 MiB.</summary>
    [Between(1024, 1L << 30)]
    public long MaxPageBytes { get; set; } = FetchingDefaults.MaxPageBytes;

    /// <summary>Requests in flight to one host at once, feeds and pages together. The default value is 2.</summary>
    [Between(1, 64)]
    public int MaxConcurrentRequestsPerHost { get; set; } = FetchingDefaults.MaxConcurrentRequestsPerHost;

    /// <summary>Most redirects followed for one request. The default value is 5.</summary>
    [Between(0, 10)]
    public int MaxRedirects { get; set; } = FetchingDefaults.MaxRedirects;

    /// <summary>Fetch each new item's page and extract the article. The default value is true.</summary>
    public bool FetchArticlePages { get; set; } = true;

    /// <summary>
    /// Refuse connections to loopback, private, link-local, CGNAT, multicast and unspecified addresses (and their
    /// IPv4-mapped, 6to4 and NAT64 forms), checked on the address actually connected. The default value is true.
    /// </summary>
    public bool BlockPrivateAddresses { get; set; } = true;

    /// <summary>"host:port" entries exempt from the private-address guard (internal feeds, test rigs). The default is none.</summary>
    public List<string> AllowedPrivateHosts { get; set; } = [];

    /// <summary>
    /// The HTTP proxy every fetch goes through, http and https URLs alike (https by CONNECT): <c>http://host:port</c>,
    /// with <c>http://user:password@host:port</c> for a proxy that asks for credentials (percent-encoded). When set, it
    /// wins over the proxy environment variables. The private-address guard still judges each target before it is
    /// sent to the proxy. The default is none.
    /// </summary>
    public string? Proxy { get; set; }

    /// <summary>Hosts fetched directly instead of through <see cref="Proxy"/>, written as NO_PROXY entries (example.com, .corp, 10.0.0.0/8, host:port, *); loopback is always direct. The default is none.</summary>
    public List<string> ProxyBypass { get; set; } = [];

    /// <summary>
    /// When <see cref="Proxy"/> is not set, use HTTP_PROXY (http URLs), HTTPS_PROXY (https URLs) and NO_PROXY from the
    /// environment, as curl and .NET do. The default value is true: a proxy variable is set on purpose, and a worker
    /// that ignored it would fail to fetch anything on a network that only lets the proxy out.
    /// </summary>
    public bool UseEnvironmentProxy { get; set; } = true;

    /// <summary>Least time between the start of two requests to one host. The default value is zero (the concurrency cap alone).</summary>
    [DurationRange("0s", "10m")]
    public TimeSpan MinDelayPerHost { get; set; } = TimeSpan.Zero;

    /// <summary>Longest Retry-After honoured; a server asking for more gets this. The default value is 6 hours.</summary>
    [DurationRange("1s", "7d")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// Apply a Retry-After to every URL on the answering host, not just the URL that got it. The default value is
    /// false: many feeds often share one host (every newsfarm site does, as do blog platforms), and one feed's 429
    /// would then stall all of them, while the per-host concurrency cap and delay already keep the host's load bounded.
    /// </summary>
    public bool RetryAfterAppliesToWholeHost { get; set; }

    /// <summary>Honour robots.txt for article pages (never for feeds, which are published to be polled). The default value is true.</summary>
    public bool RespectRobotsTxt { get; set; } = true;

    /// <summary>How long a host's robots.txt is cached. The default value is 1 hour.</summary>
    [DurationRange("1s", "7d")]
    public TimeSpan RobotsTxtCacheDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Cross-field and format rules DataAnnotations cannot state: every AllowedPrivateHosts entry is host:port, Proxy is
    /// an http:// proxy URL, and ProxyBypass entries are readable and only given with a Proxy.
    /// </summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Proxy) && !ProxyAddress.TryParse(Proxy, out _, out var proxyError))
        {
            yield return OptionsPath.Error(validationContext, nameof(Proxy), proxyError);
        }

        for (var i = 0; i < ProxyBypass.Count; i++)
        {
            if (!ProxyBypassList.TryCreate([ProxyBypass[i]], out _, out _))
            {
                yield return OptionsPath.Error(validationContext, nameof(ProxyBypass), i, ProxyBypassList.EntryRule);
            }
        }

        if (ProxyBypass.Count > 0 && string.IsNullOrWhiteSpace(Proxy))
        {
            yield return OptionsPath.Error(validationContext, nameof(ProxyBypass),
                "applies to Proxy only, which is not set (the environment's proxies go with NO_PROXY)");
        }

        for (var i = 0; i < AllowedPrivateHosts.Count; i++)
        {
            var entry = AllowedPrivateHosts[i];
            if (!PrivateAddressGuard.TryParseHostPort(entry, out _, out _))
            {
                yield return OptionsPath.Error(validationContext, nameof(AllowedPrivateHosts), i,
                    $"'{entry}' is not host:port (for example 127.0.0.1:8080, or [::1]:8080 for IPv6)");
            }
        }
    }
}
