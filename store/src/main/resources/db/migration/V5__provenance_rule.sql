-- Which payloads raw_payloads links, from this version on (older rows stay as they were written).
--
-- A row per (item, payload) was written for every item of every record: a flagged post took 3.4
-- rows (the post, its author, its mentions, reply and share), and that insert was a third of the
-- server's time on the triage path. Most of those rows said nothing new:
--   * a mention, reply or share comes from its post's own record, so its provenance IS the post's
--     row (same digest, same file and position): it gets a row only when its post is not in the
--     same record;
--   * an account or a media item is stored once and never updated (ON CONFLICT DO NOTHING), so the
--     payload that stored it is the only one its stored values came from: it gets a row only from
--     the write that inserted it;
--   * a post gets a row for every payload it is seen in (seen again elsewhere is part of its chain
--     of custody), and so does a follow, which has no post to stand for it.
-- Every stored post, account, media item and follow still has at least one row, and a replayed
-- payload adds none (the key is unchanged).
COMMENT ON TABLE raw_payloads IS
  'Payload of each stored item: posts and follows for every payload they come in; accounts and media only for the payload whose write stored them; mentions, replies and shares only when their post is not in the same record (the post''s row is theirs otherwise). See V5__provenance_rule.sql.';
