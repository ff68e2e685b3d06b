package com.commcredits.adminapi;

import com.commcredits.domain.account.Accounts;
import com.commcredits.domain.account.Language;
import com.commcredits.domain.account.OrgAccount;
import com.commcredits.domain.account.OrgDirectory;
import com.commcredits.domain.account.PaymentMethod;
import com.commcredits.domain.admin.AccountAdministration;
import com.commcredits.domain.admin.OperatorCredit;
import com.commcredits.domain.authorize.CallRestrictions;
import com.commcredits.domain.authorize.CallRestrictionsStore;
import com.commcredits.domain.charging.RejectedCallRecord;
import com.commcredits.domain.charging.RejectedCallRecords;
import com.commcredits.domain.funding.BalanceSnapshot;
import com.commcredits.domain.funding.FundingStore;
import com.commcredits.domain.funding.PurchaseCommand;
import com.commcredits.domain.funding.PurchaseCredit;
import com.commcredits.domain.funding.PurchaseOutcome;
import com.commcredits.domain.ledger.BalanceHistory;
import com.commcredits.domain.ledger.CreditOutcome;
import com.commcredits.domain.ledger.Ledger;
import com.commcredits.domain.ledger.LedgerEntry;
import com.commcredits.domain.licences.CallingPlan;
import com.commcredits.domain.licences.OrgLicences;
import com.commcredits.domain.money.Money;
import com.commcredits.domain.notification.SentNotifications;
import com.commcredits.domain.payment.CardSetup;
import com.commcredits.domain.report.UsageRecord;
import com.commcredits.domain.report.UsageRecords;
import com.commcredits.domain.report.UsageReportCsv;
import com.commcredits.domain.report.UsageSummary;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** What each route of the Admin API does: read the request, call one use case, write the view. */
final class AdminRoutes {

  /** The read and write sides a route may use. */
  record Services(
      Accounts accounts,
      AccountAdministration administration,
      OperatorCredit operatorCredit,
      Ledger ledger,
      FundingStore funding,
      UsageRecords usage,
      RejectedCallRecords rejected,
      SentNotifications notifications,
      CallRestrictionsStore restrictions,
      OrgDirectory directory,
      PurchaseCredit purchases,
      CardSetup cardSetup,
      String paymentGateway,
      Set<Currency> pricedCurrencies) {

    Services {
      pricedCurrencies = Set.copyOf(pricedCurrencies);
    }
  }

  static final int DEFAULT_PAGE = 50;
  static final int MAX_PAGE = 200;

  private static final Pattern ORG_ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,63}");
  private static final String ORGS_LISTING = "orgs";
  private static final String LEDGER_LISTING = "ledger";

  /** A ledger cursor's position: see {@link #cursorOf(LedgerEntry)}. */
  private static final Pattern LEDGER_POSITION =
      Pattern.compile("[0-9]{12}\\.[0-9]{9}\\|.+", Pattern.DOTALL);

  /** An org listing cursor's position: the last org id of the page. */
  private static final Pattern ORG_POSITION = Pattern.compile(".+", Pattern.DOTALL);

  private static final Pattern ORG_PREFIX = Pattern.compile("[a-z0-9-]{0,64}");
  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
  private static final Pattern MONTH = Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])");
  private static final Pattern EXPIRES = Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])");
  private static final Pattern PRINTABLE = Pattern.compile("[^\\p{Cc}\\p{Cf}]+");

  private final Services services;
  private final ObjectMapper mapper;
  private final OrgViews views;

  AdminRoutes(Services services, ObjectMapper mapper) {
    this.services = services;
    this.mapper = mapper;
    this.views = new OrgViews(mapper);
  }

  List<Route> routes() {
    List<Route> routes = new ArrayList<>();
    routes.add(new Route("GET", "/me", Route.Access.ANY_ROLE, false, this::me));
    routes.add(new Route("GET", "/orgs", Route.Access.OPERATOR, false, this::listOrgs));
    routes.add(new Route("POST", "/orgs", Route.Access.OPERATOR, true, this::openOrg));
    routes.add(new Route("GET", "/orgs/{org}", Route.Access.ORG, false, this::org));
    routes.add(new Route("GET", "/orgs/{org}/ledger", Route.Access.ORG, false, this::ledger));
    routes.add(
        new Route("GET", "/orgs/{org}/calls/{usageId}", Route.Access.ORG, false, this::call));
    routes.add(
        new Route(
            "GET", "/orgs/{org}/balance-history", Route.Access.ORG, false, this::balanceHistory));
    routes.add(new Route("POST", "/orgs/{org}/purchases", Route.Access.ORG, true, this::purchase));
    routes.add(
        new Route("POST", "/orgs/{org}/credits", Route.Access.ORG_OPERATOR, true, this::credit));
    routes.add(
        new Route(
            "PUT", "/orgs/{org}/auto-recharge", Route.Access.ORG, true, this::setAutoRecharge));
    routes.add(
        new Route(
            "PUT", "/orgs/{org}/payment-method", Route.Access.ORG, true, this::setPaymentMethod));
    routes.add(
        new Route(
            "POST",
            "/orgs/{org}/payment-method/setup-intent",
            Route.Access.ORG,
            true,
            this::setupIntent));
    routes.add(
        new Route("PUT", "/orgs/{org}/licences", Route.Access.ORG_OPERATOR, true, this::licences));
    routes.add(
        new Route(
            "GET", "/orgs/{org}/call-restrictions", Route.Access.ORG, false, this::restrictions));
    routes.add(
        new Route(
            "PUT", "/orgs/{org}/call-restrictions", Route.Access.ORG, true, this::setRestrictions));
    routes.add(
        new Route("GET", "/orgs/{org}/usage-report", Route.Access.ORG, false, this::usageReport));
    routes.add(
        new Route("GET", "/orgs/{org}/usage-summary", Route.Access.ORG, false, this::usageSummary));
    routes.add(
        new Route(
            "GET", "/orgs/{org}/rejected-records", Route.Access.ORG, false, this::rejectedRecords));
    routes.add(
        new Route(
            "GET", "/orgs/{org}/notifications", Route.Access.ORG, false, this::notifications));
    return routes;
  }

  // ------------------------------------------------------------------ identity and orgs

  private ApiResponse me(RouteCall call) {
    Caller caller = call.caller();
    ObjectNode json = views.object();
    json.put("role", caller.isOperator() ? "operator" : "org-admin");
    json.put("subject", caller.subject());
    json.put("email", caller.email());
    json.put("orgId", caller.orgId());
    json.put(
        "language",
        caller.isOperator()
            ? Language.EN.code()
            : services
                .accounts()
                .find(caller.orgId())
                .map(a -> a.language().code())
                .orElse(Language.EN.code()));
    json.put("paymentGateway", services.paymentGateway());
    return ok(json);
  }

  private ApiResponse listOrgs(RouteCall call) {
    String prefix = call.request().queryParameter("query").orElse("");
    if (!ORG_PREFIX.matcher(prefix).matches()) {
      throw ApiProblem.badField(
          "query",
          "query must be the start of an org id (a-z, 0-9, '-'), got '"
              + ApiProblem.shown(prefix)
              + "'");
    }
    int limit = limit(call);
    String after =
        call.request()
            .queryParameter("cursor")
            .map(cursor -> decodeCursor(cursor, ORGS_LISTING, ORG_POSITION))
            .orElse("");
    List<String> ids =
        services.directory().orgIds().stream()
            .filter(id -> id.startsWith(prefix) && id.compareTo(after) > 0)
            .sorted()
            .toList();
    ObjectNode json = views.object();
    ArrayNode items = json.putArray("items");
    ids.stream()
        .limit(limit)
        .forEach(id -> services.accounts().find(id).ifPresent(a -> items.add(views.summary(a))));
    json.put(
        "nextCursor", ids.size() > limit ? encodeCursor(ORGS_LISTING, ids.get(limit - 1)) : null);
    return ok(json);
  }

  private ApiResponse openOrg(RouteCall call) {
    JsonBody body =
        JsonBody.read(
            mapper,
            call.request().body(),
            Set.of("orgId", "displayName", "currency", "language", "adminEmails", "licensedUsers"));
    FieldChecks form = new FieldChecks();
    String orgId = form.field(() -> newOrgId(body.text("orgId")));
    String displayName = form.field(() -> printable(body, "displayName", 1, 200, ""));
    Currency currency = form.field(() -> pricedCurrency(body.text("currency")));
    String languageCode =
        form.field(
            () -> {
              String code = body.optionalText("language").orElse("en");
              if (!Set.of("en", "de").contains(code)) {
                throw ApiProblem.invalid(
                    "language", "language must be en or de, got '" + ApiProblem.shown(code) + "'");
              }
              return code;
            });
    List<String> emails =
        form.field(
            () -> {
              List<String> addresses = body.texts("adminEmails", 1, 20);
              for (String email : addresses) {
                if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
                  throw ApiProblem.invalid(
                      "adminEmails",
                      "adminEmails must be email addresses, got '" + ApiProblem.shown(email) + "'");
                }
              }
              return addresses;
            });
    Integer licensedUsers = form.field(() -> body.integer("licensedUsers", 0, 10_000_000));
    form.refuseIfAnyFailed();
    AccountAdministration.Opened opened =
        services
            .administration()
            .openAccount(
                orgId,
                displayName,
                currency,
                Language.fromCode(languageCode),
                emails,
                licensedUsers,
                call.now());
    if (!opened.created()) {
      throw ApiProblem.conflict("an org '" + orgId + "' is open already");
    }
    return json(201, orgView(opened.account(), call.now()))
        .withHeader("location", "/orgs/" + orgId);
  }

  /** A text field, stripped of surrounding blanks: {@code min}-{@code max} printable characters. */
  private static String printable(JsonBody body, String field, int min, int max, String example) {
    String text = body.text(field).strip();
    if (text.length() < min || text.length() > max || !PRINTABLE.matcher(text).matches()) {
      throw ApiProblem.invalid(
          field, field + " must be " + min + "-" + max + " printable characters" + example);
    }
    return text;
  }

  private static String newOrgId(String orgId) {
    if (!ORG_ID.matcher(orgId).matches()) {
      throw ApiProblem.invalid(
          "orgId",
          "orgId must be 3-64 of a-z, 0-9 and '-', starting with a letter or digit, got '"
              + ApiProblem.shown(orgId)
              + "'");
    }
    if (AccountAdministration.isReserved(orgId)) {
      throw ApiProblem.invalid(
          "orgId", "orgId '" + orgId + "' is reserved for the functions' start-up checks");
    }
    return orgId;
  }

  private Currency pricedCurrency(String code) {
    Currency currency;
    try {
      currency = code.matches("[A-Z]{3}") ? Currency.getInstance(code) : null;
    } catch (IllegalArgumentException unknown) {
      currency = null;
    }
    if (currency == null) {
      throw ApiProblem.invalid(
          "currency",
          "currency must be an ISO 4217 code such as USD, got '" + ApiProblem.shown(code) + "'");
    }
    if (!services.pricedCurrencies().contains(currency)) {
      throw ApiProblem.invalid(
          "currency",
          "no rate card prices "
              + code
              + ", so every call of the org would be rejected; priced: "
              + String.join(
                  ", ",
                  services.pricedCurrencies().stream()
                      .map(Currency::getCurrencyCode)
                      .sorted()
                      .toList()));
    }
    return currency;
  }

  private ApiResponse org(RouteCall call) {
    return ok(orgView(call.account(), call.now()));
  }

  ObjectNode orgView(OrgAccount account, Instant now) {
    String org = account.orgId();
    return views.org(
        account,
        services.funding().snapshot(org).map(BalanceSnapshot::funding),
        services.ledger().entries(org),
        services.ledger().poolUsage(org, YearMonth.from(now.atZone(ZoneOffset.UTC))),
        now);
  }

  // ------------------------------------------------------------------ history

  private ApiResponse ledger(RouteCall call) {
    Optional<Instant> from = instant(call, "from");
    Optional<Instant> to = instant(call, "to");
    int limit = limit(call);
    Optional<String> after =
        call.request()
            .queryParameter("cursor")
            .map(cursor -> decodeCursor(cursor, LEDGER_LISTING, LEDGER_POSITION));
    Comparator<LedgerEntry> newestFirst =
        Comparator.comparing(LedgerEntry::at).thenComparing(LedgerEntry::entryId).reversed();
    List<LedgerEntry> entries =
        services.ledger().entries(call.account().orgId()).stream()
            .filter(e -> from.map(f -> !e.at().isBefore(f)).orElse(true))
            .filter(e -> to.map(t -> e.at().isBefore(t)).orElse(true))
            .filter(e -> after.map(a -> cursorOf(e).compareTo(a) < 0).orElse(true))
            .sorted(newestFirst)
            .toList();
    ObjectNode json = views.object();
    ArrayNode items = json.putArray("items");
    entries.stream().limit(limit).forEach(e -> items.add(views.entry(e)));
    json.put(
        "nextCursor",
        entries.size() > limit
            ? encodeCursor(LEDGER_LISTING, cursorOf(entries.get(limit - 1)))
            : null);
    return ok(json);
  }

  /** A position that sorts as text like the listing: time (fixed width), then entry id. */
  private static String cursorOf(LedgerEntry entry) {
    return String.format(
        "%012d.%09d|%s", entry.at().getEpochSecond(), entry.at().getNano(), entry.entryId());
  }

  private ApiResponse call(RouteCall call) {
    String usageId = call.parameter("usageId");
    UsageRecord record =
        services
            .usage()
            .find(call.account().orgId(), usageId)
            .orElseThrow(
                () -> ApiProblem.notFound("no charged call '" + ApiProblem.shown(usageId) + "'"));
    return ok(views.call(record));
  }

  private ApiResponse balanceHistory(RouteCall call) {
    String days = call.request().queryParameter("days").orElse("30");
    if (!days.equals("30") && !days.equals("90")) {
      throw ApiProblem.badField(
          "days", "days must be 30 or 90, got '" + ApiProblem.shown(days) + "'");
    }
    OrgAccount account = call.account();
    BalanceHistory history =
        BalanceHistory.of(
            services.ledger().entries(account.orgId()),
            Money.zero(account.currency()),
            Integer.parseInt(days),
            call.now());
    return ok(views.history(history, account.currency().getCurrencyCode()));
  }

  // ------------------------------------------------------------------ funds

  /**
   * Buys credit with the card on file under a purchase id derived from the Idempotency-Key, so the
   * same key is the same purchase: one charge and one credit however often it is sent. An open
   * outcome (202) is not kept for replay: the auto-recharge step settles it within minutes under
   * the same key, and sending the same request again reconciles it the same way.
   */
  private ApiResponse purchase(RouteCall call) {
    OrgAccount account = call.account();
    JsonBody body = JsonBody.read(mapper, call.request().body(), Set.of("amount"));
    Money amount = body.money("amount", account.currency(), false);
    if (amount.micros() > PurchaseCommand.MAX_AMOUNT_UNITS * 1_000_000L) {
      throw ApiProblem.invalid(
          "amount.amount",
          "one purchase buys at most "
              + PurchaseCommand.MAX_AMOUNT_UNITS
              + " "
              + account.currency()
              + ", got "
              + amount.toPlainString());
    }
    if (account.autoRecharge().paymentMethod() == null) {
      throw ApiProblem.invalid(
          "amount", "there is no card on file; put one with PUT payment-method first");
    }
    String purchaseId = PurchaseCommand.purchaseIdFor(call.idempotencyKey());
    PurchaseOutcome outcome =
        services
            .purchases()
            .purchase(new PurchaseCommand(account.orgId(), purchaseId, amount, call.now()));
    String card = account.autoRecharge().paymentMethod().displayName();
    if (outcome instanceof PurchaseOutcome.Purchased p) {
      return json(201, purchaseView(p.purchaseId(), "PURCHASED", p.amount(), p.newBalance(), card));
    }
    if (outcome instanceof PurchaseOutcome.AlreadyPurchased p) {
      return json(201, purchaseView(p.purchaseId(), "PURCHASED", p.amount(), p.balance(), card));
    }
    if (outcome instanceof PurchaseOutcome.Pending p) {
      return json(202, purchaseView(p.purchaseId(), "PENDING", amount, null, card));
    }
    if (outcome instanceof PurchaseOutcome.Declined d) {
      throw ApiProblem.declined(d.kind().name(), d.reason());
    }
    throw ApiProblem.invalid("amount", ((PurchaseOutcome.Rejected) outcome).reason());
  }

  private ObjectNode purchaseView(
      String purchaseId, String status, Money amount, Money balance, String card) {
    ObjectNode json = views.object().put("purchaseId", purchaseId).put("status", status);
    json.set("amount", views.money(amount));
    if (balance != null) {
      json.set("balance", views.money(balance));
    }
    json.put("card", card);
    return json;
  }

  private ApiResponse credit(RouteCall call) {
    OrgAccount account = call.account();
    JsonBody body = JsonBody.read(mapper, call.request().body(), Set.of("amount", "reason"));
    FieldChecks form = new FieldChecks();
    Money amount = form.field(() -> body.money("amount", account.currency(), false));
    String reason = form.field(() -> printable(body, "reason", 3, 500, ""));
    form.refuseIfAnyFailed();
    String creditId = "credit-" + call.idempotencyKey();
    CreditOutcome outcome =
        services.operatorCredit().grant(account.orgId(), creditId, amount, reason, call.now());
    if (outcome instanceof CreditOutcome.Credited credited) {
      ObjectNode json = views.object();
      json.set("entry", views.entry(credited.entry()));
      json.set(
          "balance",
          views.money(services.accounts().find(account.orgId()).orElse(account).balance()));
      return json(201, json);
    }
    if (outcome instanceof CreditOutcome.AlreadyCredited) {
      throw ApiProblem.conflict("credit '" + creditId + "' was granted before");
    }
    throw ApiProblem.noSuchOrg(account.orgId());
  }

  // ------------------------------------------------------------------ settings

  private ApiResponse setAutoRecharge(RouteCall call) {
    OrgAccount account = call.account();
    JsonBody body =
        JsonBody.read(
            mapper, call.request().body(), Set.of("enabled", "amount", "trigger", "monthlyCap"));
    FieldChecks form = new FieldChecks();
    Boolean enabled = form.field(() -> body.bool("enabled"));
    Money amount = form.field(() -> body.money("amount", account.currency(), false));
    Money trigger = form.field(() -> body.money("trigger", account.currency(), true));
    Money cap =
        form.field(() -> body.optionalMoney("monthlyCap", account.currency(), false).orElse(null));
    form.rule(
        () -> {
          if (Boolean.TRUE.equals(enabled) && account.autoRecharge().paymentMethod() == null) {
            throw ApiProblem.invalid(
                "enabled",
                "auto-recharge needs a card on file; put one with PUT payment-method first");
          }
        });
    form.rule(
        () -> {
          if (cap != null && amount != null && cap.isLessThan(amount)) {
            throw ApiProblem.invalid(
                "monthlyCap", "monthlyCap must be at least one recharge amount (" + amount + ")");
          }
        });
    form.refuseIfAnyFailed();
    OrgAccount updated =
        services
            .administration()
            .setAutoRecharge(account.orgId(), enabled, amount, trigger, cap, call.now());
    return ok(orgView(updated, call.now()));
  }

  private ApiResponse setPaymentMethod(RouteCall call) {
    OrgAccount account = call.account();
    JsonBody body =
        JsonBody.read(mapper, call.request().body(), Set.of("token", "brand", "last4", "expires"));
    FieldChecks form = new FieldChecks();
    String token =
        form.field(
            () -> {
              String text = body.text("token");
              if (!text.matches("[A-Za-z0-9_:]{3,255}")) {
                throw ApiProblem.invalid(
                    "token",
                    "token must be the gateway's token (3-255 letters, digits, '_' or ':', such"
                        + " as pm_card_visa) — never a card number");
              }
              return text;
            });
    String brand = form.field(() -> printable(body, "brand", 1, 40, ", such as Visa"));
    String last4 =
        form.field(
            () -> {
              String text = body.text("last4");
              if (!text.matches("[0-9]{4}")) {
                throw ApiProblem.invalid("last4", "last4 must be the card's last four digits");
              }
              return text;
            });
    YearMonth expires =
        form.field(
            () -> {
              String text = body.text("expires");
              if (!EXPIRES.matcher(text).matches()) {
                throw ApiProblem.invalid("expires", "expires must be a month such as 2030-12");
              }
              YearMonth month = YearMonth.parse(text);
              if (month.isBefore(YearMonth.from(call.now().atZone(ZoneOffset.UTC)))) {
                throw ApiProblem.invalid("expires", "the card expired in " + month);
              }
              return month;
            });
    form.refuseIfAnyFailed();
    OrgAccount updated =
        services
            .administration()
            .updatePaymentMethod(
                account.orgId(), new PaymentMethod(token, brand, last4, expires), call.now());
    return ok(orgView(updated, call.now()));
  }

  private ApiResponse setupIntent(RouteCall call) {
    OrgAccount account = call.account();
    Optional<String> onFile =
        Optional.ofNullable(account.autoRecharge().paymentMethod()).map(PaymentMethod::token);
    CardSetup.Result result =
        services.cardSetup().begin(account.orgId(), onFile, call.idempotencyKey());
    if (result instanceof CardSetup.Started started) {
      ObjectNode json = views.object();
      json.put("clientSecret", started.clientSecret());
      json.put("publishableKey", started.publishableKey());
      json.put("customer", started.customer());
      return json(201, json);
    }
    if (result instanceof CardSetup.Unavailable unavailable) {
      throw ApiProblem.conflict(unavailable.reason());
    }
    throw new ApiProblem(
        503,
        "payment-provider-unavailable",
        "The payment provider did not answer",
        ((CardSetup.Failed) result).reason() + "; nothing was saved, try again",
        List.of());
  }

  private ApiResponse licences(RouteCall call) {
    OrgAccount account = call.account();
    JsonBody body =
        JsonBody.read(
            mapper, call.request().body(), Set.of("audioConferencingUsers", "callingPlans"));
    int conferencing = body.integer("audioConferencingUsers", 0, 10_000_000);
    List<CallingPlan> plans = new ArrayList<>();
    JsonNode plansJson = body.node("callingPlans");
    if (!plansJson.isNull() && !plansJson.isMissingNode()) {
      if (!plansJson.isArray() || plansJson.size() > 250) {
        throw JsonBody.wrongType("callingPlans", "an array of at most 250 calling plans");
      }
      for (int i = 0; i < plansJson.size(); i++) {
        plans.add(callingPlan(plansJson.get(i), "callingPlans[" + i + "]"));
      }
    }
    services.administration().setLicences(account.orgId(), new OrgLicences(conferencing, plans));
    return ok(orgView(services.accounts().find(account.orgId()).orElseThrow(), call.now()));
  }

  private static CallingPlan callingPlan(JsonNode plan, String field) {
    if (!plan.isObject()) {
      throw JsonBody.wrongType(field, "an object with country, users, domesticMinutesPerUser");
    }
    Set<String> known =
        Set.of("country", "users", "domesticMinutesPerUser", "internationalMinutesPerUser");
    Iterator<String> names = plan.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        throw ApiProblem.badField(
            field + "." + ApiProblem.shown(name),
            field + " has an unknown field '" + ApiProblem.shown(name) + "'");
      }
    }
    JsonNode country = plan.get("country");
    if (country == null || !country.isTextual()) {
      throw JsonBody.wrongType(field + ".country", "an ISO 3166-1 alpha-2 code such as US");
    }
    if (!Set.of(Locale.getISOCountries()).contains(country.asText())) {
      throw ApiProblem.invalid(
          field + ".country",
          "country must be ISO 3166-1 alpha-2, got '" + ApiProblem.shown(country.asText()) + "'");
    }
    int users =
        JsonBody.integerAt(plan.get("users"), field + ".users", 0, 10_000_000)
            .orElseThrow(() -> ApiProblem.invalid(field + ".users", field + ".users is required"));
    int domestic =
        JsonBody.integerAt(
                plan.get("domesticMinutesPerUser"), field + ".domesticMinutesPerUser", 0, 1_000_000)
            .orElseThrow(
                () ->
                    ApiProblem.invalid(
                        field + ".domesticMinutesPerUser",
                        field + ".domesticMinutesPerUser is required"));
    int international =
        JsonBody.integerAt(
                plan.get("internationalMinutesPerUser"),
                field + ".internationalMinutesPerUser",
                0,
                1_000_000)
            .orElse(0);
    return new CallingPlan(country.asText(), users, domestic, international);
  }

  private ApiResponse restrictions(RouteCall call) {
    return ok(views.restrictions(services.restrictions().of(call.account().orgId())));
  }

  private ApiResponse setRestrictions(RouteCall call) {
    JsonBody body =
        JsonBody.read(
            mapper,
            call.request().body(),
            Set.of("dialOutDefault", "organizers", "userCallsDefault", "users"));
    CallRestrictions.DialOut dialOut =
        policy(body.text("dialOutDefault"), CallRestrictions.DialOut.class, "dialOutDefault");
    CallRestrictions.UserCalls userCalls =
        policy(body.text("userCallsDefault"), CallRestrictions.UserCalls.class, "userCallsDefault");
    CallRestrictions restrictions =
        new CallRestrictions(
            dialOut,
            perUser(body.node("organizers"), CallRestrictions.DialOut.class, "organizers"),
            userCalls,
            perUser(body.node("users"), CallRestrictions.UserCalls.class, "users"));
    services.restrictions().save(call.account().orgId(), restrictions);
    return ok(views.restrictions(restrictions));
  }

  private static <E extends Enum<E>> Map<String, E> perUser(
      JsonNode json, Class<E> type, String field) {
    Map<String, E> policies = new HashMap<>();
    if (json.isNull() || json.isMissingNode()) {
      return policies;
    }
    if (!json.isObject() || json.size() > 1000) {
      throw JsonBody.wrongType(field, "an object of at most 1000 user principal names to policies");
    }
    Iterator<Map.Entry<String, JsonNode>> fields = json.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> entry = fields.next();
      String upn = entry.getKey();
      if (upn.isBlank() || upn.length() > 254 || !PRINTABLE.matcher(upn).matches()) {
        throw ApiProblem.invalid(field, field + " keys must be user principal names");
      }
      if (!entry.getValue().isTextual()) {
        throw JsonBody.wrongType(field + "." + ApiProblem.shown(upn), "a policy name");
      }
      policies.put(
          upn, policy(entry.getValue().asText(), type, field + "." + ApiProblem.shown(upn)));
    }
    return policies;
  }

  private static <E extends Enum<E>> E policy(String value, Class<E> type, String field) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(value)) {
        return constant;
      }
    }
    throw ApiProblem.invalid(
        field,
        field
            + " must be one of "
            + List.of(type.getEnumConstants())
            + ", got '"
            + ApiProblem.shown(value)
            + "'");
  }

  // ------------------------------------------------------------------ reports

  private ApiResponse usageReport(RouteCall call) {
    YearMonth month = month(call);
    OrgAccount account = call.account();
    StringBuilder csv = new StringBuilder();
    UsageReportCsv.write(monthOfCalls(account.orgId(), month), csv);
    return ApiResponse.of(200, ApiResponse.CSV, csv.toString())
        .withHeader(
            "content-disposition",
            "attachment; filename=\"usage-" + account.orgId() + "-" + month + ".csv\"");
  }

  private ApiResponse usageSummary(RouteCall call) {
    YearMonth month = month(call);
    OrgAccount account = call.account();
    UsageSummary summary =
        UsageSummary.of(monthOfCalls(account.orgId(), month), Money.zero(account.currency()));
    return ok(views.usageSummary(summary, month, account.currency().getCurrencyCode()));
  }

  private List<UsageRecord> monthOfCalls(String orgId, YearMonth month) {
    Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    return services.usage().startedBetween(orgId, from, to);
  }

  private ApiResponse rejectedRecords(RouteCall call) {
    List<RejectedCallRecord> records =
        new ArrayList<>(services.rejected().list(call.account().orgId()));
    records.sort(Comparator.comparing(RejectedCallRecord::rejectedAt).reversed());
    ObjectNode json = views.object();
    ArrayNode items = json.putArray("items");
    records.forEach(r -> items.add(views.rejected(r)));
    return ok(json);
  }

  private ApiResponse notifications(RouteCall call) {
    ObjectNode json = views.object();
    ArrayNode items = json.putArray("items");
    services
        .notifications()
        .list(call.account().orgId())
        .forEach(n -> items.add(views.notification(n)));
    return ok(json);
  }

  // ------------------------------------------------------------------ reading the query

  private static YearMonth month(RouteCall call) {
    String month =
        call.request()
            .queryParameter("month")
            .orElseThrow(() -> ApiProblem.badField("month", "month is required, such as 2026-11"));
    if (!MONTH.matcher(month).matches()) {
      throw ApiProblem.badField(
          "month", "month must be YYYY-MM such as 2026-11, got '" + ApiProblem.shown(month) + "'");
    }
    return YearMonth.parse(month);
  }

  private static Optional<Instant> instant(RouteCall call, String name) {
    return call.request()
        .queryParameter(name)
        .map(
            text -> {
              try {
                return Instant.parse(text);
              } catch (DateTimeParseException e) {
                throw ApiProblem.badField(
                    name,
                    name
                        + " must be an ISO-8601 UTC time such as 2026-11-01T00:00:00Z, got '"
                        + ApiProblem.shown(text)
                        + "'");
              }
            });
  }

  private static int limit(RouteCall call) {
    String text = call.request().queryParameter("limit").orElse(String.valueOf(DEFAULT_PAGE));
    try {
      int limit = Integer.parseInt(text);
      if (limit >= 1 && limit <= MAX_PAGE) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiProblem.badField(
        "limit", "limit must be 1-" + MAX_PAGE + ", got '" + ApiProblem.shown(text) + "'");
  }

  /**
   * A cursor names its listing before the position, so that one made up, mistyped or taken from
   * another listing is refused with a 400 instead of being read as a position (which answered an
   * empty or a wrong page).
   */
  private static String encodeCursor(String listing, String position) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((listing + "~" + position).getBytes(StandardCharsets.UTF_8));
  }

  private static String decodeCursor(String cursor, String listing, Pattern position) {
    String decoded;
    try {
      decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      decoded = "";
    }
    String prefix = listing + "~";
    if (!decoded.startsWith(prefix)
        || !position.matcher(decoded.substring(prefix.length())).matches()) {
      throw ApiProblem.badField(
          "cursor",
          "cursor '"
              + ApiProblem.shown(cursor)
              + "' is not one this API gave out for this listing; pass a nextCursor back as is");
    }
    return decoded.substring(prefix.length());
  }

  private ApiResponse ok(ObjectNode json) {
    return json(200, json);
  }

  private static ApiResponse json(int status, ObjectNode json) {
    return ApiResponse.of(status, ApiResponse.JSON, json.toString());
  }
}
