package org.cordon.detect.media;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.cordon.core.model.MediaKey;
import org.cordon.core.signal.MediaFingerprint;
import org.cordon.detect.media.decode.DecodeResult;
import org.cordon.detect.media.decode.SafeImageDecoder;
import org.cordon.detect.media.pdq.DihedralResult;
import org.cordon.detect.media.pdq.PdqHash;
import org.cordon.detect.media.pdq.PdqHasher;

/**
 * Computes the hashes of one media item's bytes: always SHA-256 and MD5; and, when the bytes
 * decode safely as an image, the PDQ hash under {@value MediaFingerprint#PDQ} and its quality
 * (0..100, as decimal text) under {@value #PDQ_QUALITY}. A PDQ of quality 49 or less is still
 * recorded, with its quality, so a reader can see why it is not matched.
 */
public final class MediaFingerprinter {
  /** Key of the PDQ quality in {@link MediaFingerprint#hashes()}. */
  public static final String PDQ_QUALITY = "pdq_quality";
  /**
   * Key of the seven other dihedral PDQ hashes (rotations and mirrors, in {@code Dihedral} order
   * after the original), comma-separated: a mirrored or rotated repost then matches its original.
   */
  public static final String PDQ_DIHEDRAL = "pdq_dihedral";
  /** Key of the reason an image was not decoded (a bomb, a truncated file, a lie about its type). */
  public static final String DECODE_REJECTED = "decode_rejected";

  private final SafeImageDecoder decoder;
  private final PdqHasher hasher;

  public MediaFingerprinter() {
    this(new SafeImageDecoder(), new PdqHasher());
  }

  public MediaFingerprinter(SafeImageDecoder decoder, PdqHasher hasher) {
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
  }

  public MediaFingerprint fingerprint(MediaKey media, byte[] bytes) {
    return fingerprint(media, bytes, Optional.empty());
  }

  /** @param declaredType the MIME type or file extension the source gave, checked against the bytes */
  public MediaFingerprint fingerprint(MediaKey media, byte[] bytes, Optional<String> declaredType) {
    Objects.requireNonNull(media, "media");
    Objects.requireNonNull(bytes, "bytes");
    Map<String, String> hashes = new HashMap<>();
    hashes.put(MediaFingerprint.SHA256, digest("SHA-256", bytes));
    hashes.put(MediaFingerprint.MD5, digest("MD5", bytes));
    switch (decoder.decode(bytes, declaredType)) {
      case DecodeResult.Decoded decoded -> {
        // One pass gives all eight orientations (and is no slower than the plain hash).
        DihedralResult all = hasher.hashDihedral(decoded.image());
        hashes.put(MediaFingerprint.PDQ, all.original().hash().toHex());
        hashes.put(PDQ_QUALITY, Integer.toString(all.quality()));
        hashes.put(PDQ_DIHEDRAL, all.hashes().subList(1, all.hashes().size()).stream().map(PdqHash::toHex)
            .collect(java.util.stream.Collectors.joining(",")));
      }
      case DecodeResult.Rejected rejected ->
        // Not an image we may decode (a video, a bomb, a lie): the exact hashes still identify it,
        // and the reason goes with them so the media can be quarantined and counted.
        hashes.put(DECODE_REJECTED, rejected.reason());
    }
    return new MediaFingerprint(media, hashes);
  }

  private static String digest(String algorithm, byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has " + algorithm, e);
    }
  }
}
