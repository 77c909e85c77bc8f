package org.cordon.referral.order;

import java.time.Instant;
import java.util.Objects;

/**
 * What a removal order's Annex I form takes from the decision behind it, as opposed to what the
 * unit configures once ({@link OrderTemplate}).
 *
 * @param issuedAt when the order was issued: when it cleared four-eyes and was recorded (Section A)
 * @param reasons the additional information on the grounds: the deciding analysts' and approvers' reasons (Section B)
 * @param contentInformation what else finds the content: the subject, the case (Section B)
 */
public record OrderParticulars(Instant issuedAt, String reasons, String contentInformation) {
  public OrderParticulars {
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(reasons, "reasons");
    Objects.requireNonNull(contentInformation, "contentInformation");
  }
}
