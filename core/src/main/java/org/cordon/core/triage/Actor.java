package org.cordon.core.triage;

import java.util.Objects;

/** Who made a decision. A human decision beats an automatic one; a simulated analyst is labelled as such. */
public sealed interface Actor {
  String name();

  /** A person, by user name. */
  record Analyst(String name) implements Actor {
    public Analyst {
      Objects.requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("an analyst has a user name");
      }
    }
  }

  /** The range's stand-in for an analyst, in demos and evaluations only. */
  record SimulatedAnalyst(String name) implements Actor {
    public SimulatedAnalyst {
      Objects.requireNonNull(name, "name");
    }
  }

  /** A policy a supervisor turned on (e.g. auto-refer exact known-hash matches). */
  record Automation(String policy) implements Actor {
    public Automation {
      Objects.requireNonNull(policy, "policy");
    }

    @Override
    public String name() {
      return "policy:" + policy;
    }
  }

  /** Stored as "analyst:NAME", "simulated:NAME" or "policy:NAME". */
  default String key() {
    return switch (this) {
      case Analyst a -> "analyst:" + a.name();
      case SimulatedAnalyst s -> "simulated:" + s.name();
      case Automation p -> "policy:" + p.policy();
    };
  }

  static Actor parse(String key) {
    int colon = key.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("an actor is 'analyst:NAME', 'simulated:NAME' or 'policy:NAME': " + key);
    }
    String rest = key.substring(colon + 1);
    return switch (key.substring(0, colon)) {
      case "analyst" -> new Analyst(rest);
      case "simulated" -> new SimulatedAnalyst(rest);
      case "policy" -> new Automation(rest);
      default -> throw new IllegalArgumentException("unknown actor kind in '" + key + "'");
    };
  }
}
