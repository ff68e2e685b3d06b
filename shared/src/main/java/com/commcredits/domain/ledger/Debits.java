package com.commcredits.domain.ledger;

import java.util.List;

/**
 * What the ledger did with the call charges of one org written together.
 *
 * @param outcomes one per charge, in the order given
 * @param mayHaveEndedBelowLine true if a write of these charges may have left the balance below the
 *     watched line (or no line was watched), so the balance check should look; false only when
 *     every write provably kept the balance at or above it
 */
public record Debits(List<DebitOutcome> outcomes, boolean mayHaveEndedBelowLine) {

  public Debits {
    outcomes = List.copyOf(outcomes);
  }
}
