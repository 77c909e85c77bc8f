-- No query reads posts by author: posts are read by their natural key, by id (a post's media, the
-- inbox), or all of them (the live pipeline's state at start-up, in one scan). The index only cost
-- every post stored an insertion at a random place: measured on the triage bench's 58,885 posts in
-- statements of 350 rows, 12.6 µs a row with it and 9.2 without. Make an index again with the query
-- that needs it (an account's timeline would want (platform, author_native_id, posted_at)).
DROP INDEX posts_by_author;
