using FeedHarvester.Settings;

namespace FeedHarvester.Fetching;

/// <summary>
/// Which proxy fetches use, decided once at start-up from <see cref="FetchingOptions"/> and the environment:
/// <see cref="FetchingOptions.Proxy"/> when set (with <see cref="FetchingOptions.ProxyBypass"/>), else, when
/// <see cref="FetchingOptions.UseEnvironmentProxy"/> is on, HTTP_PROXY for http URLs, HTTPS_PROXY for https URLs
/// and NO_PROXY, each read in lower or upper case; else none. A variable set and not used is named in a note, a
/// variable that cannot be used is an error, so no proxy setting is ever silently ignored.
/// </summary>
public sealed class ProxySelection
{
    /// <summary>The proxy variables read, each as its lower- and upper-case spelling.</summary>
    private static readonly (string Lower, string Upper) HttpVariable = ("http_proxy", "HTTP_PROXY");
    private static readonly (string Lower, string Upper) HttpsVariable = ("https_proxy", "HTTPS_PROXY");
    private static readonly (string Lower, string Upper) NoProxyVariable = ("no_proxy", "NO_PROXY");

    // Set by other tools' users (often to a SOCKS proxy); never read, but worth saying so.
    private static readonly (string Lower, string Upper) AllProxyVariable = ("all_proxy", "ALL_PROXY");

    private const string ProxyKey = FetchingOptions.SectionName + ":" + nameof(FetchingOptions.Proxy);
    private const string EnvironmentKey = FetchingOptions.SectionName + ":" + nameof(FetchingOptions.UseEnvironmentProxy);

    private ProxySelection(FetchProxy? proxy, string summary, IReadOnlyList<ProxyVariableError> errors, IReadOnlyList<string> notes)
    {
        Proxy = proxy;
        Summary = summary;
        Errors = errors;
        Notes = notes;
    }

    /// <summary>Direct connections, no proxy: what a caller gets that never asked about proxies.</summary>
    public static ProxySelection None { get; } = new(null, "Fetching directly: no proxy", [], []);

    /// <summary>The proxy to use, or null for direct connections (also when <see cref="Errors"/> is not empty).</summary>
    public FetchProxy? Proxy { get; }

    /// <summary>One line for the start-up log: which proxy is used for which URLs and from which setting, never with credentials.</summary>
    public string Summary { get; }

    /// <summary>Environment variables that are set to something the worker cannot use; each is a start-up error.</summary>
    public IReadOnlyList<ProxyVariableError> Errors { get; }

    /// <summary>Proxy variables that are set but not used, and why.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The selection for <paramref name="options"/>, which must have passed validation (a bad Proxy there is left to it).</summary>
    /// <param name="environment">Reads one environment variable (null when unset); <see cref="Environment.GetEnvironmentVariable(string)"/> in production.</param>
    public static ProxySelection Select(FetchingOptions options, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var variables = new ProxyVariables(environment);
        var set = variables.NamesSet(HttpVariable, HttpsVariable, NoProxyVariable, AllProxyVariable);
        if (!string.IsNullOrWhiteSpace(options.Proxy))
        {
            IReadOnlyList<string> notes = set.Count == 0 ? [] : [$"{string.Join(", ", set)} set in the environment but not used: {ProxyKey} is set, and wins"];
            return FromOption(options, notes);
        }

        if (!options.UseEnvironmentProxy)
        {
            IReadOnlyList<string> notes = set.Count == 0 ? [] : [$"{string.Join(", ", set)} set in the environment but not used: {EnvironmentKey} is false"];
            return new ProxySelection(null, $"Fetching directly: no proxy ({ProxyKey} is not set, {EnvironmentKey} is false)", [], notes);
        }

        return FromEnvironment(variables);
    }

    private static ProxySelection FromOption(FetchingOptions options, IReadOnlyList<string> notes)
    {
        if (!ProxyAddress.TryParse(options.Proxy!, out var proxy, out _)
            || !ProxyBypassList.TryCreate(options.ProxyBypass, out var bypass, out _))
        {
            return new ProxySelection(null, "Fetching directly: the proxy options are invalid", [], notes);
        }

        return new ProxySelection(new FetchProxy(proxy, proxy, bypass),
            $"Fetching through proxy {proxy!.Display} for http and https URLs ({ProxyKey}); direct: {bypass}", [], notes);
    }

    private static ProxySelection FromEnvironment(ProxyVariables variables)
    {
        var errors = new List<ProxyVariableError>();
        var http = variables.Proxy(HttpVariable, errors);
        var https = variables.Proxy(HttpsVariable, errors);
        var bypass = ProxyBypassList.None;
        if (variables.Read(NoProxyVariable, errors) is { } noProxy
            && !ProxyBypassList.TryCreate(ProxyBypassList.Split(noProxy.Value), out bypass, out var error))
        {
            errors.Add(new ProxyVariableError(noProxy.Name, $"entry {error}"));
        }

        var all = variables.NamesSet(AllProxyVariable);
        IReadOnlyList<string> notes = all.Count == 0 ? [] : [$"{all[0]} set in the environment but not read: only HTTP_PROXY, HTTPS_PROXY and NO_PROXY are"];
        if (errors.Count > 0)
        {
            return new ProxySelection(null, "Fetching directly: the proxy variables are invalid", errors, notes);
        }

        if (http is null && https is null)
        {
            return new ProxySelection(null, $"Fetching directly: no proxy ({ProxyKey} is not set, and neither HTTP_PROXY nor HTTPS_PROXY is)", [], notes);
        }

        var summary = $"Fetching through proxy {Route(http, "http")}, {Route(https, "https")}; direct: {bypass}";
        return new ProxySelection(new FetchProxy(http?.Address, https?.Address, bypass), summary, [], notes);
    }

    private static string Route((string Name, ProxyAddress Address)? proxy, string scheme) => proxy is { } p
        ? $"{p.Address.Display} for {scheme} URLs ({p.Name})"
        : $"none for {scheme} URLs (no {scheme.ToUpperInvariant()}_PROXY, so they go direct)";

    /// <summary>The environment as the proxy variables are read from it: lower case first, as curl does; both spellings set differently is an error.</summary>
    private sealed class ProxyVariables(Func<string, string?> environment)
    {
        public List<string> NamesSet(params (string Lower, string Upper)[] variables) =>
            [.. variables.SelectMany(v => new[] { v.Lower, v.Upper }).Where(name => !string.IsNullOrWhiteSpace(environment(name))).Distinct(StringComparer.Ordinal)];

        public (string Name, string Value)? Read((string Lower, string Upper) variable, List<ProxyVariableError> errors)
        {
            var lower = environment(variable.Lower);
            var upper = environment(variable.Upper);
            if (string.IsNullOrWhiteSpace(lower))
            {
                return string.IsNullOrWhiteSpace(upper) ? null : (variable.Upper, upper);
            }

            if (!string.IsNullOrWhiteSpace(upper) && !string.Equals(lower.Trim(), upper.Trim(), StringComparison.Ordinal))
            {
                errors.Add(new ProxyVariableError(variable.Upper,
                    $"{variable.Lower} and {variable.Upper} are both set, to different values ('{UrlCredentials.Redact(lower)}' and '{UrlCredentials.Redact(upper)}'); unset one"));
            }

            return (variable.Lower, lower);
        }

        public (string Name, ProxyAddress Address)? Proxy((string Lower, string Upper) variable, List<ProxyVariableError> errors)
        {
            if (Read(variable, errors) is not { } read)
            {
                return null;
            }

            if (ProxyAddress.TryParse(read.Value, out var address, out var error))
            {
                return (read.Name, address!);
            }

            errors.Add(new ProxyVariableError(read.Name, $"{error} (got '{UrlCredentials.Redact(read.Value)}')"));
            return null;
        }
    }
}
