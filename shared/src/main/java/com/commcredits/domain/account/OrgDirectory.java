package com.commcredits.domain.account;

import java.util.List;

/** Every org that has a credits account, for jobs that visit them all. */
public interface OrgDirectory {
  List<String> orgIds();
}
