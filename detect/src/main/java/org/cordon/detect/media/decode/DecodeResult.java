package org.cordon.detect.media.decode;

import java.awt.image.BufferedImage;
import java.util.Objects;

/** What {@link SafeImageDecoder} made of some bytes: an image, or the reason it refused them. */
public sealed interface DecodeResult {

  /**
   * @param format the sniffed format: "jpeg", "png", "gif", "webp" or "bmp"
   */
  record Decoded(BufferedImage image, String format) implements DecodeResult {
    public Decoded {
      Objects.requireNonNull(image, "image");
      Objects.requireNonNull(format, "format");
    }
  }

  /** @param reason one line saying what was wrong, for a log or an analyst */
  record Rejected(String reason) implements DecodeResult {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
