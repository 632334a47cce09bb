package org.toxwatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.toxwatch.alerting.alert.domain.Assessments.anAssessment;
import static org.toxwatch.alerting.patient.domain.PatientRecords.aRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.toxwatch.alerting.alert.application.AlertFilter;
import org.toxwatch.alerting.alert.application.Alerts;
import org.toxwatch.alerting.alert.application.AssessmentHistory;
import org.toxwatch.alerting.alert.domain.AlertPolicy;
import org.toxwatch.alerting.alert.domain.Assessments;
import org.toxwatch.alerting.patient.application.PatientFiles;
import org.toxwatch.model.AdministrativeSex;
import org.toxwatch.model.AssessmentCaveat;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.EncounterEvent;
import org.toxwatch.model.ToxicityFamily;

/**
 * The clinician console in a real browser (headless Debian Chromium), against the alerting application on a
 * random port with the real broker and store: a clinician signs in, sees an alert arrive live, opens it,
 * acknowledges it with the keyboard and finds the acknowledgement in the audit trail.
 */
class ConsoleBrowserIT extends RunningAlertingService {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static WebDriver browser;
    private static Path profile;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    AssessmentHistory history;

    @Autowired
    Alerts alerts;

    @Autowired
    PatientFiles patients;

    @BeforeAll
    static void startBrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The console browser test needs Debian's chromium and chromium-driver at " + CHROMIUM + " and "
                    + CHROMEDRIVER + ": install them with `apt-get install -y chromium chromium-driver` "
                    + "(.ci/run does this when they are missing).");
        }
        profile = Files.createTempDirectory("toxwatch-console-it-chromium-");
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                // A tablet in landscape: the console must be usable at this width.
                "--window-size=1024,768");
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(ConsoleBrowserIT::delete);
            }
        }
    }

    @Test
    void aClinicianSeesANewAlertArriveLiveOpensItAcknowledgesItAndFindsItInTheAuditTrail() {
        String patient = "MRN-" + UUID.randomUUID();
        signIn();
        waitFor(ExpectedConditions.attributeToBe(By.id("live"), "data-state", "live"));
        followingTheLiveStream();
        script("document.body.dataset.loadedOnce = 'yes'");

        By row = By.xpath(rowOf(patient));
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2)).until(() -> {
            if (!browser.findElements(row).isEmpty()) {
                return true;
            }
            // The live feed reads from the newest record on; should its first read miss the alert being raised,
            // the next assessment of the same toxicity updates the same alert, and that transition is shown.
            publish(anAssessment(patient, Criterion.NEUTROPHIL_COUNT_DECREASED, 4));
            return false;
        });

        assertThat(script("return document.body.dataset.loadedOnce"))
                .as("arrived without reloading the page")
                .isEqualTo("yes");
        WebElement arrived = browser.findElement(row);
        assertThat(arrived.getText()).contains("High", "Neutrophil count decreased · grade 4", "Open");
        keepScreenshot("queue-with-live-alert");

        arrived.findElement(By.linkText("Neutrophil count decreased · grade 4")).click();
        waitFor(ExpectedConditions.textToBe(By.id("alert-status"), "open"));
        assertThat(browser.findElement(By.id("facts")).getText())
                .contains(AlertPolicy.VERSION, "test-catalogue", "grade 4 → high", "lab-42");
        assertThat(browser.findElement(By.id("evidence")).getText())
                .contains("Neutrophils [#/volume] in Blood", "0.4 × 10⁹/L", "1.8–7.7 × 10⁹/L", "lab-42");

        browser.findElement(By.id("ack-note")).sendKeys("calling the ward");
        browser.findElement(By.id("acknowledge")).sendKeys(Keys.ENTER);

        waitFor(ExpectedConditions.textToBe(By.id("alert-status"), "acknowledged"));
        WebElement acknowledgement = waitFor(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#audit tr[data-transition='ACKNOWLEDGED']")));
        assertThat(acknowledgement.getText()).contains("acknowledged", "clinician", "calling the ward");
        assertThat(browser.findElements(By.cssSelector("#audit tr")))
                .extracting(element -> element.getDomAttribute("data-transition"))
                .startsWith("RAISED")
                .endsWith("ACKNOWLEDGED");
        assertThat(browser.findElement(By.id("acknowledge")).isEnabled()).isFalse();
        assertFitsTheWindowWidth();
        keepScreenshot("alert-acknowledged");
    }

    @Test
    void everyRowSaysWhoseAlertItIsAsTextAndATransferMovesTheBedWithoutAReload() {
        String patient = "MRN-" + UUID.randomUUID();
        String hostileName = "<img src=x onerror=alert(1)>";
        Instant admitted = Instant.now().minus(Duration.ofHours(2));
        publish(aRecord(patient, admitted.toString())
                .event(EncounterEvent.ADMITTED)
                .named(hostileName, "Mia")
                .born(LocalDate.now().minusYears(6).minusMonths(2).toString())
                .sex(AdministrativeSex.FEMALE)
                .in("PICU", "4", "B")
                .attending("Dr A. Attending")
                .build());
        publish(anAssessment(patient, Criterion.NEUTROPHIL_COUNT_DECREASED, 4));
        await().atMost(PATIENCE)
                .until(() -> patients.find(patient).isPresent()
                        && !alerts.list(AlertFilter.of(null, patient, 1)).isEmpty());
        signIn();
        browser.findElement(By.id("patient-filter")).sendKeys(patient, Keys.TAB);
        By row = By.xpath(rowOf(patient));
        waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#queue-rows tr"), 1));

        // The queue may render its rows again meanwhile (the live stream), so each field is looked up afresh.
        waitFor(ExpectedConditions.textToBe(field(patient, "name"), hostileName + ", Mia"));
        assertThat(browser.findElements(By.xpath(rowOf(patient) + "//img")))
                .as("a name is text, never markup")
                .isEmpty();
        waitFor(ExpectedConditions.textToBe(field(patient, "age"), "6 y"));
        waitFor(ExpectedConditions.textToBe(field(patient, "sex"), "female"));
        waitFor(ExpectedConditions.textToBe(field(patient, "location"), "PICU · room 4 · bed B"));
        waitFor(ExpectedConditions.textToBe(field(patient, "attending"), "Dr A. Attending"));

        waitFor(ExpectedConditions.attributeToBe(By.id("live"), "data-state", "live"));
        script("document.body.dataset.loadedOnce = 'yes'");
        publish(aRecord(patient, admitted.plus(Duration.ofHours(1)).toString())
                .event(EncounterEvent.TRANSFERRED)
                .in("ONC-PED", "12", "A")
                .build());

        waitFor(ExpectedConditions.textToBe(
                By.cssSelector("tr[data-patient-id='" + patient + "'] [data-field='location']"),
                "ONC-PED · room 12 · bed A"));
        assertThat(script("return document.body.dataset.loadedOnce"))
                .as("moved without reloading the page")
                .isEqualTo("yes");
        waitFor(ExpectedConditions.textToBe(field(patient, "name"), hostileName + ", Mia"));
        keepScreenshot("queue-patient-transferred");

        browser.findElement(row)
                .findElement(By.linkText("Neutrophil count decreased · grade 4"))
                .click();
        waitFor(ExpectedConditions.textToBe(By.id("patient-location"), "ONC-PED · room 12 · bed A"));
        assertThat(browser.findElement(By.id("patient-name")).getText()).isEqualTo(hostileName + ", Mia");
        assertThat(browser.findElement(By.id("patient-age")).getText()).isEqualTo("6 y");
        assertThat(browser.findElement(By.id("patient-sex")).getText()).isEqualTo("female");
        assertThat(browser.findElement(By.id("patient-attending")).getText()).isEqualTo("Dr A. Attending");
        assertThat(browser.findElements(By.cssSelector("#facts img"))).isEmpty();
        keepScreenshot("alert-with-patient");
    }

    @Test
    void aPatientNothingIsKnownAboutShowsDashesAndThePageStillWorks() {
        String patient = "MRN-" + UUID.randomUUID();
        publish(anAssessment(patient, Criterion.NEUTROPHIL_COUNT_DECREASED, 4));
        await().atMost(PATIENCE)
                .until(() -> !alerts.list(AlertFilter.of(null, patient, 1)).isEmpty());
        signIn();
        browser.findElement(By.id("patient-filter")).sendKeys(patient, Keys.TAB);
        waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#queue-rows tr"), 1));

        waitFor(ExpectedConditions.textToBe(field(patient, "name"), "—"));
        waitFor(ExpectedConditions.textToBe(field(patient, "age"), "—"));
        waitFor(ExpectedConditions.textToBe(field(patient, "location"), "—"));
        waitFor(ExpectedConditions.textToBe(field(patient, "attending"), "—"));
        waitFor(ExpectedConditions.textToBe(field(patient, "patient-id"), patient));
    }

    @Test
    void aCytopeniaAlertIsHeadedByTheNeutrophilGrade4ThatMadeItHighNotByThePlateletGrade3ThatFollowed() {
        String patient = "MRN-" + UUID.randomUUID();
        publish(anAssessment(patient, Criterion.NEUTROPHIL_COUNT_DECREASED, 4));
        publish(anAssessment(patient, Criterion.PLATELET_COUNT_DECREASED, 3));
        await().atMost(PATIENCE)
                .until(() -> alerts.list(AlertFilter.of(null, patient, 1)).stream()
                        .anyMatch(alert -> alert.latest().criterion() == Criterion.PLATELET_COUNT_DECREASED));
        signIn();
        browser.findElement(By.id("patient-filter")).sendKeys(patient, Keys.TAB);
        waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#queue-rows tr"), 1));

        waitFor(ExpectedConditions.textToBe(field(patient, "driver"), "Neutrophil count decreased · grade 4"));
        waitFor(ExpectedConditions.textToBe(field(patient, "current"), "(latest: Platelet count decreased · grade 3)"));

        browser.findElement(By.xpath(rowOf(patient)))
                .findElement(By.linkText("Neutrophil count decreased · grade 4"))
                .click();
        waitFor(ExpectedConditions.textToBe(By.id("alert-driver"), "Neutrophil count decreased · grade 4"));
        assertThat(browser.findElement(By.id("alert-title")).getText())
                .contains("High", "Neutrophil count decreased · grade 4", "latest: Platelet count decreased · grade 3");
        assertThat(browser.findElement(By.id("facts")).getText()).contains("Driven by", "grade 4 → high");
        assertThat(browser.findElement(By.id("evidence-title")).getText())
                .as("the evidence table shows the platelet result, and says so under an ANC headline")
                .isEqualTo("Evidence of the latest assessment: Platelet count decreased · grade 3");
        assertThat(browser.findElement(By.id("thresholds-title")).getText())
                .isEqualTo("Criteria applied to the latest assessment");
    }

    @Test
    void theAgeShownIsDaysUnderAMonthMonthsUnderTwoYearsAndYearsAfterOnTheDevicesCalendar() {
        signIn();
        // birth date -> age on 5 December 2026, one case each side of every boundary
        String[][] cases = {
            {"2026-12-05", "0 d"},
            {"2026-11-06", "29 d"},
            {"2026-11-05", "1 mo"},
            {"2024-12-06", "23 mo"},
            {"2024-12-05", "2 y"},
            {"2020-03-14", "6 y"},
            {"2026-12-06", "—"},
            {"14/03/2020", "—"},
        };
        for (String[] row : cases) {
            assertThat(script("return ToxWatch.patientAge(arguments[0], new Date(2026, 11, 5, 12, 0))", row[0]))
                    .as("born " + row[0])
                    .isEqualTo(row[1]);
        }
        assertThat(script("return ToxWatch.patientAge(null)")).isEqualTo("—");
    }

    private static String rowOf(String patient) {
        return "//tbody[@id='queue-rows']/tr[@data-patient-id='" + patient + "']";
    }

    private static By field(String patient, String name) {
        return By.xpath(rowOf(patient) + "//*[@data-field='" + name + "']");
    }

    @Test
    void anAlertFromAHemolyzedSpecimenShowsItsCaveatAndThatItAwaitsConfirmation() {
        String patient = "MRN-" + UUID.randomUUID();
        publish(Assessments.withCaveats(
                anAssessment(patient, Criterion.HYPERKALEMIA, 3), AssessmentCaveat.HEMOLYZED_SPECIMEN));
        signIn();
        String alertId = await().atMost(PATIENCE)
                .until(() -> alerts.findUnresolved(patient, ToxicityFamily.METABOLIC), Optional::isPresent)
                .orElseThrow()
                .alertId()
                .toString();

        browser.get(baseUrl() + "/console/alert.html?id=" + alertId);
        WebElement caveats = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("caveats")));

        assertThat(caveats.getText())
                .contains("Awaiting confirmation", "hemolyzed specimen: the value may be an artefact of the tube");
        assertThat(caveats.findElement(By.cssSelector("li[data-caveat='HEMOLYZED_SPECIMEN']")))
                .isNotNull();
        assertThat(browser.findElement(By.id("facts")).getText()).contains("low — awaiting confirmation");
        keepScreenshot("alert-awaiting-confirmation");
    }

    @Test
    void thePatientTimelineChartsTheObservationsBehindTheAssessments() {
        String patient = "MRN-" + UUID.randomUUID();
        publish(anAssessment(patient, Criterion.NEUTROPHIL_COUNT_DECREASED, 4));
        signIn();

        await().atMost(PATIENCE).until(() -> !history.of(patient).isEmpty());

        browser.get(baseUrl() + "/console/patient.html?id=" + patient);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("figure[data-panel='ANC'] svg circle")));

        WebElement anc = browser.findElement(By.cssSelector("figure[data-panel='ANC']"));
        assertThat(anc.findElements(By.cssSelector("svg rect.grade-4"))).hasSize(1);
        anc.findElement(By.tagName("summary")).click();
        assertThat(anc.findElement(By.tagName("table")).getText())
                .as("value, as received and reference range in clinical units, as on the alert page")
                .contains("0.4 × 10⁹/L", "1.8–7.7 × 10⁹/L", "lab-42")
                .doesNotContain("10*9");
        assertThat(anc.findElement(By.cssSelector("td[data-field='as-received']"))
                        .getText())
                .isEqualTo("0.4 × 10⁹/L");
        assertThat(browser.findElement(By.cssSelector("figure[data-panel='PLATELETS']"))
                        .getText())
                .contains("No results.");
        keepScreenshot("patient-timeline");

        browser.manage().window().setSize(new Dimension(768, 1024));
        try {
            browser.navigate().refresh();
            waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("figure[data-panel='ANC'] svg circle")));
            assertFitsTheWindowWidth();
            keepScreenshot("patient-timeline-portrait-tablet");
        } finally {
            browser.manage().window().setSize(new Dimension(1024, 768));
        }
    }

    @Test
    void whenGradingHasStoppedARedBannerSaysSinceWhenInsteadOfLiveAndItClearsWhenGradingIsBack() {
        signIn();
        waitFor(ExpectedConditions.attributeToBe(By.id("live"), "data-state", "live"));

        GRADER.leave();
        try {
            WebElement banner = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("grading-banner")));
            assertThat(banner.getText()).matches("Grading stopped since \\d{2}:\\d{2} — alerts may be missing");
            assertThat(banner.getDomAttribute("role")).isEqualTo("alert");
            assertThat(browser.findElement(By.id("live")).getText()).isNotEqualTo("Live");
            assertThat(browser.findElement(By.id("live")).getDomAttribute("data-state"))
                    .isEqualTo("stale");
            keepScreenshot("grading-stopped-banner");
        } finally {
            GRADER.join();
        }

        waitFor(ExpectedConditions.invisibilityOfElementLocated(By.id("grading-banner")));
        waitFor(ExpectedConditions.attributeToBe(By.id("live"), "data-state", "live"));
        assertThat(browser.findElement(By.id("live")).getText()).isEqualTo("Live");
    }

    /** Usable at tablet width: nothing makes the page scroll sideways (wide tables scroll inside their box). */
    private static void assertFitsTheWindowWidth() {
        Object overflow = ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue())
                .as("horizontal overflow in px")
                .isLessThanOrEqualTo(0);
    }

    /** For a reviewer: what the browser showed, in target/console-it. */
    private static void keepScreenshot(String name) {
        try {
            Path directory = Files.createDirectories(Path.of("target", "console-it"));
            byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
            Files.write(directory.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void signIn() {
        browser.manage().deleteAllCookies();
        browser.get(baseUrl() + "/console/");
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys("clinician");
        browser.findElement(By.id("password")).sendKeys(CLINICIAN_PASSWORD);
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        waitFor(ExpectedConditions.textToBe(By.id("who"), "clinician"));
    }

    /** Every listener (the live feed included) has its partitions before anything is published. */
    private void followingTheLiveStream() {
        await().atMost(PATIENCE)
                .until(() -> listeners.getListenerContainers().stream()
                        .allMatch(container -> container.getAssignedPartitions() != null
                                && !container.getAssignedPartitions().isEmpty()));
    }

    private Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    private static <T> T waitFor(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        return new WebDriverWait(browser, PATIENCE).until(condition);
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
