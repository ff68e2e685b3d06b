package com.commcredits.domain.admin;

import com.commcredits.domain.money.Money;
import java.util.List;

/**
 * The initial deposit and auto-recharge trigger recommended for an org by its number of licensed
 * users (seed 004), in USD. Orgs above the table's last row get its last recommendation.
 */
public record RecommendedFunding(Money initialDeposit, Money trigger) {

  private record Row(int belowUsers, String deposit, String trigger) {}

  private static final List<Row> TABLE =
      List.of(
          new Row(250, "1000", "200"),
          new Row(500, "1000", "400"),
          new Row(1_000, "2000", "500"),
          new Row(5_000, "3000", "1000"),
          new Row(10_000, "5000", "1000"),
          new Row(50_000, "10000", "1000"),
          new Row(100_000, "15000", "2500"),
          new Row(Integer.MAX_VALUE, "20000", "2500"));

  public static RecommendedFunding forLicensedUsers(int licensedUsers) {
    if (licensedUsers < 0) {
      throw new IllegalArgumentException("licensed users must not be negative");
    }
    Row row = TABLE.stream().filter(r -> licensedUsers < r.belowUsers()).findFirst().orElseThrow();
    return new RecommendedFunding(Money.of(row.deposit(), "USD"), Money.of(row.trigger(), "USD"));
  }
}
