package org.cordon.core.model;

/** What a signal, an assessment or a case is about: a post or an account. */
public sealed interface Subject permits PostKey, AccountKey {
  Platform platform();

  String id();

  default SubjectKind kind() {
    return switch (this) {
      case PostKey p -> SubjectKind.POST;
      case AccountKey a -> SubjectKind.ACCOUNT;
    };
  }

  static Subject of(SubjectKind kind, Platform platform, String id) {
    return switch (kind) {
      case POST -> new PostKey(platform, id);
      case ACCOUNT -> new AccountKey(platform, id);
    };
  }

  enum SubjectKind {
    POST,
    ACCOUNT
  }
}
