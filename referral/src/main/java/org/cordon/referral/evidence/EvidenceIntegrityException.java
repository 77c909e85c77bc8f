package org.cordon.referral.evidence;

import java.io.IOException;

/** An archived file is missing or no longer has the digest it was archived with: the package is not made. */
public class EvidenceIntegrityException extends IOException {
  private static final long serialVersionUID = 1L;

  public EvidenceIntegrityException(String message) {
    super(message);
  }

  public EvidenceIntegrityException(String message, Throwable cause) {
    super(message, cause);
  }
}
