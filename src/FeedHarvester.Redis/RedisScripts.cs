namespace FeedHarvester.Redis;

/// <summary>
/// The server-side scripts. Sent with EVALSHA once the server has them (StackExchange.Redis caches each script's SHA-1 and
/// falls back to EVAL on NOSCRIPT, e.g. after a Redis restart); a script runs atomically, nothing else runs in between.
/// </summary>
internal static class RedisScripts
{
    /// <summary>
    /// The claim: exact keys, near-copy lookup, stream entry, seen keys and index update in one script, so the stream entry,
    /// the keys and the index entry exist together or not at all, and two workers claiming two copies of one story cannot
    /// both find the index empty. Every check comes before the first write: a script that fails (an error reply) has
    /// changed nothing, since Redis does not roll back the writes of a failing script.
    /// <list type="number">
    /// <item>If any seen key exists: returns the 1-based position among the seen keys of the first one found (an integer).</item>
    /// <item>With a near-duplicate policy: every distinct article id in the band buckets is a candidate (bands in order,
    /// newest first within a bucket); its signature is compared position by position, a candidate whose signature has
    /// expired is skipped, and the most similar at or above the threshold wins (the first one on a tie).</item>
    /// <item>A match under "drop": records the seen keys and returns {"dropped", "", story id, matched id, equal positions};
    /// no stream entry, and the copy does not join the index.</item>
    /// <item>Otherwise XADDs (trimming the stream) the record, rewritten for a match to carry the story's id and the
    /// matched article's id, records the seen keys, indexes the article and returns {"linked" or "new", entry id, story id,
    /// matched id or "", equal positions or 0}.</item>
    /// </list>
    /// The index: per article a string, its signature's 512 bytes followed by its story id; per band bucket a string of at
    /// most ARGV[13] article ids, newest first, separated by spaces (a string rather than a list: all buckets read in one
    /// MGET and each written with one SET, where a list takes LRANGE, LPUSH, LTRIM and EXPIRE, and less than two thirds
    /// of the memory, see deploy/redis/README.md).
    /// Seen keys get their TTL (ARGV[6]), index keys theirs (ARGV[14], at most the seen keys'); a bucket's is renewed by each
    /// article that joins it.
    /// KEYS[1] the stream, KEYS[2 .. n+1] the n seen keys, then (with a policy) KEYS[n+2] the article's signature key and
    /// KEYS[n+3 ..] its band buckets. ARGV[1] article id, ARGV[2] schema version, ARGV[3] article JSON (story_id = the
    /// article's own id, duplicate_of null), ARGV[4] "MINID" or "MAXLEN", ARGV[5] retention in milliseconds (MINID) or
    /// entry count (MAXLEN), ARGV[6] TTL in seconds of every key written, ARGV[7] the article's story id, ARGV[8] n,
    /// ARGV[9] policy ("", "link" or "drop"), ARGV[10] equal positions needed for a match, ARGV[11] the signature
    /// (<see cref="FeedHarvester.Deduplication.NearDuplicates.StorySignature.ToBytes"/>), ARGV[12] the signature key
    /// prefix, ARGV[13] the most article ids a bucket keeps, ARGV[14] TTL in seconds of the index keys.
    /// A candidate's signature key is built here from its id, not declared in KEYS (the ids are only known once the
    /// buckets are read): that is fine on a single Redis, but not what Redis Cluster requires, so with near-duplicate
    /// checks Redis mode is single-instance (replicas allowed) only.
    /// MINID is computed from the server's clock, the same clock that stamps entry ids, so a skewed worker clock can never
    /// trim the entry just added.
    /// </summary>
    public const string Claim = """
        local seenCount = tonumber(ARGV[8])
        for i = 2, seenCount + 1 do
          if redis.call('EXISTS', KEYS[i]) == 1 then
            return i - 1
          end
        end
        local ttl = ARGV[6]
        local policy = ARGV[9]
        local storyId = ARGV[7]
        local matchedId = ''
        local bestEqual = -1
        local buckets = {}
        if policy ~= '' then
          local signature = ARGV[11]
          local needed = tonumber(ARGV[10])
          local compared = { [ARGV[1]] = true }
          buckets = redis.call('MGET', unpack(KEYS, seenCount + 3))
          for b = 1, #buckets do
            for id in string.gmatch(buckets[b] or '', '%S+') do
              if not compared[id] then
                compared[id] = true
                -- Built from the id rather than declared in KEYS: single instance only, see above.
                local stored = redis.call('GET', ARGV[12] .. id)
                if stored and #stored > #signature then
                  local equal = 0
                  for p = 1, #signature, 4 do
                    if string.sub(signature, p, p + 3) == string.sub(stored, p, p + 3) then
                      equal = equal + 1
                    end
                  end
                  if equal >= needed and equal > bestEqual then
                    bestEqual = equal
                    matchedId = id
                    storyId = string.sub(stored, #signature + 1)
                  end
                end
              end
            end
          end
        end
        if matchedId ~= '' and policy == 'drop' then
          for i = 2, seenCount + 1 do
            redis.call('SET', KEYS[i], ARGV[1] .. ' dropped:' .. matchedId, 'EX', ttl)
          end
          return { 'dropped', '', storyId, matchedId, bestEqual }
        end
        local record = ARGV[3]
        if matchedId ~= '' then
          -- A JSON string value never holds an unescaped quote, so this text occurs only as the two properties themselves.
          local unlinked = '"story_id":"' .. ARGV[1] .. '","duplicate_of":null'
          local from, to = string.find(record, unlinked, 1, true)
          if not from then
            return redis.error_reply('ERR article ' .. ARGV[1] .. ': the record has no unlinked story_id to rewrite')
          end
          record = string.sub(record, 1, from - 1) .. '"story_id":"' .. storyId .. '","duplicate_of":"' .. matchedId .. '"'
            .. string.sub(record, to + 1)
        end
        local threshold = ARGV[5]
        if ARGV[4] == 'MINID' then
          local now = redis.call('TIME')
          local nowMs = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
          threshold = string.format('%.0f', math.max(0, nowMs - tonumber(ARGV[5])))
        end
        local entry
        if matchedId ~= '' then
          entry = redis.call('XADD', KEYS[1], ARGV[4], '~', threshold, '*',
            'id', ARGV[1], 'schema_version', ARGV[2], 'article', record, 'story_id', storyId, 'duplicate_of', matchedId)
        else
          entry = redis.call('XADD', KEYS[1], ARGV[4], '~', threshold, '*',
            'id', ARGV[1], 'schema_version', ARGV[2], 'article', record, 'story_id', storyId)
        end
        local seen = ARGV[1] .. ' ' .. entry
        for i = 2, seenCount + 1 do
          redis.call('SET', KEYS[i], seen, 'EX', ttl)
        end
        if policy ~= '' then
          redis.call('SET', KEYS[seenCount + 2], ARGV[11] .. storyId, 'EX', ARGV[14])
          local keep = tonumber(ARGV[13]) - 1
          for b = 1, #buckets do
            local ids = ARGV[1]
            local kept = 0
            for id in string.gmatch(buckets[b] or '', '%S+') do
              if kept == keep then
                break
              end
              if id ~= ARGV[1] then
                ids = ids .. ' ' .. id
                kept = kept + 1
              end
            end
            redis.call('SET', KEYS[seenCount + 2 + b], ids, 'EX', ARGV[14])
          end
        end
        if matchedId ~= '' then
          return { 'linked', entry, storyId, matchedId, bestEqual }
        end
        return { 'new', entry, storyId, '', 0 }
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
