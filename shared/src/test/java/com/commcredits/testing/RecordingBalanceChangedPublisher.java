package com.commcredits.testing;

import com.commcredits.domain.balance.BalanceChanged;
import com.commcredits.domain.balance.BalanceChangedPublisher;
import java.util.ArrayList;
import java.util.List;

/** Keeps what was published; can be told to fail, as an unreachable queue would. */
public final class RecordingBalanceChangedPublisher implements BalanceChangedPublisher {

  private final List<BalanceChanged> published = new ArrayList<>();
  private boolean failing;

  @Override
  public synchronized void publish(BalanceChanged event) {
    if (failing) {
      throw new IllegalStateException("queue unreachable");
    }
    published.add(event);
  }

  public synchronized void failFromNowOn() {
    failing = true;
  }

  public synchronized List<BalanceChanged> published() {
    return List.copyOf(published);
  }
}
