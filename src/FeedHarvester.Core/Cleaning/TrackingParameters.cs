using System.Collections.Frozen;

namespace FeedHarvester.Cleaning;

/// <summary>
/// Query parameters that only track a click and never change what a URL points to.
/// Drawn from the ClearURLs "globalRules" list (gitlab.com/ClearURLs/rules, data.min.json),
/// Firefox's query-parameter stripping list (Enhanced Tracking Protection, strip-on-share) and
/// Miniflux's internal/reader/urlcleaner list. Kept to parameters no site uses for content.
/// </summary>
internal static class TrackingParameters
{
    /// <summary>Any parameter starting with one of these is tracking (Google Analytics campaign family and kin).</summary>
    public static readonly string[] Prefixes = ["utm_", "__hs", "_hs", "mtm_", "pk_", "matomo_", "piwik_", "stm_"];

    /// <summary>Exact names, compared case-insensitively.</summary>
    public static readonly FrozenSet<string> Names = FrozenSet.ToFrozenSet(
    [
        // Ad-click identifiers: Google, Meta, Microsoft, Yandex, TikTok, Twitter/X, LinkedIn.
        "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "fbclid", "msclkid", "yclid", "ttclid", "twclid", "li_fat_id",
        "igshid", "epik", "srsltid",
        // E-mail campaign identifiers: Mailchimp, HubSpot, Marketo, Vero, MailerLite, Oracle Eloqua.
        "mc_cid", "mc_eid", "hsctatracking", "mkt_tok", "vero_id", "vero_conv", "ml_subscriber", "ml_subscriber_hash",
        "elqtrackid", "elqtrack",
        // Analytics linkers and referral tags.
        "_ga", "_gl", "_openstat", "oly_anon_id", "oly_enc_id", "rb_clickid", "s_cid", "wickedid", "ref_src", "ref_url",
    ], StringComparer.OrdinalIgnoreCase);

    public static bool IsTracking(string name)
    {
        if (Names.Contains(name))
        {
            return true;
        }

        foreach (var prefix in Prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
