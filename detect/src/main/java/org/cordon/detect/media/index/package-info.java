/**
 * Exact Hamming-radius search over large sets of PDQ hashes: {@link
 * org.cordon.detect.media.index.PdqIndex} (multi-index hashing over primitive arrays, incremental
 * updates, a checksummed file format), and {@link
 * org.cordon.detect.media.index.PdqIndexBenchmarkCommand} ({@code cordon bench pdq-index}), which
 * measures it against a brute-force scan.
 */
package org.cordon.detect.media.index;
