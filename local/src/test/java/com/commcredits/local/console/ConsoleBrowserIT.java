package com.commcredits.local.console;

import static com.commcredits.testing.TestCallRecords.aRecentCallRecord;
import static org.assertj.core.api.Assertions.assertThat;

import com.commcredits.local.LocalDeployment;
import com.commcredits.local.api.LocalHttpApi;
import com.commcredits.local.api.LocalTokenIssuer;
import com.commcredits.local.junit.LocalDeploymentExtension;
import com.commcredits.testing.TestCards;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * The admin console in a real headless Chromium (Debian's {@code chromium} and {@code
 * chromium-driver}) against the local stack: the console function and the Admin API served by the
 * local HTTP API with the local issuer's tokens, the queue-driven functions polling as Lambda
 * would. Every page visited is saved as a screenshot under {@code target/screenshots/}. Skipped
 * where no Chromium or ChromeDriver is installed.
 */
@ExtendWith(LocalDeploymentExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserIT {

  private static final Path CHROMIUM =
      Path.of(System.getProperty("commcredits.chromium", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER =
      Path.of(System.getProperty("commcredits.chromedriver", "/usr/bin/chromedriver"));
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Duration SETTLE = Duration.ofSeconds(60);

  private final LocalDeployment deployment;
  private final String run = UUID.randomUUID().toString().substring(0, 6);
  private URI base;
  private AdminApiClient operator;
  private Path downloads;
  private WebDriver browser;

  ConsoleBrowserIT(LocalDeployment deployment) {
    this.deployment = deployment;
  }

  @BeforeAll
  void startBrowserAndApi() throws IOException {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "needs Chromium and ChromeDriver (apt-get install chromium chromium-driver) at "
            + CHROMIUM
            + " and "
            + CHROMEDRIVER);
    Path keyFile = Files.createTempDirectory("console-it").resolve("dev-signing-key.json");
    LocalTokenIssuer issuer = LocalTokenIssuer.withKeyFile(keyFile);
    LocalHttpApi api = deployment.startHttpApi("127.0.0.1", 0, issuer);
    base = api.baseUri();
    operator = new AdminApiClient(base, issuer.operatorToken());
    Files.createDirectories(SCREENSHOTS);
    downloads = Files.createTempDirectory(Path.of("target"), "downloads");

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,1600",
        "--lang=en-US");
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "download.default_directory",
            downloads.toAbsolutePath().toString(),
            "download.prompt_for_download",
            false));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    deployment.startEventSources();
  }

  @AfterEach
  void settle() {
    if (browser != null) {
      deployment.awaitQuiescence(SETTLE);
    }
  }

  @AfterAll
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  // ---------------------------------------------------------------- org admin

  @Test
  void orgAdmin_seesTheBalance_buysCreditOnceWithADoubleClick_andTheBalanceAndChartUpdate() {
    String org = newOrg("USD", "en", "20");

    signInAsOrgAdmin(org);

    assertThat(balance()).isEqualByComparingTo("20");
    assertThat(text("#service-state")).isEqualTo("Active");
    assertThat(text("#card-on-file")).contains("Visa", "4242", TestCards.FAR_EXPIRY);
    assertThat(text("#recommended-deposit")).startsWith("$");
    int markersBefore = chartMarkers();
    screenshot("01-overview");

    fill("buy-credit", Map.of("amount", "30"));
    new Actions(browser)
        .doubleClick(browser.findElement(By.cssSelector("#buy-credit button[type=submit]")))
        .perform();

    waitUntil(() -> balance().compareTo(new BigDecimal("50")) == 0, "#buy-credit-status");
    assertThat(text("#buy-credit-status")).contains("Bought $30.00", "$50.00");
    waitUntil(() -> chartMarkers() == markersBefore + 1);
    assertThat(
            browser.findElements(
                By.cssSelector("#balance-chart svg[data-markers] circle.marker.PURCHASE")))
        .hasSize(1);
    screenshot("02-overview-after-purchase");
    String ledger = operator.send("GET", "/orgs/" + org + "/ledger", null).body();
    assertThat(ledger.split("\"kind\":\"PURCHASE\"", -1)).hasSize(2);
  }

  @Test
  void orgAdmin_setsAutoRecharge_andSeesTheApisValidationErrorNextToTheField() {
    String org = newOrg("USD", "en", "20");
    signInAsOrgAdmin(org);

    submit("auto-recharge", Map.of("amount", "40", "trigger", "-5"));
    WebElement trigger = browser.findElement(By.id("auto-recharge-trigger"));
    waitUntil(() -> !text("#auto-recharge-trigger-error").isEmpty());
    assertThat(trigger.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(text("#auto-recharge-trigger-error")).contains("trigger");
    screenshot("03-auto-recharge-validation-error");

    checkbox("auto-recharge-enabled", true);
    submit("auto-recharge", Map.of("amount", "40", "trigger", "10", "monthlyCap", "200"));

    waitUntil(() -> text("#auto-recharge-state").contains("$40.00"), "#auto-recharge-status");
    assertThat(text("#auto-recharge-state")).contains("On", "$40.00", "$10.00");
    assertThat(trigger.getAttribute("aria-invalid")).isNull();
  }

  @Test
  void drainedOrg_isShownSuspended_andItsLedgerLinksEachCallChargeToItsRecordAndRate() {
    String org = newOrg("USD", "en", "3");
    signInAsOrgAdmin(org);
    assertThat(text("#service-state")).isEqualTo("Active");

    sendCalls(org, 2, Duration.ofMinutes(8));
    deployment.awaitQuiescence(SETTLE);
    browser.navigate().refresh();

    waitFor("[data-page=overview]");
    waitUntil(() -> "SUSPENDED".equals(attribute("#service-state", "data-state")));
    assertThat(text("#service-state")).isEqualTo("Suspended");
    assertThat(text("#service-reason")).contains("add funds");
    assertThat(balance()).isNegative();
    screenshot("04-overview-suspended");

    open("#/orgs/" + org + "/ledger");
    waitFor("[data-page=ledger]");
    List<WebElement> links = browser.findElements(By.cssSelector("#ledger a.cdr-link"));
    assertThat(links).hasSize(2);
    screenshot("05-ledger");
    links.get(0).click();
    waitFor("[data-page=call]");
    assertThat(text("#call")).contains(org + "-call-", "+81312345678", "Rate", "usd@");
    screenshot("06-call-record-and-rate");
  }

  @Test
  void usageReport_showsTheMonthsTotals_andDownloadsTheTeamsCsv() throws IOException {
    String org = newOrg("USD", "en", "50");
    sendCalls(org, 3, Duration.ofMinutes(2));
    deployment.awaitQuiescence(SETTLE);
    signInAsOrgAdmin(org);

    open("#/orgs/" + org + "/usage");
    waitFor("#by-call-type");
    assertThat(text("#by-call-type")).contains("Total", "3");
    assertThat(text("#by-capability")).isNotEmpty();
    screenshot("07-usage-report");

    browser.findElement(By.id("usage-download")).click();

    String month = YearMonth.now(ZoneOffset.UTC).toString();
    Path csv = downloads.resolve("pstn-usage-" + org + "-" + month + ".csv");
    waitUntil(() -> Files.isRegularFile(csv) && size(csv) > 0);
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    assertThat(lines.get(0).replace("\uFEFF", ""))
        .startsWith("UsageId,Call ID,Conference ID,User Location,AAD ObjectId,UPN")
        .endsWith("Connection Fee,Charge,Currency,Capability");
    assertThat(lines.subList(1, lines.size()))
        .filteredOn(line -> !line.isBlank())
        .hasSize(3)
        .allSatisfy(line -> assertThat(line).startsWith(org + "-call-").contains("USD"));
  }

  @Test
  void restrictionsAndActivity_areReadable_andRestrictionsCanBeSaved() {
    String org = newOrg("USD", "en", "20");
    deployment
        .sqs()
        .sendMessage(
            SendMessageRequest.builder()
                .queueUrl(deployment.queueUrl("CallRecordsQueue"))
                .messageBody(
                    aRecentCallRecord()
                        .org(org)
                        .usageId(org + "-bad")
                        .to("+81312345678")
                        .json()
                        .replace("+81312345678", "12345"))
                .build());
    deployment.awaitQuiescence(SETTLE);
    signInAsOrgAdmin(org);

    open("#/orgs/" + org + "/restrictions");
    waitFor("[data-page=restrictions]");
    new org.openqa.selenium.support.ui.Select(
            browser.findElement(By.id("restrictions-dialOutDefault")))
        .selectByValue("ZONE_A");
    browser.findElement(By.cssSelector("#restrictions button[type=submit]")).click();
    waitUntil(() -> text("#restrictions-status").contains("Saved"), "#restrictions-status");
    screenshot("08-call-restrictions");

    open("#/orgs/" + org + "/activity");
    waitFor("[data-page=activity]");
    waitUntil(() -> browser.findElements(By.cssSelector("#rejected tbody tr")).size() == 1);
    assertThat(text("#rejected")).contains(org + "-bad");
    screenshot("09-rejected-records-and-emails");
  }

  @Test
  void germanAdmin_seesTheConsoleInGerman_withAmountsInGermanFormat() {
    String org = newOrg("EUR", "de", "1234.5");

    signInAsOrgAdmin(org);

    assertThat(text("#balance-title")).isEqualTo("Guthaben");
    assertThat(text("#balance")).isEqualTo("1.234,50 €");
    assertThat(text("#service-state")).isEqualTo("Aktiv");
    assertThat(text("#nav")).contains("Übersicht", "Kontobuch", "Nutzungsbericht");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
    screenshot("10-overview-german");
  }

  @Test
  void orgAdmin_whoEditsTheAddressToAnotherOrg_seesNotFound() {
    String mine = newOrg("USD", "en", "20");
    String theirs = newOrg("USD", "en", "20");
    signInAsOrgAdmin(mine);

    open("#/orgs/" + theirs);

    waitFor("[data-page=not-found]");
    assertThat(text("h1")).isEqualTo("Page not found");
    assertThat(browser.getPageSource()).doesNotContain(AdminApiClient.displayName(theirs));
    screenshot("11-other-org-not-found");
    open("#/orgs/" + theirs + "/ledger");
    waitFor("[data-page=not-found]");
  }

  @Test
  void atPhoneWidth_theOverviewFitsTheScreen() {
    String org = newOrg("USD", "en", "20");
    signInAsOrgAdmin(org);
    browser.manage().window().setSize(new Dimension(390, 1800));
    try {
      Number scrollWidth =
          (Number)
              ((JavascriptExecutor) browser)
                  .executeScript("return document.documentElement.scrollWidth");
      assertThat(scrollWidth.intValue()).isLessThanOrEqualTo(390);
      screenshot("12-overview-phone");
    } finally {
      browser.manage().window().setSize(new Dimension(1280, 1600));
    }
  }

  // ---------------------------------------------------------------- operator

  @Test
  void operator_listsAndSearchesOrgs_opensOne_andGrantsCreditWithAReason() {
    String org = newOrg("USD", "en", "20");
    newOrg("USD", "en", "5");

    signIn(() -> browser.findElement(By.id("sign-in-operator")).click());
    waitFor("[data-page=orgs]");
    screenshot("13-operator-orgs");
    WebElement search = browser.findElement(By.id("org-search"));
    search.sendKeys("ui-" + run);
    search.submit();
    waitUntil(
        () -> {
          List<WebElement> rows = browser.findElements(By.cssSelector("#orgs tbody tr"));
          return rows.size() >= 2
              && rows.stream().allMatch(r -> r.getAttribute("data-org").startsWith("ui-" + run));
        });

    browser.findElement(By.cssSelector("#orgs tr[data-org='" + org + "'] a")).click();
    waitFor("#grant-credit");
    submit("grant-credit", Map.of("amount", "15", "reason", "goodwill after an outage"));

    waitUntil(() -> balance().compareTo(new BigDecimal("35")) == 0, "#grant-credit-status");
    assertThat(text("#grant-credit-status")).contains("Credited $15.00");
    screenshot("14-operator-granted-credit");
  }

  // ---------------------------------------------------------------- helpers

  private String newOrg(String currency, String language, String funds) {
    String orgId = "ui-" + run + "-" + UUID.randomUUID().toString().substring(0, 6);
    operator.openFundedOrg(orgId, currency, language, funds);
    return orgId;
  }

  private void sendCalls(String org, int count, Duration length) {
    for (int i = 1; i <= count; i++) {
      deployment
          .sqs()
          .sendMessage(
              SendMessageRequest.builder()
                  .queueUrl(deployment.queueUrl("CallRecordsQueue"))
                  .messageBody(
                      aRecentCallRecord()
                          .org(org)
                          .usageId(org + "-call-" + i)
                          .to("+81312345678")
                          .startingAt(Instant.now().minusSeconds(3600 + i))
                          .lasting(length.toSeconds())
                          .json())
                  .build());
    }
  }

  private void signInAsOrgAdmin(String org) {
    signIn(
        () -> {
          WebElement field = browser.findElement(By.id("dev-org"));
          field.clear();
          field.sendKeys(org);
          browser.findElement(By.id("sign-in-org")).click();
        });
    waitFor("[data-page=overview]");
    waitFor("#balance");
    waitFor("#balance-chart svg, #balance-chart p");
  }

  private void signIn(Runnable how) {
    browser.get(base + "/console/#/sign-in");
    ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
    browser.navigate().refresh();
    waitFor("[data-page=sign-in]");
    how.run();
  }

  private void open(String fragment) {
    ((JavascriptExecutor) browser).executeScript("location.hash = arguments[0]", fragment);
  }

  private void submit(String form, Map<String, String> values) {
    fill(form, values);
    browser.findElement(By.cssSelector("#" + form + " button[type=submit]")).click();
  }

  private void fill(String form, Map<String, String> values) {
    values.forEach(
        (name, value) -> {
          WebElement input = browser.findElement(By.id(form + "-" + name));
          input.clear();
          input.sendKeys(value);
        });
  }

  private void checkbox(String id, boolean checked) {
    WebElement box = browser.findElement(By.id(id));
    if (box.isSelected() != checked) {
      box.click();
    }
  }

  private BigDecimal balance() {
    return new BigDecimal(attribute("#balance", "data-amount"));
  }

  private int chartMarkers() {
    return Integer.parseInt(attribute("#balance-chart svg", "data-markers"));
  }

  private String text(String css) {
    return browser.findElement(By.cssSelector(css)).getText().strip();
  }

  private String attribute(String css, String name) {
    return browser.findElement(By.cssSelector(css)).getAttribute(name);
  }

  private void waitFor(String css) {
    new WebDriverWait(browser, WAIT)
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
  }

  /** Waits for {@code condition}; on a timeout, says what the page shows at {@code status}. */
  private void waitUntil(java.util.function.BooleanSupplier condition, String status) {
    try {
      waitUntil(condition);
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("the page says: " + text(status), e);
    }
  }

  private void waitUntil(java.util.function.BooleanSupplier condition) {
    new WebDriverWait(browser, WAIT)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .ignoring(org.openqa.selenium.NoSuchElementException.class)
        .until(driver -> condition.getAsBoolean());
  }

  private void screenshot(String name) {
    Path file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    try {
      Files.copy(file, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }
}
