package com.commcredits.domain.funding;

import com.commcredits.domain.money.Money;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An admin buys {@code amount} of credits with the card on file, once per {@code purchaseId}.
 *
 * @param purchaseId the business key of the purchase, derived from the client's {@code
 *     Idempotency-Key} with {@link #purchaseIdFor(String)}: the same key is the same purchase (one
 *     charge, one credit) however often it is sent
 * @param amount in the account's currency (checked by {@link PurchaseCredit}), positive, at most
 *     two decimals and at most {@link #MAX_AMOUNT_UNITS} whole units
 */
public record PurchaseCommand(String orgId, String purchaseId, Money amount, Instant now) {

  /** The most one purchase may buy, in whole units of the account's currency. */
  public static final long MAX_AMOUNT_UNITS = 10_000;

  /** An {@code Idempotency-Key} as clients send it (UUIDs and the like), printable, no spaces. */
  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{8,255}");

  private static final long MICROS_PER_UNIT = 1_000_000L;

  private static final Pattern PURCHASE_ID = Pattern.compile("p-[0-9a-f]{32}");

  public PurchaseCommand {
    Objects.requireNonNull(orgId, "orgId");
    if (purchaseId == null || !PURCHASE_ID.matcher(purchaseId).matches()) {
      throw new IllegalArgumentException(
          "purchase id must come from purchaseIdFor(Idempotency-Key), got " + purchaseId);
    }
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(now, "now");
    if (!amount.isPositive()) {
      throw new IllegalArgumentException("a purchase must be a positive amount, got " + amount);
    }
    int decimals = Math.min(2, Math.max(0, amount.currency().getDefaultFractionDigits()));
    long smallestUnit = MICROS_PER_UNIT / pow10(decimals);
    if (amount.micros() % smallestUnit != 0) {
      throw new IllegalArgumentException(
          "a purchase takes at most " + decimals + " decimals, got " + amount);
    }
    if (amount.micros() > MAX_AMOUNT_UNITS * MICROS_PER_UNIT) {
      throw new IllegalArgumentException(
          "a purchase may buy at most " + MAX_AMOUNT_UNITS + " per request, got " + amount);
    }
  }

  /**
   * The purchase id of a client's {@code Idempotency-Key}: a digest, so any key the client chooses
   * fits the ledger's and the provider's key formats and never carries client text into them.
   *
   * @throws IllegalArgumentException if the key is not 8-255 printable characters without spaces
   */
  public static String purchaseIdFor(String idempotencyKey) {
    if (idempotencyKey == null || !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
      throw new IllegalArgumentException(
          "Idempotency-Key must be 8-255 printable characters without spaces");
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(idempotencyKey.getBytes(StandardCharsets.US_ASCII));
      return "p-" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static long pow10(int exponent) {
    long value = 1;
    for (int i = 0; i < exponent; i++) {
      value *= 10;
    }
    return value;
  }
}
