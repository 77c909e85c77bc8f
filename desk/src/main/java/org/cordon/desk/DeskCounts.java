package org.cordon.desk;

/**
 * What happened at the desk in a period, beyond the requests themselves.
 *
 * @param holds holds placed for deconfliction
 * @param hits selectors seen again
 * @param dedupes referrals that joined a request someone else had already asked for
 * @param breaches requests sent after their clock target (or still unsent past it)
 * @param contentBack removed content found back at a verification check
 * @param reposts referred media found re-posted elsewhere
 * @param complaints complaints platforms reported (TCO Art. 10)
 * @param reinstatements content platforms reported restored
 */
public record DeskCounts(long holds, long hits, long dedupes, long breaches, long contentBack, long reposts, long complaints, long reinstatements) {}
