package org.cordon.desk;

import java.util.Objects;
import java.util.Optional;

/**
 * A person at the desk, as the web layer authenticated them. A liaison officer belongs to exactly
 * one national unit; analysts and supervisors belong to the referral unit itself (no unit here).
 */
public record DeskUser(String name, Role role, Optional<String> unit) {
  public DeskUser {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(unit, "unit");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a desk user has a name");
    }
    if ((role == Role.LIAISON) != unit.isPresent()) {
      throw new IllegalArgumentException("a liaison officer, and only a liaison officer, belongs to a national unit: " + name);
    }
  }

  public static DeskUser analyst(String name) {
    return new DeskUser(name, Role.ANALYST, Optional.empty());
  }

  public static DeskUser supervisor(String name) {
    return new DeskUser(name, Role.SUPERVISOR, Optional.empty());
  }

  public static DeskUser liaison(String name, String unit) {
    return new DeskUser(name, Role.LIAISON, Optional.of(unit));
  }

  boolean mayDecide() {
    return role == Role.ANALYST || role == Role.SUPERVISOR;
  }
}
