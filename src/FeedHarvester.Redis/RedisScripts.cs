namespace FeedHarvester.Redis;

/// <summary>
/// The server-side scripts. Sent with EVALSHA once the server has them (StackExchange.Redis caches each script's SHA-1 and
/// falls back to EVAL on NOSCRIPT, e.g. after a Redis restart); a script runs atomically, nothing else runs in between.
/// </summary>
internal static class RedisScripts
{
    /// <summary>
    /// The claim. Checks every seen key in the order given and, only when none exists, adds the article to the stream
    /// (trimming it) and records every key with a TTL, so the stream entry and the keys exist together or not at all.
    /// KEYS[1] the stream, KEYS[2..] the seen keys; ARGV[1] article id, ARGV[2] schema version, ARGV[3] article JSON,
    /// ARGV[4] "MINID" or "MAXLEN", ARGV[5] retention in milliseconds (MINID) or entry count (MAXLEN), ARGV[6] key TTL in seconds.
    /// Returns the new entry id (a string), or the 1-based position among the seen keys of the first one found (an integer).
    /// MINID is computed from the server's clock, the same clock that stamps entry ids, so a skewed worker clock can never
    /// trim the entry just added.
    /// </summary>
    public const string Claim = """
        for i = 2, #KEYS do
          if redis.call('EXISTS', KEYS[i]) == 1 then
            return i - 1
          end
        end
        local threshold = ARGV[5]
        if ARGV[4] == 'MINID' then
          local now = redis.call('TIME')
          local nowMs = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
          threshold = string.format('%.0f', math.max(0, nowMs - tonumber(ARGV[5])))
        end
        local entry = redis.call('XADD', KEYS[1], ARGV[4], '~', threshold, '*',
          'id', ARGV[1], 'schema_version', ARGV[2], 'article', ARGV[3])
        local seen = ARGV[1] .. ' ' .. entry
        for i = 2, #KEYS do
          redis.call('SET', KEYS[i], seen, 'EX', ARGV[6])
        end
        return entry
        """;

    /// <summary>
    /// Compare-and-delete of a poll lease: deletes KEYS[1] only while it still holds this holder's token ARGV[1], so a
    /// holder whose lease already expired (and was taken by another worker) cannot release the other worker's lease.
    /// Returns 1 when released, 0 when the lease was no longer this holder's.
    /// </summary>
    public const string ReleaseLease = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          return redis.call('DEL', KEYS[1])
        end
        return 0
        """;

    /// <summary>
    /// Compare-and-extend of a poll lease: sets KEYS[1] to expire ARGV[2] milliseconds from now only while it still holds
    /// this holder's token ARGV[1]. Returns 1 when extended, 0 when the lease was no longer this holder's.
    /// </summary>
    public const string RenewLease = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          return redis.call('PEXPIRE', KEYS[1], ARGV[2])
        end
        return 0
        """;
}
