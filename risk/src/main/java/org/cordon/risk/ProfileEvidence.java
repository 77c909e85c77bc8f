package org.cordon.risk;

import java.util.Objects;
import java.util.Optional;

/**
 * What the caller's profile checks found.
 *
 * @param nameAndBioScore in [0, 1]: how strongly the display name and bio point at the
 *     organisation (lexicon hits, look-alike of a suspended account's name)
 * @param reason one line for the explanation
 * @param avatarMatch present when the avatar matches a known one, saying which and how close
 */
public record ProfileEvidence(double nameAndBioScore, String reason, Optional<String> avatarMatch) {
  public ProfileEvidence {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(avatarMatch, "avatarMatch");
    if (!(nameAndBioScore >= 0 && nameAndBioScore <= 1)) {
      throw new IllegalArgumentException("profile score is in [0, 1]: " + nameAndBioScore);
    }
  }
}
