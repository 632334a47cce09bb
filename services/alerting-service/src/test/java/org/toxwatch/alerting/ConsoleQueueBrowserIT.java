package org.toxwatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.toxwatch.alerting.alert.domain.Assessments.anAssessment;
import static org.toxwatch.alerting.alert.domain.Assessments.anAssessmentAt;
import static org.toxwatch.alerting.alert.domain.Assessments.during;
import static org.toxwatch.alerting.alert.domain.Assessments.withEvidence;
import static org.toxwatch.alerting.patient.domain.PatientRecords.aRecord;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.toxwatch.alerting.alert.application.ActOnAlert;
import org.toxwatch.alerting.alert.application.AlertFilter;
import org.toxwatch.alerting.alert.application.Alerts;
import org.toxwatch.alerting.alert.domain.AlertEpisode;
import org.toxwatch.alerting.patient.application.PatientFiles;
import org.toxwatch.model.AlertStatus;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.EncounterEvent;
import org.toxwatch.model.Evidence;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.TherapyContext;

/**
 * Issue 13 items 1, 2 and 5: the queue and the alert page as a ward nurse uses them, in headless Chromium on a
 * desktop (1280×800) and a tablet held upright (768×1024), each screen checked by axe-core (no serious or critical
 * violation) and kept as a screenshot in target/console-it. Each test puts its patients on a ward of its own and
 * filters the queue to it, so the alerts of other tests never get in the way.
 */
class ConsoleQueueBrowserIT extends RunningAlertingService {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static ConsoleBrowser browser;

    @Autowired
    Alerts alerts;

    @Autowired
    PatientFiles patients;

    @Autowired
    ActOnAlert actOnAlert;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @BeforeAll
    static void startBrowser() {
        browser = ConsoleBrowser.start();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theQueueHasOneRowPerPatientTheHighestGradeFirstThenTheNewestOnsetWithTherapyDayTrendAndTimes() {
        String ward = aWard();
        Instant now = Instant.now();
        String ancAndAlt = admitted(ward, "Ancona", "1");
        String crsSinceTwoHours = admitted(ward, "Crespi", "2");
        String crsSinceHalfAnHour = admitted(ward, "Cortes", "3");
        String plateletsOnly = admitted(ward, "Piatti", "4");
        publish(anAssessmentAt(ancAndAlt, Criterion.NEUTROPHIL_COUNT_DECREASED, 4, now.minus(hours(3))));
        publish(anAssessmentAt(ancAndAlt, Criterion.ALANINE_AMINOTRANSFERASE_INCREASED, 3, now.minus(hours(2))));
        publish(during(
                anAssessmentAt(crsSinceTwoHours, Criterion.CYTOKINE_RELEASE_SYNDROME, 3, now.minus(hours(2))),
                new TherapyContext(Therapy.CAR_T, now.minus(Duration.ofDays(10)), 10, 5),
                2));
        publish(anAssessmentAt(
                crsSinceHalfAnHour, Criterion.CYTOKINE_RELEASE_SYNDROME, 3, now.minus(Duration.ofMinutes(30))));
        publish(anAssessmentAt(
                plateletsOnly, Criterion.PLATELET_COUNT_DECREASED, 3, now.minus(Duration.ofMinutes(10))));
        awaitAlerts(ancAndAlt, 2);
        awaitAlerts(crsSinceTwoHours, 1);
        awaitAlerts(crsSinceHalfAnHour, 1);
        awaitAlerts(plateletsOnly, 1);

        browser.signIn(baseUrl(), CLINICIAN_PASSWORD);
        showOnly(ward, 4);

        assertThat(patientsInOrder())
                .as("grade 4 before grade 3; at grade 3 the newest onset first; medium after every high")
                .containsExactly(ancAndAlt, crsSinceHalfAnHour, crsSinceTwoHours, plateletsOnly);
        WebElement both = row(ancAndAlt);
        assertThat(both.findElements(By.cssSelector("[data-field='driver']")))
                .extracting(WebElement::getText)
                .containsExactly(
                        "Neutrophil count decreased · grade 4", "Alanine aminotransferase increased · grade 3");
        assertThat(field(both, "name")).isEqualTo("Ancona, Pat");
        assertThat(field(both, "location")).isEqualTo(ward + " · room 1 · bed A");
        assertThat(field(both, "onset")).matches("3 h \\d+ min");
        assertThat(field(both, "raised")).matches("\\d+ min");
        WebElement carT = row(crsSinceTwoHours);
        assertThat(field(carT, "therapy")).isEqualTo("CAR-T day +5");
        WebElement trend = carT.findElement(By.cssSelector("[data-field='trend']"));
        assertThat(trend.getText()).isEqualTo("↑");
        assertThat(trend.getDomAttribute("aria-label")).isEqualTo("latest grade worsening");
        assertThat(row(crsSinceHalfAnHour).findElements(By.cssSelector("[data-field='therapy']")))
                .as("no therapy recorded, no therapy line")
                .isEmpty();
        assertThat(row(plateletsOnly).getText()).contains("Medium");

        atBothSizes("queue");
    }

    @Test
    void aNurseAcknowledgesWithTheKeyboardAndSnoozesWithTheMouseAndEachRowThenLooksItsOwn() {
        String ward = aWard();
        Instant now = Instant.now();
        String toAcknowledge = admitted(ward, "Keyes", "1");
        String toSnooze = admitted(ward, "Mauss", "2");
        String leftOpen = admitted(ward, "Oppen", "3");
        publish(anAssessmentAt(toAcknowledge, Criterion.CYTOKINE_RELEASE_SYNDROME, 3, now.minus(hours(1))));
        publish(anAssessmentAt(toSnooze, Criterion.CYTOKINE_RELEASE_SYNDROME, 3, now.minus(hours(2))));
        publish(anAssessmentAt(leftOpen, Criterion.CYTOKINE_RELEASE_SYNDROME, 2, now.minus(hours(3))));
        UUID acknowledgedAlert = awaitAlerts(toAcknowledge, 1).getFirst().alertId();
        UUID snoozedAlert = awaitAlerts(toSnooze, 1).getFirst().alertId();
        awaitAlerts(leftOpen, 1);
        browser.signIn(baseUrl(), CLINICIAN_PASSWORD);
        showOnly(ward, 3);
        assertThat(patientsInOrder()).containsExactly(toAcknowledge, toSnooze, leftOpen);

        WebElement link = row(toAcknowledge).findElement(By.cssSelector("[data-field='driver']"));
        browser.script("arguments[0].focus()", link);
        new Actions(driver()).sendKeys(Keys.TAB).perform();
        assertThat(driver().switchTo().activeElement().getDomAttribute("data-action"))
                .isEqualTo("acknowledge");
        new Actions(driver()).sendKeys(Keys.ENTER).perform();
        browser.waitFor(ExpectedConditions.attributeToBe(rowLocator(toAcknowledge), "data-state", "ACKNOWLEDGED"));
        row(toSnooze)
                .findElement(By.cssSelector("button[data-action='snooze']"))
                .click();
        browser.waitFor(ExpectedConditions.attributeToBe(rowLocator(toSnooze), "data-state", "SNOOZED"));

        assertThat(alerts.find(acknowledgedAlert).orElseThrow().status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(alerts.find(snoozedAlert).orElseThrow().status()).isEqualTo(AlertStatus.SNOOZED);
        assertThat(patientsInOrder())
                .as("the alert nobody has taken charge of moves to the top of its priority")
                .containsExactly(leftOpen, toAcknowledge, toSnooze);
        assertThat(field(row(leftOpen), "state")).isEqualTo("● Open");
        assertThat(field(row(toAcknowledge), "state")).isEqualTo("✓ Acknowledged");
        assertThat(field(row(toSnooze), "state")).matches("‖ Snoozed until \\d{2}:\\d{2}");
        assertThat(List.of(leftOpen, toAcknowledge, toSnooze))
                .extracting(ConsoleQueueBrowserIT::look)
                .as("three looks, not one red badge")
                .doesNotHaveDuplicates();
        assertThat(row(leftOpen).findElement(By.cssSelector(".priority")).getCssValue("background-color"))
                .isEqualTo("rgba(176, 0, 32, 1)");
        assertThat(row(toAcknowledge).findElement(By.cssSelector(".priority")).getCssValue("background-color"))
                .as("an acknowledged high alert is outlined, not filled red")
                .isEqualTo("rgba(255, 255, 255, 1)");
        assertThat(row(toAcknowledge).findElements(By.cssSelector("button[data-action='acknowledge']")))
                .isEmpty();
        assertThat(driver().switchTo().activeElement().getDomAttribute("data-field"))
                .as("the keyboard stays on the alert it acted on")
                .isEqualTo("driver");

        atBothSizes("queue-acknowledged-and-snoozed");
    }

    /**
     * The "done when": on a tablet held upright a nurse sees the new high alert first among older ones,
     * opens it (click 1), reads what drove it, the evidence and Acknowledge on the first screen, and acknowledges
     * (click 2). No scrolling at any step; every step is kept as a screenshot.
     */
    @Test
    void onATabletANurseSeesTheNewHighFirstOpensItUnderstandsWhyAndAcknowledgesInOneScreenAndTwoClicks() {
        String ward = aWard();
        Instant now = Instant.now();
        String bothOlder = admitted(ward, "Brandt", "1");
        List<String> older = List.of(
                bothOlder,
                admitted(ward, "Castell", "2"),
                admitted(ward, "Dorn", "3"),
                admitted(ward, "Elm", "4"),
                admitted(ward, "Falk", "5"),
                admitted(ward, "Gries", "6"));
        publish(anAssessmentAt(bothOlder, Criterion.CYTOKINE_RELEASE_SYNDROME, 3, now.minus(hours(5))));
        publish(anAssessmentAt(bothOlder, Criterion.PLATELET_COUNT_DECREASED, 3, now.minus(hours(4))));
        publish(anAssessmentAt(older.get(1), Criterion.CYTOKINE_RELEASE_SYNDROME, 3, now.minus(hours(2))));
        publish(anAssessmentAt(older.get(2), Criterion.CYTOKINE_RELEASE_SYNDROME, 2, now.minus(hours(3))));
        publish(anAssessmentAt(older.get(3), Criterion.PLATELET_COUNT_DECREASED, 3, now.minus(hours(1))));
        publish(anAssessmentAt(older.get(4), Criterion.ALANINE_AMINOTRANSFERASE_INCREASED, 3, now.minus(hours(6))));
        publish(anAssessmentAt(older.get(5), Criterion.PLATELET_COUNT_DECREASED, 3, now.minus(hours(8))));
        awaitAlerts(bothOlder, 2);
        older.stream().skip(1).forEach(patient -> awaitAlerts(patient, 1));
        browser.resize(ConsoleBrowser.TABLET_PORTRAIT);
        try {
            browser.signIn(baseUrl(), CLINICIAN_PASSWORD);
            showOnly(ward, older.size());
            browser.waitFor(ExpectedConditions.attributeToBe(By.id("live"), "data-state", "live"));
            followingTheLiveStream();

            String newHigh = admitted(ward, "Hahn", "7");
            publish(withEvidence(
                    anAssessmentAt(newHigh, Criterion.CYTOKINE_RELEASE_SYNDROME, 3, Instant.now()),
                    vitalSign("8310-5", "Body temperature", "39.4", "Cel"),
                    vitalSign("8480-6", "Systolic blood pressure", "84", "mm[Hg]"),
                    vitalSign("107117-4", "Oxygen delivery: NASAL_CANNULA", "8", "L/min")));
            UUID alert = awaitAlerts(newHigh, 1).getFirst().alertId();
            // Arrives live; the queue's own minute refresh is the fallback should the live feed miss it.
            await().atMost(Duration.ofSeconds(75)).until(() -> patientsInOrder().size() == older.size() + 1);

            assertThat(patientsInOrder().getFirst())
                    .as("the new high alert heads the queue")
                    .isEqualTo(newHigh);
            assertThat(scrolledBy()).isZero();
            WebElement first = row(newHigh);
            assertOnTheFirstScreen(first, "the new high alert's row");
            assertThat(first.getText()).contains("High", "● Open", "Hahn, Pat", "Cytokine release syndrome · grade 3");
            int rowsOnTheFirstScreen = rowsOnTheFirstScreen();
            System.out.printf(
                    "Queue at 768x1024: %d of %d patients on the first screen%n",
                    rowsOnTheFirstScreen, patientsInOrder().size());
            checked("nurse-path-1-queue-tablet-portrait");

            first.findElement(By.cssSelector("[data-field='driver']")).click(); // click 1
            browser.waitFor(ExpectedConditions.textToBe(By.id("alert-status"), "open"));

            assertThat(scrolledBy()).isZero();
            assertThat(driver().findElement(By.id("alert-driver")).getText())
                    .as("the headline names what drove the priority")
                    .isEqualTo("Cytokine release syndrome · grade 3");
            assertThat(driver().findElement(By.id("alert-title")).getText()).startsWith("High");
            assertThat(driver().findElement(By.id("alert-who")).getText()).contains("Hahn, Pat", ward);
            assertThat(driver().findElement(By.id("evidence")).getText())
                    .contains("39.4 °C", "84 mmHg", "nasal cannula 8 L/min");
            assertOnTheFirstScreen(driver().findElement(By.id("alert-title")), "the headline");
            assertOnTheFirstScreen(driver().findElement(By.id("evidence")), "the evidence");
            WebElement acknowledge = driver().findElement(By.id("acknowledge"));
            assertOnTheFirstScreen(acknowledge, "Acknowledge");
            checked("nurse-path-2-alert-tablet-portrait");

            acknowledge.click(); // click 2
            browser.waitFor(ExpectedConditions.textToBe(By.id("alert-status"), "acknowledged"));

            assertThat(statusThroughTheApi(alert)).isEqualTo("ACKNOWLEDGED");
            assertThat(alerts.find(alert).orElseThrow().status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
            assertThat(driver().findElement(By.cssSelector("#audit tr[data-transition='ACKNOWLEDGED']"))
                            .getText())
                    .contains("clinician");
            checked("nurse-path-3-acknowledged-tablet-portrait");
            assertThat(rowsOnTheFirstScreen)
                    .as("patients whose whole row showed on the first screen of the tablet, one with two alerts")
                    .isGreaterThanOrEqualTo(6);
        } finally {
            browser.resize(ConsoleBrowser.DESKTOP);
        }
    }

    @Test
    void myPatientsAreThePatientsWithAnAlertAssignedToTheSignedInClinician() {
        String ward = aWard();
        String mine = admitted(ward, "Mio", "1");
        String someoneElses = admitted(ward, "Altri", "2");
        publish(anAssessment(mine, Criterion.CYTOKINE_RELEASE_SYNDROME, 3));
        publish(anAssessment(someoneElses, Criterion.CYTOKINE_RELEASE_SYNDROME, 3));
        UUID assigned = awaitAlerts(mine, 1).getFirst().alertId();
        awaitAlerts(someoneElses, 1);
        assertThat(actOnAlert.assign(assigned, "charge-nurse", "clinician"))
                .isInstanceOf(ActOnAlert.Outcome.Done.class);
        browser.signIn(baseUrl(), CLINICIAN_PASSWORD);
        showOnly(ward, 2);

        driver().findElement(By.id("mine-filter")).click();

        browser.waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#queue-rows > tr"), 1));
        assertThat(patientsInOrder()).containsExactly(mine);
        assertThat(field(row(mine), "assignee")).isEqualTo("assigned to clinician");
        driver().findElement(By.id("mine-filter")).click();
        browser.waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#queue-rows > tr"), 2));
    }

    @Test
    void aNewHighAlertRaisesADesktopNotificationAndAChimeOnceTurnedOnAndAMediumOneDoesNot() {
        String ward = aWard();
        String high = admitted(ward, "Alto", "1");
        String medium = admitted(ward, "Medio", "2");
        browser.signIn(baseUrl(), CLINICIAN_PASSWORD);
        browser.waitFor(ExpectedConditions.attributeToBe(By.id("live"), "data-state", "live"));
        followingTheLiveStream();
        assertThat(driver().findElement(By.id("sound-toggle")).isSelected())
                .as("sound is off by default")
                .isFalse();
        assertThat(driver().findElement(By.id("notify-toggle")).getText()).isEqualTo("Desktop notifications: off");
        // Stand-ins for the operating system's notifications and the speaker, which headless Chromium lacks.
        browser.script("""
                window.shownNotifications = [];
                window.tonesPlayed = 0;
                window.Notification = class {
                  static permission = 'default';
                  static requestPermission() { window.Notification.permission = 'granted'; return Promise.resolve('granted'); }
                  constructor(title, options) { window.shownNotifications.push(title + ' | ' + options.body); }
                };
                window.AudioContext = class {
                  constructor() { this.currentTime = 0; this.destination = {}; }
                  resume() { return Promise.resolve(); }
                  createOscillator() { window.tonesPlayed++;
                    return { frequency: {}, connect: (node) => node, start() {}, stop() {} }; }
                  createGain() { return { gain: {}, connect: (node) => node }; }
                };
                """);

        driver().findElement(By.id("notify-toggle")).click();
        browser.waitFor(ExpectedConditions.textToBe(By.id("notify-toggle"), "Desktop notifications: on"));
        driver().findElement(By.id("sound-toggle")).click();
        assertThat(((Number) browser.script("return window.tonesPlayed")).intValue())
                .as("turning the sound on plays it once, so the nurse knows what it sounds like")
                .isEqualTo(2);

        int[] grade = {2};
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(3)).until(() -> {
            if (!((List<?>) browser.script("return window.shownNotifications")).isEmpty()) {
                return true;
            }
            // The live feed reads from the newest record on: should it miss the alert being raised, a worse grade
            // of the same toxicity escalates it, and that is a new high alert too.
            publish(anAssessment(high, Criterion.CYTOKINE_RELEASE_SYNDROME, grade[0]++));
            return false;
        });
        publish(anAssessment(medium, Criterion.PLATELET_COUNT_DECREASED, 3));
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                By.id("announcer"), "New medium priority alert: Platelet count decreased grade 3"));

        var shown = (List<?>) browser.script("return window.shownNotifications");
        assertThat(shown)
                .allSatisfy(note -> assertThat(note.toString())
                        .startsWith("New high-priority alert | Cytokine release syndrome · grade ")
                        .doesNotContain("Alto", high, ward));
        assertThat(((Number) browser.script("return window.tonesPlayed")).intValue())
                .isEqualTo(2 + 2 * shown.size());
    }

    @Test
    void theAlertPageSpeaksClinicallyAndPutsTheActionsFirstOnATablet() {
        String ward = aWard();
        String patient = admitted(ward, "Ossi", "1");
        var oxygen = new Evidence(
                UUID.randomUUID(),
                "107117-4",
                "Oxygen delivery: NASAL_CANNULA",
                new BigDecimal("8"),
                "L/min",
                new BigDecimal("8"),
                "L/min",
                null,
                Instant.now(),
                "vitals-7");
        var fever = new Evidence(
                UUID.randomUUID(),
                "8310-5",
                "Body temperature",
                new BigDecimal("38.6"),
                "Cel",
                new BigDecimal("38.6"),
                "Cel",
                null,
                Instant.now(),
                "vitals-7");
        publish(withEvidence(anAssessment(patient, Criterion.CYTOKINE_RELEASE_SYNDROME, 2), oxygen, fever));
        publish(anAssessment(patient, Criterion.NEUTROPHIL_COUNT_DECREASED, 4));
        var both = awaitAlerts(patient, 2);
        browser.signIn(baseUrl(), CLINICIAN_PASSWORD);
        browser.resize(ConsoleBrowser.TABLET_PORTRAIT);
        try {
            open(alertOf(both, Criterion.CYTOKINE_RELEASE_SYNDROME));
            assertThat(driver().findElement(By.id("evidence")).getText())
                    .contains("Oxygen", "nasal cannula 8 L/min", "38.6 °C");
            assertThat(driver().findElement(By.tagName("main")).getText()).doesNotContain("NASAL_CANNULA", " Cel");
            WebElement acknowledge = driver().findElement(By.id("acknowledge"));
            long viewport = ((Number) browser.script("return window.innerHeight")).longValue();
            assertThat(((Number) browser.script("return arguments[0].getBoundingClientRect().bottom", acknowledge))
                            .doubleValue())
                    .as("Acknowledge on the first screen of a tablet, without scrolling")
                    .isLessThanOrEqualTo(viewport);
            assertThat(acknowledge.getLocation().getY())
                    .as("the actions come before the evidence")
                    .isLessThan(driver().findElement(By.id("evidence-title"))
                            .getLocation()
                            .getY());
            checked("alert-crs-tablet-portrait");

            open(alertOf(both, Criterion.NEUTROPHIL_COUNT_DECREASED));
            assertThat(driver().findElement(By.id("thresholds")).getText()).contains("ANC < 0.5 × 10⁹/L");
            assertThat(driver().findElement(By.id("evidence")).getText()).contains("0.4 × 10⁹/L", "1.8–7.7 × 10⁹/L");
            assertThat(driver().findElement(By.tagName("main")).getText()).doesNotContain("10*9", "v < ");
            checked("alert-anc-tablet-portrait");
        } finally {
            browser.resize(ConsoleBrowser.DESKTOP);
        }
        driver().navigate().refresh();
        browser.waitFor(ExpectedConditions.textToBe(By.id("alert-status"), "open"));
        checked("alert-anc-desktop");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static WebDriver driver() {
        return browser.driver();
    }

    private static Duration hours(int hours) {
        return Duration.ofHours(hours);
    }

    private static String aWard() {
        return "W-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(java.util.Locale.ROOT);
    }

    /** A patient admitted to {@code ward} room {@code room} bed A, as ingest states it on the patients topic. */
    private String admitted(String ward, String familyName, String room) {
        String patient = "MRN-" + UUID.randomUUID();
        publish(aRecord(patient, Instant.now().minus(Duration.ofDays(1)).toString())
                .event(EncounterEvent.ADMITTED)
                .named(familyName, "Pat")
                .in(ward, room, "A")
                .build());
        await().atMost(PATIENCE).until(() -> patients.find(patient).isPresent());
        return patient;
    }

    private List<AlertEpisode> awaitAlerts(String patient, int count) {
        return await().atMost(PATIENCE)
                .until(() -> alerts.list(AlertFilter.of(null, patient, 10)), found -> found.size() == count);
    }

    private static AlertEpisode alertOf(List<AlertEpisode> alerts, Criterion criterion) {
        return alerts.stream()
                .filter(alert -> alert.drivenBy().criterion() == criterion)
                .findFirst()
                .orElseThrow();
    }

    private void open(AlertEpisode alert) {
        driver().get(baseUrl() + "/console/alert.html?id=" + alert.alertId());
        browser.waitFor(ExpectedConditions.textToBe(By.id("alert-status"), "open"));
    }

    /**
     * The queue filtered to {@code ward}, once its {@code rows} patients show. The queue redraws its ward list whenever
     * an alert or a patient changes, so an option found a moment ago may be gone: choose again until the choice holds.
     */
    private static void showOnly(String ward, int rows) {
        browser.waitFor(page -> {
            try {
                var wards = new Select(page.findElement(By.id("ward-filter")));
                if (!ward.equals(wards.getFirstSelectedOption().getDomAttribute("value"))) {
                    wards.selectByValue(ward);
                }
                return page.findElements(By.cssSelector("#queue-rows > tr")).size() == rows;
            } catch (NoSuchElementException | StaleElementReferenceException redrawn) {
                return false;
            }
        });
    }

    /**
     * The patients of the queue's rows, top to bottom, read in one script: the queue redraws whenever any alert changes,
     * so rows found one call earlier may already be gone when their attributes are read.
     */
    private static List<String> patientsInOrder() {
        return ((List<?>) browser.script("return [...document.querySelectorAll('#queue-rows > tr')]"
                        + ".map((row) => row.getAttribute('data-patient-id'))"))
                .stream().map(String::valueOf).toList();
    }

    private static By rowLocator(String patient) {
        return By.cssSelector("#queue-rows > tr[data-patient-id='" + patient + "']");
    }

    private static WebElement row(String patient) {
        return driver().findElement(rowLocator(patient));
    }

    /** How a row looks: its badge, the colour of its state and its background pattern (not the arrival flash). */
    private static String look(String patient) {
        WebElement row = row(patient);
        return row.findElement(By.cssSelector(".priority")).getCssValue("background-color") + " "
                + row.findElement(By.cssSelector("[data-field='state']")).getCssValue("color") + " "
                + row.getCssValue("background-image");
    }

    private static String field(WebElement row, String name) {
        return row.findElement(By.cssSelector("[data-field='" + name + "']")).getText();
    }

    private static Evidence vitalSign(String loinc, String display, String value, String unit) {
        return new Evidence(
                UUID.randomUUID(),
                loinc,
                display,
                new BigDecimal(value),
                unit,
                new BigDecimal(value),
                unit,
                null,
                Instant.now(),
                "vitals-9");
    }

    private static long scrolledBy() {
        return ((Number) browser.script("return window.scrollY")).longValue();
    }

    /** The whole element lies inside the window as first shown: nothing of it needs scrolling to. */
    private static void assertOnTheFirstScreen(WebElement element, String what) {
        var box = (Map<?, ?>) browser.script(
                "const r = arguments[0].getBoundingClientRect();"
                        + " return { top: r.top, bottom: r.bottom, height: window.innerHeight };",
                element);
        assertThat(((Number) box.get("top")).doubleValue()).as(what + ": top").isGreaterThanOrEqualTo(0);
        assertThat(((Number) box.get("bottom")).doubleValue())
                .as(what + ": bottom within the window's " + box.get("height") + " px")
                .isLessThanOrEqualTo(((Number) box.get("height")).doubleValue());
    }

    /** How many patients' rows show whole without scrolling. */
    private static int rowsOnTheFirstScreen() {
        return ((Number) browser.script("return [...document.querySelectorAll('#queue-rows > tr')]"
                        + ".filter((row) => row.getBoundingClientRect().bottom <= window.innerHeight).length"))
                .intValue();
    }

    /** The alert's status as the console's own API gives it to the signed-in clinician. */
    private static String statusThroughTheApi(UUID alert) {
        return (String) ((JavascriptExecutor) driver())
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + " fetch('/api/v1/alerts/' + arguments[0], { headers: { Accept: 'application/json' } })"
                                + ".then((r) => r.json()).then((body) => done(body.alert.status))"
                                + ".catch((e) => done('failed: ' + e));",
                        alert.toString());
    }

    /** The screen as it is, at the desktop and the tablet size: no sideways scrolling, axe-clean, kept. */
    private static void atBothSizes(String name) {
        try {
            for (Dimension size : List.of(ConsoleBrowser.DESKTOP, ConsoleBrowser.TABLET_PORTRAIT)) {
                browser.resize(size);
                checked(name + (size.equals(ConsoleBrowser.DESKTOP) ? "-desktop" : "-tablet-portrait"));
            }
        } finally {
            browser.resize(ConsoleBrowser.DESKTOP);
        }
    }

    private static void checked(String screenshot) {
        browser.keepScreenshot(screenshot);
        browser.assertFitsTheWindowWidth();
        assertThat(browser.seriousAccessibilityViolations())
                .as("axe-core: serious and critical violations on " + screenshot)
                .isEmpty();
    }

    /** Every listener (the live feed included) has its partitions before anything is published. */
    private void followingTheLiveStream() {
        await().atMost(PATIENCE)
                .until(() -> listeners.getListenerContainers().stream()
                        .allMatch(container -> container.getAssignedPartitions() != null
                                && !container.getAssignedPartitions().isEmpty()));
    }
}
