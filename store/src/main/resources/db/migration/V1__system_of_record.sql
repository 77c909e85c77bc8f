-- The system of record. Every observed item is keyed by (platform, native id); ids given by the
-- store are surrogate keys used only for joins. Timestamps are timestamptz (microseconds).

-- Shared guard for append-only tables: a correction is a new row, never an edit.
CREATE FUNCTION refuse_change_to_append_only_table() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% on %: this table is append-only; record a correction as a new row', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'integrity_constraint_violation';
END
$$;

-- Observations ---------------------------------------------------------------------------------

CREATE TABLE accounts (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  platform     text NOT NULL,
  native_id    text NOT NULL,
  handle       text NOT NULL,
  display_name text,
  bio          text,
  created_at   timestamptz,
  followers    bigint,
  following    bigint,
  avatar_url   text,
  profile_url  text,
  links        text[] NOT NULL DEFAULT '{}',
  stored_at    timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT accounts_natural_key UNIQUE (platform, native_id)
);
CREATE INDEX accounts_by_handle ON accounts (platform, lower(handle));

CREATE TABLE posts (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  platform         text NOT NULL,
  native_id        text NOT NULL,
  -- the author is on the post's platform (core enforces it); the account row may be absent
  author_native_id text NOT NULL,
  posted_at        timestamptz NOT NULL,
  -- PostgreSQL text cannot hold U+0000 or unpaired surrogates: such text is kept exactly in
  -- text_exact (UTF-16BE) and text holds a searchable copy with U+FFFD in their place
  text             text NOT NULL,
  text_exact       bytea,
  language         text,
  url              text,
  hashtags         text[] NOT NULL DEFAULT '{}',
  mentions         text[] NOT NULL DEFAULT '{}',
  links            text[] NOT NULL DEFAULT '{}',
  -- [{"kind":"REPLY_TO","platform":"x","id":"123"}, ...] in the post's order
  post_references  jsonb NOT NULL DEFAULT '[]',
  stored_at        timestamptz NOT NULL DEFAULT now(),
  assessed_at      timestamptz,
  CONSTRAINT posts_natural_key UNIQUE (platform, native_id)
);
CREATE INDEX posts_by_author ON posts (platform, author_native_id, posted_at);
-- the assessment inbox: small, since assessed posts leave it
CREATE INDEX posts_unassessed ON posts (posted_at, id) WHERE assessed_at IS NULL;

CREATE TABLE media (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  platform         text NOT NULL,
  native_id        text NOT NULL,
  kind             text NOT NULL CHECK (kind IN ('IMAGE', 'VIDEO', 'ANIMATED_GIF', 'AUDIO', 'DOCUMENT')),
  location         text,
  preview_location text,
  width            integer,
  height           integer,
  stored_at        timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT media_natural_key UNIQUE (platform, native_id)
);

-- A post's media, in order. The media row may not be stored (yet), so the link names the media by
-- its natural key rather than by a foreign key.
CREATE TABLE post_media (
  post_id         bigint NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  ordinal         integer NOT NULL,
  media_platform  text NOT NULL,
  media_native_id text NOT NULL,
  PRIMARY KEY (post_id, ordinal)
);
CREATE INDEX post_media_by_media ON post_media (media_platform, media_native_id);

-- Media hashes computed over archived bytes: media key -> hash type -> value.
CREATE TABLE media_fingerprints (
  media_platform  text NOT NULL,
  media_native_id text NOT NULL,
  hash_type       text NOT NULL,
  hash_value      text NOT NULL,
  computed_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (media_platform, media_native_id, hash_type)
);
CREATE INDEX media_fingerprints_by_value ON media_fingerprints (hash_type, hash_value);

-- Interactions: one table per kind, each keyed by its natural key. All account and post ids of an
-- interaction are on its platform.
CREATE TABLE follows (
  platform     text NOT NULL,
  from_id      text NOT NULL,
  to_id        text NOT NULL,
  followed_at  timestamptz,
  stored_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (platform, from_id, to_id)
);
CREATE INDEX follows_by_target ON follows (platform, to_id);

CREATE TABLE mentions (
  platform     text NOT NULL,
  post_id      text NOT NULL,
  to_handle    text NOT NULL,
  from_id      text NOT NULL,
  to_id        text,
  mentioned_at timestamptz NOT NULL,
  stored_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (platform, post_id, to_handle)
);
CREATE INDEX mentions_by_target ON mentions (platform, to_id);

CREATE TABLE replies (
  platform       text NOT NULL,
  post_id        text NOT NULL,
  from_id        text NOT NULL,
  to_id          text,
  in_reply_to_id text NOT NULL,
  replied_at     timestamptz NOT NULL,
  stored_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (platform, post_id)
);
CREATE INDEX replies_by_target ON replies (platform, to_id);

CREATE TABLE shares (
  platform           text NOT NULL,
  post_id            text NOT NULL,
  from_id            text NOT NULL,
  kind               text NOT NULL CHECK (kind IN ('REPOST', 'QUOTE', 'FORWARD')),
  original_id        text,
  original_author_id text,
  origin_name        text,
  shared_at          timestamptz NOT NULL,
  stored_at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (platform, post_id)
);
CREATE INDEX shares_by_original ON shares (platform, original_id);

-- Which raw payload each observation came from: the link from the store to the evidence archive.
-- One row per (item, payload): the same item seen again in another payload adds a row. The key
-- leads with the item (its chain of custody is what a case shows); this table takes a row per item
-- written, so it has no other index.
CREATE TABLE raw_payloads (
  platform       text NOT NULL,
  item_kind      text NOT NULL CHECK (item_kind IN ('account', 'post', 'media', 'follow', 'mention', 'reply', 'share')),
  item_key       text NOT NULL,
  payload_digest bytea NOT NULL CHECK (length(payload_digest) = 32),
  source         text NOT NULL,
  file           text NOT NULL,
  record_index   bigint NOT NULL,
  byte_offset    bigint,
  observed_at    timestamptz NOT NULL,
  PRIMARY KEY (platform, item_kind, item_key, payload_digest)
);

-- Quarantine ------------------------------------------------------------------------------------

CREATE TABLE quarantine (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source         text NOT NULL,
  file           text NOT NULL,
  record_index   bigint NOT NULL,
  byte_offset    bigint,
  reason         text NOT NULL CHECK (reason IN ('MALFORMED_JSON', 'INVALID_ENCODING', 'TOO_LARGE', 'MISSING_FIELD', 'INVALID_FIELD', 'UNSUPPORTED')),
  detail         text NOT NULL,
  excerpt        bytea NOT NULL,
  size           bigint,
  quarantined_at timestamptz NOT NULL
);
CREATE INDEX quarantine_by_source ON quarantine (source, reason);

-- Evidence --------------------------------------------------------------------------------------

-- The bytes live in files named by their digest; this is their chain of custody.
CREATE TABLE evidence_provenance (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  digest        char(64) NOT NULL,
  size          bigint NOT NULL,
  obtained_from text NOT NULL,
  source        text NOT NULL,
  obtained_at   timestamptz NOT NULL,
  media_type    text NOT NULL,
  recorded_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX evidence_provenance_by_digest ON evidence_provenance (digest);
CREATE TRIGGER evidence_provenance_append_only BEFORE UPDATE OR DELETE ON evidence_provenance
  FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only_table();
CREATE TRIGGER evidence_provenance_no_truncate BEFORE TRUNCATE ON evidence_provenance
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only_table();

-- Assessments and cases -------------------------------------------------------------------------

CREATE TABLE assessments (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  subject_kind text NOT NULL CHECK (subject_kind IN ('POST', 'ACCOUNT')),
  platform     text NOT NULL,
  subject_id   text NOT NULL,
  score        double precision NOT NULL CHECK (score >= 0 AND score <= 1),
  flagged      boolean NOT NULL,
  tier         text CHECK (tier IN ('THREAT_TO_LIFE', 'GRAPHIC_VIOLENCE', 'OFFICIAL_PROPAGANDA', 'PROMOTIONAL')),
  explanation  text NOT NULL,
  -- [{"subject":{"kind","platform","id"},"kind","strength","tier","reason","evidence":{}}, ...]
  signals      jsonb NOT NULL,
  assessed_at  timestamptz NOT NULL,
  -- one judgement of a subject per instant: recording it again (inbox, then case) stores it once
  CONSTRAINT assessments_once UNIQUE (subject_kind, platform, subject_id, assessed_at)
);
CREATE INDEX assessments_flagged ON assessments (assessed_at) WHERE flagged;

CREATE TABLE cases (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  subject_kind  text NOT NULL CHECK (subject_kind IN ('POST', 'ACCOUNT')),
  platform      text NOT NULL,
  subject_id    text NOT NULL,
  state         text NOT NULL CHECK (state IN ('OPEN', 'REFERRED', 'DISMISSED')),
  priority      double precision NOT NULL,
  tier          text CHECK (tier IN ('THREAT_TO_LIFE', 'GRAPHIC_VIOLENCE', 'OFFICIAL_PROPAGANDA', 'PROMOTIONAL')),
  first_seen    timestamptz NOT NULL,
  assessment_id bigint NOT NULL REFERENCES assessments (id),
  opened_at     timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
-- one open case per subject; decided cases stay as history
CREATE UNIQUE INDEX cases_one_open_per_subject ON cases (subject_kind, platform, subject_id) WHERE state = 'OPEN';
CREATE INDEX cases_queue ON cases (priority DESC, first_seen, id) WHERE state = 'OPEN';
CREATE INDEX cases_by_subject ON cases (subject_kind, platform, subject_id, id);

CREATE TABLE decisions (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id     bigint NOT NULL REFERENCES cases (id),
  kind        text NOT NULL CHECK (kind IN ('refer', 'dismiss')),
  category    text,
  actor       text NOT NULL,
  reason      text NOT NULL CHECK (reason <> ''),
  decided_at  timestamptz NOT NULL,
  new_state   text NOT NULL CHECK (new_state IN ('OPEN', 'REFERRED', 'DISMISSED')),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'refer') = (category IS NOT NULL))
);
CREATE INDEX decisions_by_case ON decisions (case_id, id);
CREATE TRIGGER decisions_append_only BEFORE UPDATE OR DELETE ON decisions
  FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only_table();
CREATE TRIGGER decisions_no_truncate BEFORE TRUNCATE ON decisions
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only_table();

-- Requests to platforms -------------------------------------------------------------------------

CREATE TABLE requests (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  type              text NOT NULL CHECK (type IN ('referral', 'removal_order')),
  platform          text NOT NULL,
  case_id           bigint NOT NULL REFERENCES cases (id),
  subject_kind      text NOT NULL CHECK (subject_kind IN ('POST', 'ACCOUNT')),
  subject_platform  text NOT NULL,
  subject_id        text NOT NULL,
  urls              text[] NOT NULL,
  category          text NOT NULL,
  idempotency_key   text NOT NULL,
  -- removal orders only
  issuing_authority text,
  reference         text,
  -- the last entry of the history, kept here to find requests by status
  status            text NOT NULL CHECK (status IN ('PENDING', 'SENT', 'ACKNOWLEDGED', 'REMOVED', 'REJECTED', 'FAILED')),
  created_at        timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT requests_idempotency_key UNIQUE (idempotency_key),
  CHECK ((type = 'removal_order') = (issuing_authority IS NOT NULL AND reference IS NOT NULL))
);
CREATE INDEX requests_by_status ON requests (status, id);
CREATE INDEX requests_by_case ON requests (case_id);

CREATE TABLE request_status_history (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  request_id bigint NOT NULL REFERENCES requests (id),
  status     text NOT NULL CHECK (status IN ('PENDING', 'SENT', 'ACKNOWLEDGED', 'REMOVED', 'REJECTED', 'FAILED')),
  changed_at timestamptz NOT NULL,
  detail     text NOT NULL
);
CREATE INDEX request_status_history_by_request ON request_status_history (request_id, id);
CREATE TRIGGER request_status_history_append_only BEFORE UPDATE OR DELETE ON request_status_history
  FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only_table();
