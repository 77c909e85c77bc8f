package org.cordon.desk;

import org.cordon.core.evidence.Sha256;

/** Deletes archived bytes the retention job purged and no kept item refers to any more. A port: the app wires the evidence archive. */
public interface EvidenceDisposal {
  void dispose(Sha256 digest);
}
