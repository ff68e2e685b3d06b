package com.commcredits.testing;

import com.commcredits.domain.rating.RateCard;
import com.commcredits.domain.rating.RateCardCsv;
import com.commcredits.domain.rating.RateCards;
import com.commcredits.domain.rating.ZoneA;
import java.io.StringReader;
import java.util.List;
import java.util.Set;

/** A small USD card whose every line a test can point at, and Zone A = US, GB, DE. */
public final class TestRateCards {

  public static final String HEADER =
      "rate_class,prefix,number_kind,destination,effective_from,price_per_minute,connection_fee,"
          + "first_increment,next_increment,rounding,action\n";

  public static final String USD_CARD =
      """
      # card: test-usd
      # version: 7
      # currency: USD
      """
          + HEADER
          + """
      conf_out,*,any,Rest of world,2026-01-01,0.30,0,60,60,up:4,charge
      conf_out,*,toll_free,Toll-free,2026-01-01,0,0,60,60,up:4,charge
      conf_out,1,any,US and Canada,2026-01-01,0.02,0,60,60,up:4,charge
      conf_out,1,premium,US premium,2026-01-01,0,0,60,60,up:4,reject
      conf_out,1876,any,Jamaica,2026-01-01,0.25,0,60,60,up:4,charge
      conf_out,44,any,United Kingdom,2026-01-01,0.04,0,60,60,up:4,charge
      conf_out,44,mobile,United Kingdom mobile,2026-01-01,0.12,0,60,60,up:4,charge
      conf_out,44,mobile,United Kingdom mobile,2026-07-01,0.10,0,60,60,up:4,charge
      conf_out,49,any,Germany,2026-01-01,0.03,0.05,60,1,up:4,charge
      conf_out,4915,any,Germany mobile,2026-01-01,0.15,0,60,60,up:4,charge
      conf_out,33,any,France,2026-01-01,0.035,0,1,1,half_even:2,charge
      conf_out,33,premium,France premium,2026-01-01,1.50,0.10,60,1,up:2,charge
      conf_in_toll,*,any,Toll dial-in,2026-01-01,0.012,0,60,60,up:4,charge
      conf_in_toll_free,*,any,Toll-free dial-in,2026-01-01,0.024,0,60,1,up:4,charge
      user_out,*,any,Abroad,2026-01-01,0.30,0,60,60,up:4,charge
      user_out,1,any,US and Canada,2026-01-01,0.02,0,60,60,up:4,charge
      user_out,49,any,Germany,2026-01-01,0.02,0,60,60,up:4,charge
      user_in_toll,*,any,Incoming,2026-01-01,0,0,60,60,up:4,charge
      user_in_toll_free,*,any,Incoming toll-free,2026-01-01,0.03,0,60,60,up:4,charge
      """;

  private TestRateCards() {}

  public static RateCard usdCard() {
    return RateCardCsv.parse("test-usd.csv", new StringReader(USD_CARD));
  }

  public static RateCards cards() {
    return new RateCards(List.of(usdCard()), new ZoneA(Set.of("US", "GB", "DE")));
  }
}
