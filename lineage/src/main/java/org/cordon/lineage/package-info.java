/**
 * Returning accounts: when a new account appears, find the suspended account it replaces and link
 * the two into a {@link org.cordon.lineage.Lineage} (a person's chain of accounts).
 *
 * <p>Entry points: {@link org.cordon.lineage.SuspendedAccounts} (the index of suspended and removed
 * accounts, with blocking keys so a check compares a few dozen candidates, not a million),
 * {@link org.cordon.lineage.ReturningAccountMatcher} (scores candidates from handle, display name,
 * bio, avatar PDQ distance, neighbourhood overlap, shoutouts and the time since the suspension;
 * re-checks cheaply as follows and shoutouts arrive), {@link org.cordon.lineage.ShoutoutReader}
 * (finds posts announcing a new account under an old handle) and
 * {@link org.cordon.lineage.LineageBook}. A match becomes a {@code returning-account} signal with its
 * evidence ({@link org.cordon.lineage.Candidate#toSignal}).
 *
 * <p>Measured by {@code org.cordon.lineage.evaluation.ReturningAccountEvaluation} (a range world
 * replayed in time order) and {@code org.cordon.lineage.bench.LineageBenchmark} (a million
 * synthetic suspended accounts).
 */
package org.cordon.lineage;
