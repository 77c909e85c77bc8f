-- The assessment inbox becomes a table of its own. Marking a post assessed used to update the post
-- (posts.assessed_at): the column is in the predicate of the partial index that held the inbox, so
-- no update was HOT and each one rewrote the post row and every index of posts. Now a new post
-- enters the inbox in the transaction that stores it and leaves it in the transaction that stores
-- its assessment, as a delete: a dead inbox tuple, no write to posts at all.
--
-- Keyed by (posted_at, post_id): the order the inbox is read in, and unique since a post enters it
-- once, when it is first stored. One index, no foreign key (its check would cost a lookup per post
-- stored); the inbox is read through a join with posts, so a row without its post is never seen.
CREATE TABLE post_inbox (
  posted_at timestamptz NOT NULL,
  post_id   bigint NOT NULL,
  PRIMARY KEY (posted_at, post_id)
);

INSERT INTO post_inbox (posted_at, post_id) SELECT posted_at, id FROM posts WHERE assessed_at IS NULL;

DROP INDEX posts_unassessed;
-- a post is assessed when it has an assessment; a column that nothing updates would only mislead
ALTER TABLE posts DROP COLUMN assessed_at;

-- No query reads flagged assessments by time (cases point at their assessment by id, and the rest
-- look assessments up by subject, through assessments_once); the index only cost every
-- assessment stored an insertion. Make it again with the query that needs it.
DROP INDEX assessments_flagged;
