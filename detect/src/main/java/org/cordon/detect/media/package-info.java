/**
 * Media signals: {@link org.cordon.detect.media.MediaFingerprinter} hashes media bytes,
 * {@link org.cordon.detect.media.KnownMediaDetector} matches the hashes against
 * {@link org.cordon.detect.media.HashList}s.
 */
package org.cordon.detect.media;
