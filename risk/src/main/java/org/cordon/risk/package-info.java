/**
 * Account risk: one calibrated score per account, with a tier and an explanation.
 *
 * <p>{@link org.cordon.risk.AccountRiskTracker} keeps compact per-account state (primitive arrays
 * indexed by a dense int id) and updates it as observations arrive: assessed posts (counts, share
 * and strength of flagged posts, known-content matches and strength by signal kind, tiers),
 * profile evidence (a name/bio score and an avatar match), behaviour (posts per sliding hour,
 * posts soon after a release, flagged hashtags) and the neighbourhood (follows, reposts/forwards,
 * quotes, mentions, replies). Contacts with risky accounts are counted as edges arrive;
 * {@link org.cordon.risk.AccountRiskTracker#propagate()} recounts them and spreads riskiness from
 * confirmed and content-risky accounts over a few rounds (periodic, one pass per round).
 *
 * <p>{@link org.cordon.risk.AccountRiskModel} turns the features into a Platt-calibrated
 * probability (logistic regression trained from labelled accounts, or a documented hand-set
 * default), flags at a threshold, and lists the features that moved the score most with their
 * evidence (post keys, account keys, counts). Models are versioned JSON identified by SHA-256.
 *
 * <p>{@link org.cordon.risk.RiskBenchmark} measures a million synthetic accounts.
 */
package org.cordon.risk;
