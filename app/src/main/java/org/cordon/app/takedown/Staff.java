package org.cordon.app.takedown;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.cordon.desk.DeskUser;
import org.cordon.desk.Role;

/** The desk's simulated people: analysts and supervisors, each busy with one task at a time. */
final class Staff {
  /** One simulated person; names say they are simulated in every decision they record. */
  static final class Member {
    final DeskUser user;
    private boolean busy;
    private Instant busySince = Instant.EPOCH;
    private Duration busyTime = Duration.ZERO;

    Member(DeskUser user) {
      this.user = Objects.requireNonNull(user, "user");
    }

    boolean supervisor() {
      return user.role() == Role.SUPERVISOR;
    }

    boolean busy() {
      return busy;
    }

    void start(Instant at) {
      if (busy) {
        throw new IllegalStateException(user.name() + " is busy already");
      }
      busy = true;
      busySince = at;
    }

    void finish(Instant at) {
      if (!busy) {
        throw new IllegalStateException(user.name() + " was not busy");
      }
      busy = false;
      busyTime = busyTime.plus(Duration.between(busySince, at));
    }

    Duration busyTime() {
      return busyTime;
    }
  }

  private final List<Member> analysts = new ArrayList<>();
  private final List<Member> supervisors = new ArrayList<>();

  Staff(int analystCount, int supervisorCount) {
    for (int i = 1; i <= analystCount; i++) {
      analysts.add(new Member(DeskUser.analyst(String.format("simulated-analyst-%02d", i))));
    }
    for (int i = 1; i <= supervisorCount; i++) {
      supervisors.add(new Member(DeskUser.supervisor(String.format("simulated-supervisor-%02d", i))));
    }
  }

  List<Member> idleAnalysts() {
    return analysts.stream().filter(m -> !m.busy()).toList();
  }

  /** Idle people who may give a verdict on a proposal: supervisors first, then analysts (if allowed), never the proposer. */
  List<Member> idleApprovers(String proposer, boolean supervisorOnly) {
    List<Member> out = new ArrayList<>();
    supervisors.stream().filter(m -> !m.busy() && !m.user.name().equalsIgnoreCase(proposer)).forEach(out::add);
    if (!supervisorOnly) {
      analysts.stream().filter(m -> !m.busy() && !m.user.name().equalsIgnoreCase(proposer)).forEach(out::add);
    }
    return out;
  }

  double analystUtilisation(Duration onDuty) {
    return utilisation(analysts, onDuty);
  }

  double supervisorUtilisation(Duration onDuty) {
    return utilisation(supervisors, onDuty);
  }

  private static double utilisation(List<Member> members, Duration onDuty) {
    if (members.isEmpty() || onDuty.isZero()) {
      return 0;
    }
    long busy = members.stream().mapToLong(m -> m.busyTime().toMillis()).sum();
    return busy / (double) (onDuty.toMillis() * members.size());
  }
}
