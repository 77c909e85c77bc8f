package org.cordon.risk;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cordon.core.model.AccountKey;

/**
 * One account described as numbers, by feature name, with the evidence behind each feature when
 * it was asked for (an explanation needs it; bulk scoring and training do not).
 */
public final class AccountFeatures {
  private final AccountKey account;
  private final List<String> names;
  private final double[] values;
  private final Map<String, List<String>> evidence;

  AccountFeatures(AccountKey account, List<String> names, double[] values, Map<String, List<String>> evidence) {
    this.account = Objects.requireNonNull(account, "account");
    this.names = Objects.requireNonNull(names, "names");
    if (values.length != names.size()) {
      throw new IllegalArgumentException(values.length + " values for " + names.size() + " features");
    }
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException("feature " + names.get(i) + " is not a finite number: " + values[i]);
      }
    }
    this.values = values;
    this.evidence = Map.copyOf(evidence);
  }

  /** For training from a source other than the tracker (a file of labelled feature vectors). */
  public static AccountFeatures of(AccountKey account, List<String> names, double[] values) {
    return new AccountFeatures(account, List.copyOf(names), values.clone(), Map.of());
  }

  public AccountKey account() {
    return account;
  }

  public List<String> names() {
    return names;
  }

  public double[] values() {
    return values.clone();
  }

  public double value(String name) {
    int i = names.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("no feature '" + name + "'; known: " + names);
    }
    return values[i];
  }

  /** What an analyst can check behind a feature: post keys, account keys, counts. */
  public List<String> evidence(String name) {
    return evidence.getOrDefault(name, List.of());
  }

  double raw(int i) {
    return values[i];
  }

  int size() {
    return values.length;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(account.toString()).append(" {");
    for (int i = 0; i < values.length; i++) {
      s.append(i == 0 ? "" : ", ").append(names.get(i)).append('=').append(String.format(java.util.Locale.ROOT, "%.3f", values[i]));
    }
    return s.append('}').toString();
  }
}
