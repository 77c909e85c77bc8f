-- Who is working on an open case. A claim is a lease: two analysts do not assess the same item at
-- once, and a claim abandoned (a closed browser, a shift's end) lapses by itself at `until`.
CREATE TABLE desk_claims (
  case_id    bigint PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
  claimed_by text NOT NULL CHECK (claimed_by <> ''),
  claimed_at timestamptz NOT NULL,
  until      timestamptz NOT NULL,
  CHECK (until > claimed_at)
);
