package com.commcredits.domain.account;

import java.time.YearMonth;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The card on file, as the payment provider's token plus what admins need to recognise it. Card
 * numbers and security codes are never held: only the token, the brand, the last four digits and
 * the expiry month.
 */
public record PaymentMethod(String token, String brand, String last4, YearMonth expires) {

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_:]{3,255}");
  private static final Pattern LAST4 = Pattern.compile("[0-9]{4}");

  public PaymentMethod {
    if (token == null || !TOKEN.matcher(token).matches()) {
      throw new IllegalArgumentException(
          "payment method token must be 3-255 letters, digits or '_' (a provider token such as"
              + " pm_card_visa), never card data");
    }
    Objects.requireNonNull(brand, "brand");
    if (last4 == null || !LAST4.matcher(last4).matches()) {
      throw new IllegalArgumentException("last4 must be four digits");
    }
    Objects.requireNonNull(expires, "expires");
  }

  public String displayName() {
    return brand + " •••• " + last4;
  }
}
