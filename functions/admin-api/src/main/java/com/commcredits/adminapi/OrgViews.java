package com.commcredits.adminapi;

import com.commcredits.domain.account.AutoRecharge;
import com.commcredits.domain.account.OrgAccount;
import com.commcredits.domain.account.PaymentMethod;
import com.commcredits.domain.admin.RecommendedFunding;
import com.commcredits.domain.authorize.CallRestrictions;
import com.commcredits.domain.charging.RejectedCallRecord;
import com.commcredits.domain.funding.FundingState;
import com.commcredits.domain.ledger.BalanceForecast;
import com.commcredits.domain.ledger.BalanceHistory;
import com.commcredits.domain.ledger.EntryKind;
import com.commcredits.domain.ledger.LedgerEntry;
import com.commcredits.domain.licences.CallingPlan;
import com.commcredits.domain.licences.MinutePool;
import com.commcredits.domain.licences.PoolUsage;
import com.commcredits.domain.money.Money;
import com.commcredits.domain.notification.SentNotification;
import com.commcredits.domain.report.UsageRecord;
import com.commcredits.domain.report.UsageSummary;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The API's JSON views of accounts, entries and reports, as docs/openapi.yaml describes them. */
final class OrgViews {

  /** The seed table is in this currency; other currencies take its figures unconverted. */
  static final String SEED_CURRENCY = "USD";

  private final ObjectMapper mapper;

  OrgViews(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  ObjectNode object() {
    return mapper.createObjectNode();
  }

  ObjectNode money(Money money) {
    return object()
        .put("currency", money.currency().getCurrencyCode())
        .put("amount", money.toPlainString());
  }

  ObjectNode summary(OrgAccount account) {
    ObjectNode json =
        object().put("orgId", account.orgId()).put("displayName", account.displayName());
    json.put("currency", account.currency().getCurrencyCode());
    json.set("balance", money(account.balance()));
    json.put("serviceState", account.serviceState().name());
    return json;
  }

  /** Everything {@code GET /orgs/{org}} shows. */
  ObjectNode org(
      OrgAccount account,
      Optional<FundingState> funding,
      List<LedgerEntry> entries,
      PoolUsage pools,
      Instant now) {
    ObjectNode json =
        object().put("orgId", account.orgId()).put("displayName", account.displayName());
    json.put("currency", account.currency().getCurrencyCode());
    json.put("language", account.language().code());
    ArrayNode emails = json.putArray("adminEmails");
    account.adminEmails().forEach(emails::add);
    json.set("balance", money(account.balance()));
    ObjectNode services = json.putObject("services");
    services.put("state", account.serviceState().name());
    services.put("creditFundedServicesAvailable", account.creditFundedServicesAvailable());
    services.put(
        "reason",
        account.creditFundedServicesAvailable()
            ? null
            : "toll-free numbers and dial-out need a positive balance; add funds to resume them");
    json.set("autoRecharge", autoRecharge(account, funding, now));
    PaymentMethod card = account.autoRecharge().paymentMethod();
    if (card == null) {
      json.putNull("card");
    } else {
      ObjectNode c = json.putObject("card");
      c.put("brand", card.brand())
          .put("last4", card.last4())
          .put("expires", card.expires().toString());
      YearMonth thisMonth = YearMonth.from(now.atZone(ZoneOffset.UTC));
      c.put(
          "expiresWithin30Days",
          !card.expires()
                  .atEndOfMonth()
                  .isAfter(now.atZone(ZoneOffset.UTC).toLocalDate().plusDays(30))
              || card.expires().isBefore(thisMonth));
    }
    json.set("licences", licences(account, pools));
    BalanceForecast forecast = BalanceForecast.of(account.balance(), entries, now);
    ObjectNode f = json.putObject("forecast");
    f.set("dailySpend", money(forecast.dailySpend()));
    f.put("zeroAt", forecast.zeroAt().map(Instant::toString).orElse(null));
    json.set("recommended", recommended(account));
    json.put("createdAt", account.createdAt().toString());
    return json;
  }

  private ObjectNode autoRecharge(OrgAccount account, Optional<FundingState> funding, Instant now) {
    AutoRecharge recharge = account.autoRecharge();
    ObjectNode json = object().put("enabled", recharge.enabled());
    json.set("amount", money(recharge.amount()));
    json.set("trigger", money(recharge.trigger()));
    Money cap = funding.map(FundingState::monthlyCap).orElse(null);
    json.set("monthlyCap", cap == null ? null : money(cap));
    YearMonth thisMonth = YearMonth.from(now.atZone(ZoneOffset.UTC));
    Money recharged =
        funding
            .filter(f -> thisMonth.equals(f.rechargeMonth()))
            .map(FundingState::rechargedThisMonth)
            .orElse(Money.zero(account.currency()));
    json.set("rechargedThisMonth", money(recharged));
    Object pause = recharge.pausedReason();
    json.put("paused", pause != null);
    json.put("pauseReason", pause == null ? null : String.valueOf(pause));
    json.put("pauseDetail", pause == null ? null : pauseDetail(String.valueOf(pause)));
    return json;
  }

  /** What lifts each pause, in the admin's terms. */
  static String pauseDetail(String reason) {
    if (reason.startsWith("HARD_DECLINE")) {
      return "the card was declined; put a new card on file to resume auto-recharge";
    }
    if (reason.startsWith("BURST_GUARD")) {
      return "too many recharges in an hour; save the auto-recharge settings again to resume";
    }
    if (reason.startsWith("MONTHLY_CAP")) {
      return "this month's cap is reached; raise the cap or save the settings again to resume";
    }
    if (reason.startsWith("SOFT_DECLINE") || reason.startsWith("PROCESSING_ERROR")) {
      return "the card could not be charged after several tries; update the card to resume";
    }
    return "update the card or save the auto-recharge settings to resume";
  }

  private ObjectNode licences(OrgAccount account, PoolUsage usage) {
    ObjectNode json = object();
    json.put("licensedUsers", account.licensedUsers());
    json.put("audioConferencingUsers", account.licences().audioConferencingUsers());
    ArrayNode plans = json.putArray("callingPlans");
    for (CallingPlan plan : account.licences().callingPlans()) {
      plans
          .addObject()
          .put("country", plan.country())
          .put("users", plan.users())
          .put("domesticMinutesPerUser", plan.domesticMinutesPerUser())
          .put("internationalMinutesPerUser", plan.internationalMinutesPerUser());
    }
    json.put("month", usage.month().toString());
    List<MinutePool> pools = new ArrayList<>();
    account.licences().conferencingDialOutPool().ifPresent(pools::add);
    account.licences().callingPlans().stream()
        .map(CallingPlan::country)
        .distinct()
        .forEach(
            country -> {
              account.licences().domesticPool(country).ifPresent(pools::add);
              account.licences().internationalPool(country).ifPresent(pools::add);
            });
    ArrayNode poolsJson = json.putArray("pools");
    for (MinutePool pool : pools) {
      poolsJson
          .addObject()
          .put("pool", pool.poolId())
          .put("capability", pool.capability())
          .put("minutes", pool.minutes())
          .put("usedMinutes", usage.used(pool.poolId()));
    }
    return json;
  }

  ObjectNode recommended(OrgAccount account) {
    RecommendedFunding seed = RecommendedFunding.forLicensedUsers(account.licensedUsers());
    String currency = account.currency().getCurrencyCode();
    ObjectNode json = object();
    json.set(
        "initialDeposit",
        money(Money.of(seed.initialDeposit().toBigDecimal(), account.currency())));
    json.set("trigger", money(Money.of(seed.trigger().toBigDecimal(), account.currency())));
    json.put("currency", currency);
    json.put("seedCurrency", SEED_CURRENCY);
    json.put(
        "note",
        currency.equals(SEED_CURRENCY)
            ? null
            : "The recommendation table is in USD; its figures are shown unconverted in "
                + currency
                + " as a starting point.");
    return json;
  }

  ObjectNode entry(LedgerEntry entry) {
    ObjectNode json = object().put("entryId", entry.entryId()).put("kind", entry.kind().name());
    json.set("amount", money(entry.amount()));
    json.put("at", entry.at().toString());
    json.put("memo", entry.memo());
    boolean call = entry.kind() == EntryKind.CALL_CHARGE;
    json.put("usageId", call ? entry.sourceId() : null);
    // a call charge's memo is the rate reference it was priced with (DynamoDbLedger.debit)
    json.put("rateRef", call ? entry.memo() : null);
    return json;
  }

  ObjectNode call(UsageRecord r) {
    ObjectNode json = object().put("usageId", r.usageId());
    json.put("entryId", EntryKind.CALL_CHARGE.name() + "#" + r.usageId());
    json.put("callId", r.callId());
    json.put("conferenceId", r.conferenceId().isEmpty() ? null : r.conferenceId());
    json.put("userId", r.userId().isEmpty() ? null : r.userId());
    json.put("userPrincipalName", r.userPrincipalName());
    json.put("userDisplayName", r.userDisplayName().isEmpty() ? null : r.userDisplayName());
    json.put("userLocation", r.userLocation());
    json.put("callType", r.callType());
    json.put("numberType", r.numberType());
    json.put("callerNumber", r.callerId());
    json.put("calleeNumber", r.destinationNumber());
    json.put("destinationCountry", r.destinationDialed());
    json.put("international", r.international());
    json.put("startTime", r.startTime().toString());
    json.put("endTime", r.endTime().toString());
    json.put("durationSeconds", r.durationSeconds());
    json.set("charge", money(r.charge()));
    json.set("connectionFee", money(r.connectionFee()));
    json.put("capability", r.capability());
    json.put("rateRef", r.rateRef());
    return json;
  }

  ObjectNode history(BalanceHistory history, String currency) {
    ObjectNode json = object().put("currency", currency);
    json.put("from", history.from().toString()).put("to", history.to().toString());
    ArrayNode points = json.putArray("points");
    history
        .points()
        .forEach(
            p -> {
              ObjectNode point = points.addObject().put("at", p.at().toString());
              point.set("balance", money(p.balance()));
            });
    ArrayNode markers = json.putArray("markers");
    history
        .markers()
        .forEach(
            e -> {
              ObjectNode marker = markers.addObject().put("at", e.at().toString());
              marker.put("kind", e.kind().name());
              marker.set("amount", money(e.amount()));
            });
    return json;
  }

  ObjectNode restrictions(CallRestrictions r) {
    ObjectNode json = object().put("dialOutDefault", r.dialOutDefault().name());
    ObjectNode organizers = json.putObject("organizers");
    r.organizers().forEach((upn, policy) -> organizers.put(upn, policy.name()));
    json.put("userCallsDefault", r.userCallsDefault().name());
    ObjectNode users = json.putObject("users");
    r.users().forEach((upn, policy) -> users.put(upn, policy.name()));
    return json;
  }

  ObjectNode usageSummary(UsageSummary summary, YearMonth month, String currency) {
    ObjectNode json = object().put("month", month.toString()).put("currency", currency);
    json.set("total", total(summary.total()));
    ArrayNode byType = json.putArray("byCallType");
    summary.byCallType().forEach(t -> byType.add(total(t)));
    ArrayNode byCapability = json.putArray("byCapability");
    summary.byCapability().forEach(t -> byCapability.add(total(t)));
    return json;
  }

  private ObjectNode total(UsageSummary.Total total) {
    ObjectNode json =
        object()
            .put("key", total.key())
            .put("calls", total.calls())
            .put("minutes", total.minutes());
    json.set("charge", money(total.charge()));
    return json;
  }

  ObjectNode rejected(RejectedCallRecord r) {
    return object()
        .put("messageId", r.messageId())
        .put("usageId", r.usageId())
        .put("reason", r.reason())
        .put("body", r.body())
        .put("rejectedAt", r.rejectedAt().toString());
  }

  ObjectNode notification(SentNotification n) {
    return object()
        .put("notificationId", n.notificationId())
        .put("kind", n.kind())
        .put("status", n.status().name())
        .put("detail", n.status() == SentNotification.Status.REJECTED ? n.detail() : "")
        .put("at", n.at().toString());
  }
}
