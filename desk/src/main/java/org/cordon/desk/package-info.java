/**
 * The referral desk: the triage queue with priorities and clocks, four-eyes decisions, national
 * units with their selectors, hits and deconfliction holds, deduplicated requests, removal
 * verification, retention and statistics. Entry point: {@link org.cordon.desk.Desk}.
 */
package org.cordon.desk;
