package org.cordon.referral.order;

import java.util.Objects;

/**
 * One missing or invalid field of a removal order.
 *
 * @param field the field's path in {@link AnnexIForm}, e.g. {@code issuingAuthority.email} or {@code content.urls[2]}
 * @param problem what is wrong and how to fix it
 */
public record FieldProblem(String field, String problem) {
  public FieldProblem {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(problem, "problem");
  }

  @Override
  public String toString() {
    return field + ": " + problem;
  }
}
