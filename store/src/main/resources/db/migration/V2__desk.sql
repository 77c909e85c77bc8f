-- The referral desk (module desk): decisions with four-eyes approval, national units and their
-- watch-list selectors, hits, deconfliction holds, requesters of deduplicated requests, removal
-- verification, platform complaints and the retention trail.
--
-- Append-only tables use desk_refuse_change(): like refuse_change_to_append_only_table() of V1, but
-- a DELETE is let through inside a transaction that declared itself the retention job
-- (SET LOCAL cordon.retention_purge = 'on'); an UPDATE never is.

CREATE FUNCTION desk_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND coalesce(current_setting('cordon.retention_purge', true), '') = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% on %: this table is append-only; record a correction as a new row', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'integrity_constraint_violation';
END
$$;

CREATE FUNCTION desk_refuse_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'TRUNCATE on %: this table is append-only', TG_TABLE_NAME
    USING ERRCODE = 'integrity_constraint_violation';
END
$$;

-- National units ---------------------------------------------------------------------------------

CREATE TABLE desk_units (
  name          text PRIMARY KEY CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9 ._-]{0,62}$'),
  registered_at timestamptz NOT NULL
);

-- Decisions and four-eyes ------------------------------------------------------------------------

CREATE TABLE desk_decisions (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id      bigint NOT NULL REFERENCES cases (id),
  kind         text NOT NULL CHECK (kind IN ('REFER', 'DISMISS', 'ESCALATE', 'HOLD')),
  request_type text CHECK (request_type IN ('REFERRAL', 'REMOVAL_ORDER')),
  category     text CHECK (category IN ('INCITES', 'GLORIFIES', 'SOLICITS', 'SOLICITS_PARTICIPATION', 'INSTRUCTS', 'THREATENS')),
  tier         text CHECK (tier IN ('THREAT_TO_LIFE', 'GRAPHIC_VIOLENCE', 'OFFICIAL_PROPAGANDA', 'PROMOTIONAL')),
  note         text NOT NULL CHECK (note <> ''),
  decided_by   text NOT NULL CHECK (decided_by <> ''),
  role         text NOT NULL CHECK (role IN ('ANALYST', 'SUPERVISOR', 'LIAISON')),
  unit         text REFERENCES desk_units (name),
  -- what approval the policy asked for when the decision was made
  approval     text NOT NULL CHECK (approval IN ('NONE', 'SECOND_PERSON', 'SUPERVISOR')),
  corrects     bigint REFERENCES desk_decisions (id),
  decided_at   timestamptz NOT NULL,
  CHECK ((kind = 'REFER') = (request_type IS NOT NULL AND category IS NOT NULL)),
  CHECK (kind = 'REFER' OR approval = 'NONE')
);
CREATE INDEX desk_decisions_by_case ON desk_decisions (case_id, id);
CREATE INDEX desk_decisions_awaiting ON desk_decisions (id) WHERE approval <> 'NONE';
CREATE TRIGGER desk_decisions_append_only BEFORE UPDATE OR DELETE ON desk_decisions
  FOR EACH ROW EXECUTE FUNCTION desk_refuse_change();
CREATE TRIGGER desk_decisions_no_truncate BEFORE TRUNCATE ON desk_decisions
  FOR EACH STATEMENT EXECUTE FUNCTION desk_refuse_truncate();

CREATE TABLE desk_approvals (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  decision_id bigint NOT NULL REFERENCES desk_decisions (id),
  verdict     text NOT NULL CHECK (verdict IN ('APPROVED', 'REFUSED')),
  approved_by text NOT NULL CHECK (approved_by <> ''),
  role        text NOT NULL CHECK (role IN ('ANALYST', 'SUPERVISOR')),
  reason      text NOT NULL CHECK (reason <> ''),
  approved_at timestamptz NOT NULL,
  -- one verdict per proposal: a second one would make "approved" depend on which row is read
  CONSTRAINT desk_approvals_once UNIQUE (decision_id)
);
CREATE TRIGGER desk_approvals_append_only BEFORE UPDATE OR DELETE ON desk_approvals
  FOR EACH ROW EXECUTE FUNCTION desk_refuse_change();
CREATE TRIGGER desk_approvals_no_truncate BEFORE TRUNCATE ON desk_approvals
  FOR EACH STATEMENT EXECUTE FUNCTION desk_refuse_truncate();

-- Four-eyes kept by the database too, so that no code path can approve its own proposal or let an
-- analyst approve what needs a supervisor.
CREATE FUNCTION desk_check_approval() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  proposal desk_decisions%ROWTYPE;
BEGIN
  SELECT * INTO proposal FROM desk_decisions WHERE id = NEW.decision_id;
  IF proposal.approval = 'NONE' THEN
    RAISE EXCEPTION 'decision % needs no approval', NEW.decision_id USING ERRCODE = 'check_violation';
  END IF;
  IF lower(proposal.decided_by) = lower(NEW.approved_by) THEN
    RAISE EXCEPTION 'four-eyes: % cannot approve their own proposal %', NEW.approved_by, NEW.decision_id USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.verdict = 'APPROVED' AND proposal.approval = 'SUPERVISOR' AND NEW.role <> 'SUPERVISOR' THEN
    RAISE EXCEPTION 'four-eyes: decision % needs a supervisor''s approval', NEW.decision_id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER desk_approvals_four_eyes BEFORE INSERT ON desk_approvals
  FOR EACH ROW EXECUTE FUNCTION desk_check_approval();

-- Which decisions (or approvals) let a request go out, and who asked for it. A request the desk
-- dispatches has at least one clearance; a proposal awaiting approval has none.
CREATE TABLE desk_requesters (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  request_id   bigint NOT NULL REFERENCES requests (id),
  decision_id  bigint NOT NULL REFERENCES desk_decisions (id),
  requested_by text NOT NULL,
  unit         text REFERENCES desk_units (name),
  requested_at timestamptz NOT NULL,
  CONSTRAINT desk_requesters_once UNIQUE (request_id, decision_id)
);
CREATE INDEX desk_requesters_by_request ON desk_requesters (request_id);
-- A requester is a cleared decision: a referral that needed no approval, or an approved one.
CREATE FUNCTION desk_check_requester() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM desk_decisions d LEFT JOIN desk_approvals a ON a.decision_id = d.id
                  WHERE d.id = NEW.decision_id AND d.kind = 'REFER' AND (d.approval = 'NONE' OR a.verdict = 'APPROVED')) THEN
    RAISE EXCEPTION 'four-eyes: decision % is not a cleared referral (it awaits approval, was refused, or is no referral)', NEW.decision_id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER desk_requesters_cleared BEFORE INSERT ON desk_requesters
  FOR EACH ROW EXECUTE FUNCTION desk_check_requester();
CREATE TRIGGER desk_requesters_append_only BEFORE UPDATE OR DELETE ON desk_requesters
  FOR EACH ROW EXECUTE FUNCTION desk_refuse_change();
CREATE TRIGGER desk_requesters_no_truncate BEFORE TRUNCATE ON desk_requesters
  FOR EACH STATEMENT EXECUTE FUNCTION desk_refuse_truncate();

-- Canonical URLs of a request, to meet a second referral of the same page under another subject.
CREATE TABLE desk_request_urls (
  request_id    bigint NOT NULL REFERENCES requests (id),
  platform      text NOT NULL,
  canonical_url text NOT NULL,
  PRIMARY KEY (request_id, canonical_url)
);
CREATE INDEX desk_request_urls_by_url ON desk_request_urls (platform, canonical_url);

-- Watch lists, hits, deconfliction ---------------------------------------------------------------

CREATE TABLE desk_selectors (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit                text NOT NULL REFERENCES desk_units (name),
  kind                text NOT NULL CHECK (kind IN ('HANDLE', 'URL', 'MEDIA_HASH', 'PHONE', 'EMAIL')),
  value               text NOT NULL,
  normalized          text NOT NULL CHECK (normalized <> ''),
  under_investigation boolean NOT NULL,
  note                text NOT NULL,
  added_by            text NOT NULL,
  added_at            timestamptz NOT NULL,
  changed_at          timestamptz NOT NULL,
  CONSTRAINT desk_selectors_once UNIQUE (unit, kind, normalized)
);
CREATE INDEX desk_selectors_by_value ON desk_selectors (kind, normalized);

CREATE TABLE desk_hits (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  selector_id  bigint NOT NULL REFERENCES desk_selectors (id),
  unit         text NOT NULL REFERENCES desk_units (name),
  subject_kind text NOT NULL CHECK (subject_kind IN ('POST', 'ACCOUNT', 'MEDIA')),
  platform     text NOT NULL,
  subject_id   text NOT NULL,
  matched      text NOT NULL,
  seen_at      timestamptz NOT NULL,
  -- the same item seen again is one hit, not a new one each time it is re-read
  CONSTRAINT desk_hits_once UNIQUE (selector_id, subject_kind, platform, subject_id)
);
CREATE INDEX desk_hits_by_unit ON desk_hits (unit, id);

CREATE TABLE desk_holds (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  request_id  bigint NOT NULL REFERENCES requests (id),
  selector_id bigint NOT NULL REFERENCES desk_selectors (id),
  unit        text NOT NULL REFERENCES desk_units (name),
  reason      text NOT NULL,
  placed_at   timestamptz NOT NULL,
  CONSTRAINT desk_holds_once UNIQUE (request_id, selector_id)
);
CREATE INDEX desk_holds_by_request ON desk_holds (request_id);
CREATE INDEX desk_holds_by_unit ON desk_holds (unit, id);
CREATE TRIGGER desk_holds_append_only BEFORE UPDATE OR DELETE ON desk_holds
  FOR EACH ROW EXECUTE FUNCTION desk_refuse_change();
CREATE TRIGGER desk_holds_no_truncate BEFORE TRUNCATE ON desk_holds
  FOR EACH STATEMENT EXECUTE FUNCTION desk_refuse_truncate();

-- The owner unit's answers to a hold, oldest first; the latest one counts. A hold is active until
-- its latest answer is RELEASE.
CREATE TABLE desk_hold_answers (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  hold_id     bigint NOT NULL REFERENCES desk_holds (id),
  answer      text NOT NULL CHECK (answer IN ('RELEASE', 'KEEP')),
  answered_by text NOT NULL,
  reason      text NOT NULL CHECK (reason <> ''),
  answered_at timestamptz NOT NULL
);
CREATE INDEX desk_hold_answers_by_hold ON desk_hold_answers (hold_id, id);
CREATE TRIGGER desk_hold_answers_append_only BEFORE UPDATE OR DELETE ON desk_hold_answers
  FOR EACH ROW EXECUTE FUNCTION desk_refuse_change();
CREATE TRIGGER desk_hold_answers_no_truncate BEFORE TRUNCATE ON desk_hold_answers
  FOR EACH STATEMENT EXECUTE FUNCTION desk_refuse_truncate();

CREATE TABLE desk_notifications (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit        text NOT NULL REFERENCES desk_units (name),
  kind        text NOT NULL CHECK (kind IN ('HOLD', 'HIT')),
  ref_id      bigint NOT NULL,
  message     text NOT NULL,
  created_at  timestamptz NOT NULL
);
CREATE INDEX desk_notifications_by_unit ON desk_notifications (unit, id);

-- Verification and platform events ---------------------------------------------------------------

CREATE TABLE desk_checks (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  request_id bigint NOT NULL REFERENCES requests (id),
  step       integer NOT NULL CHECK (step >= 0),
  outcome    text NOT NULL CHECK (outcome IN ('GONE', 'PRESENT', 'UNKNOWN')),
  detail     text NOT NULL,
  checked_at timestamptz NOT NULL
);
CREATE INDEX desk_checks_by_request ON desk_checks (request_id, id);
CREATE TRIGGER desk_checks_append_only BEFORE UPDATE OR DELETE ON desk_checks
  FOR EACH ROW EXECUTE FUNCTION desk_refuse_change();

-- Content that came back after removal, or the same media re-posted elsewhere.
CREATE TABLE desk_reopenings (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind         text NOT NULL CHECK (kind IN ('CONTENT_BACK', 'REPOST')),
  request_id   bigint NOT NULL REFERENCES requests (id),
  case_id      bigint NOT NULL REFERENCES cases (id),
  detail       text NOT NULL,
  reopened_at  timestamptz NOT NULL
);
CREATE INDEX desk_reopenings_by_request ON desk_reopenings (request_id);
CREATE TRIGGER desk_reopenings_append_only BEFORE UPDATE OR DELETE ON desk_reopenings
  FOR EACH ROW EXECUTE FUNCTION desk_refuse_change();

CREATE TABLE desk_platform_events (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  request_id  bigint NOT NULL REFERENCES requests (id),
  kind        text NOT NULL CHECK (kind IN ('COMPLAINT', 'REINSTATEMENT')),
  detail      text NOT NULL,
  reported_at timestamptz NOT NULL
);
CREATE TRIGGER desk_platform_events_append_only BEFORE UPDATE OR DELETE ON desk_platform_events
  FOR EACH ROW EXECUTE FUNCTION desk_refuse_change();

-- Evidence preserved for referred items, and the retention job's audit ---------------------------

CREATE TABLE desk_evidence (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id     bigint NOT NULL REFERENCES cases (id),
  digest      char(64) NOT NULL CHECK (digest ~ '^[0-9a-f]{64}$'),
  description text NOT NULL,
  kept_at     timestamptz NOT NULL,
  CONSTRAINT desk_evidence_once UNIQUE (case_id, digest)
);
CREATE TRIGGER desk_evidence_append_only BEFORE UPDATE OR DELETE ON desk_evidence
  FOR EACH ROW EXECUTE FUNCTION desk_refuse_change();

-- What the retention job purged: never purged itself.
CREATE TABLE desk_retention_audit (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id     bigint NOT NULL,
  subject     text NOT NULL,
  closed_at   timestamptz NOT NULL,
  purged_at   timestamptz NOT NULL,
  evidence    integer NOT NULL,
  decisions   integer NOT NULL,
  detail      text NOT NULL,
  CONSTRAINT desk_retention_audit_once UNIQUE (case_id)
);
CREATE TRIGGER desk_retention_audit_append_only BEFORE UPDATE OR DELETE ON desk_retention_audit
  FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only_table();
CREATE TRIGGER desk_retention_audit_no_truncate BEFORE TRUNCATE ON desk_retention_audit
  FOR EACH STATEMENT EXECUTE FUNCTION desk_refuse_truncate();
