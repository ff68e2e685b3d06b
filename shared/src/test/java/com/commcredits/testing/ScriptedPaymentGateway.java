package com.commcredits.testing;

import com.commcredits.domain.payment.CardCharge;
import com.commcredits.domain.payment.ChargeResult;
import com.commcredits.domain.payment.PaymentGateway;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A payment provider that answers from a script (then succeeds), remembers every charge by
 * idempotency key as a real provider does, and can lose its reply while still charging.
 */
public final class ScriptedPaymentGateway implements PaymentGateway {

  private final Deque<ChargeResult> script = new ArrayDeque<>();
  private final Map<String, ChargeResult> byKey = new HashMap<>();
  private final List<CardCharge> cardCharges = new ArrayList<>();
  private int requests;
  private boolean unreachable;
  private final List<String> requestedKeys = new ArrayList<>();

  /** While unreachable every charge and lookup times out and nothing reaches the card. */
  public synchronized ScriptedPaymentGateway unreachable(boolean value) {
    unreachable = value;
    return this;
  }

  /** The idempotency key of every charge request and lookup, in order. */
  public synchronized List<String> requestedKeys() {
    return List.copyOf(requestedKeys);
  }

  /** The next charges answer these, in order. */
  public ScriptedPaymentGateway thenAnswer(ChargeResult... results) {
    script.addAll(List.of(results));
    return this;
  }

  @Override
  public synchronized ChargeResult charge(CardCharge charge) {
    requests++;
    requestedKeys.add(charge.idempotencyKey());
    if (unreachable) {
      return new ChargeResult.OutcomeUnknown("unreachable");
    }
    ChargeResult earlier = byKey.get(charge.idempotencyKey());
    if (earlier != null) {
      return earlier;
    }
    ChargeResult result =
        script.isEmpty()
            ? new ChargeResult.Succeeded("pi_" + charge.idempotencyKey(), charge.amount())
            : script.removeFirst();
    if (result instanceof ChargeResult.OutcomeUnknown) {
      ChargeResult happened =
          new ChargeResult.Succeeded("pi_" + charge.idempotencyKey(), charge.amount());
      byKey.put(charge.idempotencyKey(), happened);
      cardCharges.add(charge);
      return result;
    }
    byKey.put(charge.idempotencyKey(), result);
    if (result instanceof ChargeResult.Succeeded) {
      cardCharges.add(charge);
    }
    return result;
  }

  @Override
  public synchronized ChargeResult find(CardCharge charge) {
    String idempotencyKey = charge.idempotencyKey();
    requestedKeys.add(idempotencyKey);
    if (unreachable) {
      return new ChargeResult.OutcomeUnknown("unreachable");
    }
    return byKey.getOrDefault(idempotencyKey, new ChargeResult.NotFound(idempotencyKey));
  }

  /** Charges that took money from the card. */
  public synchronized List<CardCharge> cardCharges() {
    return List.copyOf(cardCharges);
  }

  /** Every charge request, repeated ones included. */
  public synchronized int requests() {
    return requests;
  }
}
