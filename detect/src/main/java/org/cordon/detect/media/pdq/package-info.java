/**
 * The PDQ perceptual hash (shared/pdq/SPEC.md): {@link org.cordon.detect.media.pdq.PdqHasher}
 * computes it bit for bit as Meta's Java reference, {@link org.cordon.detect.media.pdq.PdqHash}
 * holds it, {@link org.cordon.detect.media.pdq.HashCommand} prints it for files.
 */
package org.cordon.detect.media.pdq;
