package org.cordon.lineage;

import java.util.Optional;
import org.cordon.core.model.AccountKey;
import org.cordon.detect.media.pdq.PdqHash;

/**
 * One suspended account as the index keeps it: only what scoring reads, with the display name also as a hash key ({@link SuspendedAccounts#nameKey}), the bio reduced to
 * shingle hashes, the neighbourhood to a Bloom filter and the hashtags it wrote to sorted hashes.
 */
record SuspendedEntry(
    AccountKey key,
    String handle,
    Optional<String> displayName,
    int[] bioShingles,
    long nameKey,
    Optional<PdqHash> avatar,
    long[] neighbourhood,
    int neighbourhoodSize,
    int[] hashtags,
    long suspendedAtMillis) {}
