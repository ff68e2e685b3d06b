package com.commcredits.adapters.lambda;

import com.commcredits.domain.payment.CardCharge;
import com.commcredits.domain.payment.ChargeResult;
import com.commcredits.domain.payment.PaymentGateway;

/**
 * The payment gateway of a priming run: priming's attempts and purchases are never found, so no
 * card is ever asked about; should one be, it is refused here rather than charged.
 */
public final class PrimingPaymentGateway implements PaymentGateway {

  @Override
  public ChargeResult charge(CardCharge charge) {
    throw new UnsupportedOperationException("priming charges no card");
  }

  @Override
  public ChargeResult find(CardCharge charge) {
    throw new UnsupportedOperationException("priming asks about no card");
  }
}
