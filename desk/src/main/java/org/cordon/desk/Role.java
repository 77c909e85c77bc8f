package org.cordon.desk;

/** What a desk user may do. The web layer maps its own users onto {@link DeskUser}. */
public enum Role {
  /** Reviews, decides, proposes; approves another analyst's proposal where the policy allows. */
  ANALYST,
  /** Everything an analyst does, and approves where the policy asks for a supervisor. */
  SUPERVISOR,
  /** A national unit's officer: submits referrals and selectors, answers holds on its selectors. */
  LIAISON
}
