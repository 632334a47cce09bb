package org.toxwatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.toxwatch.model.ClinicalEvents.aLabResult;
import static org.toxwatch.model.ClinicalEvents.aTemperature;
import static org.toxwatch.model.ClinicalEvents.aTherapyEvent;
import static org.toxwatch.model.ClinicalEvents.anAncOf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.toxwatch.alerting.alert.application.AssessmentHistory;
import org.toxwatch.alerting.alert.application.GradingFreshness;
import org.toxwatch.alerting.alert.domain.freshness.GradingState;
import org.toxwatch.alerting.patient.adapter.kafka.ObservationListener;
import org.toxwatch.alerting.patient.application.ObservationLog;
import org.toxwatch.model.AppliedThreshold;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Evidence;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.ReferenceRange;
import org.toxwatch.model.ReferenceRangeSource;
import org.toxwatch.model.ResultStatus;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.TherapyContext;
import org.toxwatch.model.TherapyEventType;
import org.toxwatch.model.Topics;
import org.toxwatch.model.ToxicityAssessed;
import org.toxwatch.model.VitalSignsRecorded;

/**
 * The patient timeline in a real browser (headless Debian Chromium) for a CAR-T patient whose values came through
 * ingest's topics, most of them changing no grade: every value is plotted (the ANC nadir 0.08, ALT 278, hemoglobin
 * 8.1, all five temperatures), the nadir is marked, day 0 sits at the infusion (not at the enrolment five days
 * before), ticks are nice numbers and times are on the hospital's clock (Europe/Berlin, whatever the browser's
 * zone), with a legend and the data tables, and no serious or critical accessibility violation (axe-core) at
 * 1280x800 and 768x1024. Screenshots in target/console-it.
 */
class PatientTimelineBrowserIT extends RunningAlertingService {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** CAR-T infusion, 11:30 in Berlin. */
    private static final Instant DAY_0 = Instant.parse("2026-11-30T10:30:00Z");

    private static ConsoleBrowser console;
    private static WebDriver browser;

    @Autowired
    AssessmentHistory history;

    @Autowired
    ObservationLog observationLog;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    @Qualifier("chartingFreshness")
    GradingFreshness chartingFreshness;

    @BeforeAll
    static void startBrowser() {
        console = ConsoleBrowser.start();
        browser = console.driver();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (console != null) {
            console.close();
        }
    }

    @Test
    void aCarTPatientsChartShowsEveryValueTheNadirAndDayZeroAtTheInfusion() throws Exception {
        String patient = "MRN-" + UUID.randomUUID();
        var course = CarTCourse.publishedFor(patient, this);
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> observationLog.of(patient).observations().size() == course.observationCount()
                        && observationLog.of(patient).therapy().size() == 2
                        && history.of(patient).size() == course.assessments().size());
        console.signIn(baseUrl(), CLINICIAN_PASSWORD);

        browser.get(baseUrl() + "/console/patient.html?id=" + patient);
        console.waitFor(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("figure[data-panel='ANC'] svg circle.nadir")));
        WebElement anc = browser.findElement(By.cssSelector("figure[data-panel='ANC']"));

        assertThat(values(anc)).containsExactly("2.1", "1.2", "0.9", "0.45", "0.31", "0.08", "0.6");
        assertThat(anc.findElement(By.cssSelector("circle.nadir")).getDomAttribute("data-value"))
                .as("the nadir no grade changed with")
                .isEqualTo("0.08");
        assertThat(anc.findElement(By.cssSelector("text.latest")).getText()).isEqualTo("0.6");
        assertThat(values(panel("AMINOTRANSFERASES"))).contains("212", "278");
        assertThat(values(panel("HEMOGLOBIN"))).containsExactly("10.2", "9.1", "8.1", "8.6");
        assertThat(panel("HEMOGLOBIN")
                        .findElement(By.cssSelector("circle.nadir"))
                        .getDomAttribute("data-value"))
                .isEqualTo("8.1");
        assertThat(values(panel("TEMPERATURE"))).hasSize(5);

        var dayZero = anc.findElement(By.cssSelector("line[data-therapy='day-zero']"));
        var enrolment = anc.findElement(By.cssSelector("line[data-therapy='enrolment']"));
        assertThat(dayZero.getDomAttribute("data-at")).isEqualTo(DAY_0.toString());
        assertThat(x(dayZero))
                .as("day 0 after the enrolment, between the ANC of day -1 and that of day +2")
                .isGreaterThan(x(enrolment))
                .isBetween(pointX(anc, "1.2"), pointX(anc, "0.9"));
        assertThat(anc.findElement(By.tagName("svg")).getText()).contains("CAR-T infusion · day 0");

        assertNiceValueTicks(anc);
        assertThat(anc.findElements(By.cssSelector("text.time-tick")))
                .extracting(WebElement::getText)
                .isNotEmpty()
                .allSatisfy(label -> assertThat(label).matches("\\d{2}:\\d{2}|\\d{1,2} [A-Z][a-z]{2}"));
        assertThat(browser.findElement(By.id("timeline-zone")).getText()).contains("Europe/Berlin");
        assertThat(anc.findElement(By.cssSelector("ul.chart-legend")).getText())
                .contains("ANC", "nadir", "reference range", "day 0 / T0", "enrolment");

        browser.findElement(By.cssSelector("details.therapy-events summary")).click();
        assertThat(browser.findElement(By.cssSelector("details.therapy-events tr[data-type='CAR_T_INFUSED']"))
                        .getText())
                .as("hospital time, though the browser's clock is not in Berlin")
                .contains("30 Nov 2026, 11:30", "CAR-T infusion · day 0");
        anc.findElement(By.tagName("summary")).click();
        assertThat(anc.findElements(By.cssSelector("table tbody tr"))).hasSize(7);
        assertThat(anc.findElement(By.cssSelector("tr.nadir-row")).getText()).contains("0.08", "(nadir)", "no");
        assertThat(console.seriousAccessibilityViolations()).isEmpty();
        console.assertFitsTheWindowWidth();
        console.keepScreenshot("patient-timeline-car-t-1280");
        keepScreenshot("patient-timeline-car-t-anc", anc);
        console.resize(new Dimension(1280, 3600));
        keepScreenshot("patient-timeline-car-t-all-panels", browser.findElement(By.id("panels")));

        console.resize(ConsoleBrowser.TABLET_PORTRAIT);
        try {
            browser.navigate().refresh();
            console.waitFor(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("figure[data-panel='ANC'] svg circle.nadir")));
            console.assertFitsTheWindowWidth();
            assertThat(console.seriousAccessibilityViolations()).isEmpty();
            console.keepScreenshot("patient-timeline-car-t-768");
            keepScreenshot(
                    "patient-timeline-car-t-768-anc", browser.findElement(By.cssSelector("figure[data-panel='ANC']")));
        } finally {
            console.resize(ConsoleBrowser.DESKTOP);
        }
    }

    @Test
    void crpFerritinCreatinineBloodPressureAndSpo2ArePlottedWithGradeBandsOnlyWhereACriterionGradesThem()
            throws Exception {
        String patient = "MRN-" + UUID.randomUUID();
        var course = InflammationAndCirculation.publishedFor(patient, this);
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> observationLog.of(patient).observations().size() == course.observationCount()
                        && history.of(patient).size() == course.assessments().size());
        console.signIn(baseUrl(), CLINICIAN_PASSWORD);

        browser.get(baseUrl() + "/console/patient.html?id=" + patient);
        console.waitFor(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("figure[data-panel='SPO2'] svg [data-series='SpO2']")));

        assertThat(values(panel("CRP"))).containsExactly("12", "86", "148", "64");
        assertThat(values(panel("FERRITIN"))).containsExactly("380", "2450", "1900");
        assertThat(values(panel("CREATININE"))).containsExactly("0.8", "1.9", "1.3");
        WebElement pressure = panel("BLOOD_PRESSURE");
        assertThat(values(pressure, "Systolic")).containsExactly("118", "96", "86", "104");
        assertThat(values(pressure, "Diastolic")).containsExactly("72", "58", "48", "62");
        assertThat(values(pressure, "MAP")).containsExactly("87", "71", "61", "76");
        assertThat(values(panel("SPO2"))).containsExactly("97", "94", "91", "95");

        assertThat(gradeBands(panel("CREATININE")))
                .as("creatinine increased, CTCAE (CRITERIA.md 2.4)")
                .containsExactly("grade-2");
        assertThat(gradeBands(pressure))
                .as("CRS, whose hypotension is read from BP (CRITERIA.md 4.4)")
                .containsExactly("grade-2");
        for (String ungraded : List.of("CRP", "FERRITIN", "SPO2")) {
            assertThat(gradeBands(panel(ungraded)))
                    .as(ungraded + ": no criterion grades it (CRITERIA.md 2.8, 4.1), so no band")
                    .isEmpty();
            assertThat(panel(ungraded)
                            .findElement(By.cssSelector("ul.chart-legend"))
                            .getText())
                    .doesNotContain("band");
        }
        assertThat(pressure.findElement(By.cssSelector("ul.chart-legend")).getText())
                .contains("Systolic", "Diastolic", "MAP", "band: Cytokine release syndrome grade");
        assertThat(List.of("CRP", "FERRITIN", "CREATININE", "BLOOD_PRESSURE", "SPO2"))
                .extracting(key ->
                        panel(key).findElement(By.cssSelector("svg title")).getDomProperty("textContent"))
                .containsExactly(
                        "C-reactive protein (mg/L)",
                        "Ferritin (ng/mL)",
                        "Creatinine (mg/dL)",
                        "Blood pressure (mmHg)",
                        "SpO2 (%)");
        for (String key : List.of("CRP", "FERRITIN", "CREATININE", "BLOOD_PRESSURE", "SPO2")) {
            assertNiceValueTicks(panel(key));
        }
        WebElement crp = panel("CRP");
        crp.findElement(By.tagName("summary")).click();
        assertThat(crp.findElements(By.cssSelector("table tbody tr")))
                .as("the data table is kept")
                .hasSize(4);
        assertThat(crp.findElements(By.cssSelector("td[data-field='as-received']")))
                .extracting(WebElement::getText)
                .contains("148 mg/L");
        assertThat(console.seriousAccessibilityViolations()).isEmpty();
        console.assertFitsTheWindowWidth();
        for (String key : List.of("CRP", "FERRITIN", "CREATININE", "BLOOD_PRESSURE", "SPO2")) {
            keepScreenshot("patient-timeline-" + key.toLowerCase(java.util.Locale.ROOT), panel(key));
        }

        console.resize(ConsoleBrowser.TABLET_PORTRAIT);
        try {
            browser.navigate().refresh();
            console.waitFor(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("figure[data-panel='SPO2'] svg [data-series='SpO2']")));
            console.assertFitsTheWindowWidth();
            assertThat(console.seriousAccessibilityViolations()).isEmpty();
            keepScreenshot("patient-timeline-768-blood_pressure", panel("BLOOD_PRESSURE"));
        } finally {
            console.resize(ConsoleBrowser.DESKTOP);
        }
    }

    @Test
    void aTimelineWhoseLabResultReaderStoppedSaysSoAboveItsChartsAndRereadsThemOnceItIsBack() throws Exception {
        String patient = "MRN-" + UUID.randomUUID();
        var reader = Objects.requireNonNull(listeners.getListenerContainer(ObservationListener.LAB_RESULTS_GROUP));
        kafkaTemplate
                .send(Topics.LAB_RESULTS, patient, anAncOf(patient, "1.4", DAY_0))
                .get(10, TimeUnit.SECONDS);
        await().atMost(PATIENCE)
                .until(() -> observationLog.of(patient).observations().size() == 1);
        reader.stop();
        try {
            await().atMost(PATIENCE).until(() -> chartingFreshness.current().state() == GradingState.STOPPED);
            kafkaTemplate
                    .send(Topics.LAB_RESULTS, patient, anAncOf(patient, "0.4", DAY_0.plus(Duration.ofDays(1))))
                    .get(10, TimeUnit.SECONDS);
            console.signIn(baseUrl(), CLINICIAN_PASSWORD);

            browser.get(baseUrl() + "/console/patient.html?id=" + patient);
            WebElement notice = console.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("charting")));

            assertThat(notice.getText())
                    .startsWith("Charting stopped since ")
                    .endsWith("values received since may be missing here (alerts are not affected)");
            assertThat(values(panel("ANC"))).containsExactly("1.4");
            assertThat(console.seriousAccessibilityViolations()).isEmpty();
            console.keepScreenshot("patient-timeline-charting-stopped");
        } finally {
            reader.start();
        }

        console.waitFor(ExpectedConditions.invisibilityOfElementLocated(By.id("charting")));
        console.waitFor(driver -> values(panel("ANC")).size() == 2);
        assertThat(values(panel("ANC"))).containsExactly("1.4", "0.4");
    }

    /**
     * Four days of a patient with CRS: CRP, ferritin and creatinine from the laboratory, blood pressure and SpO2
     * from the monitor; monitoring graded creatinine increased 2 and CRS 2 (the hypotension of day 3).
     */
    private record InflammationAndCirculation(List<ToxicityAssessed> assessments, int observationCount) {

        static InflammationAndCirculation publishedFor(String patient, PatientTimelineBrowserIT test) throws Exception {
            var labs = new ArrayList<LabResultRecorded>();
            String[] crp = {"12", "86", "148", "64"};
            for (int i = 0; i < crp.length; i++) {
                labs.add(aLabResult(patient, "1988-5", crp[i], "mg/L", CarTCourse.day(i + 1, 6)));
            }
            String[] ferritin = {"380", "2450", "1900"};
            for (int i = 0; i < ferritin.length; i++) {
                labs.add(aLabResult(patient, "2276-4", ferritin[i], "ng/mL", CarTCourse.day(i + 1, 6)));
            }
            String[] creatinine = {"0.8", "1.9", "1.3"};
            var creatinines = new ArrayList<LabResultRecorded>();
            for (int i = 0; i < creatinine.length; i++) {
                creatinines.add(aLabResult(patient, "2160-0", creatinine[i], "mg/dL", CarTCourse.day(i + 1, 6)));
            }
            labs.addAll(creatinines);
            for (var lab : labs) {
                test.send(Topics.LAB_RESULTS, patient, lab);
            }
            String[][] readings = {
                {"118", "72", "87", "97"}, {"96", "58", "71", "94"}, {"86", "48", "61", "91"}, {"104", "62", "76", "95"}
            };
            var vitals = new ArrayList<VitalSignsRecorded>();
            for (int i = 0; i < readings.length; i++) {
                vitals.add(new VitalSignsRecorded(
                        UUID.randomUUID(),
                        patient,
                        CarTCourse.day(i + 1, 14),
                        CarTCourse.day(i + 1, 14).plusSeconds(60),
                        "monitor",
                        "vitals-" + i,
                        null,
                        null,
                        new BigDecimal(readings[i][0]),
                        new BigDecimal(readings[i][1]),
                        new BigDecimal(readings[i][2]),
                        new BigDecimal(readings[i][3]),
                        null,
                        null,
                        null,
                        null,
                        ResultStatus.FINAL));
            }
            for (var set : vitals) {
                test.send(Topics.VITAL_SIGNS, patient, set);
            }
            var hypotension = vitals.get(2);
            var assessments = List.of(
                    CarTCourse.assessed(
                            patient,
                            Criterion.CREATININE_INCREASED,
                            2,
                            CarTCourse.evidence(creatinines.get(1), "Creatinine", null)),
                    CarTCourse.assessed(
                            patient,
                            Criterion.CYTOKINE_RELEASE_SYNDROME,
                            2,
                            new Evidence(
                                    hypotension.eventId(),
                                    "8480-6",
                                    "Systolic blood pressure",
                                    hypotension.systolicMmHg(),
                                    "mm[Hg]",
                                    hypotension.systolicMmHg(),
                                    "mm[Hg]",
                                    null,
                                    hypotension.observedAt(),
                                    hypotension.sourceMessageId())));
            assessments.forEach(test::publish);
            // Each set of vital signs gives four charted measurements: systolic, diastolic, MAP, SpO2.
            return new InflammationAndCirculation(assessments, labs.size() + 4 * vitals.size());
        }
    }

    /** A CAR-T course: enrolment on day -5, infusion on day 0, daily counts, two grade changes among many values. */
    private record CarTCourse(List<ToxicityAssessed> assessments, int observationCount) {

        static CarTCourse publishedFor(String patient, PatientTimelineBrowserIT test) throws Exception {
            test.send(
                    Topics.THERAPY_EVENTS,
                    patient,
                    aTherapyEvent(patient, TherapyEventType.ENROLLED, Therapy.CAR_T, day(-5, 8)));
            test.send(
                    Topics.THERAPY_EVENTS,
                    patient,
                    aTherapyEvent(patient, TherapyEventType.CAR_T_INFUSED, Therapy.CAR_T, DAY_0));
            var ancs = new ArrayList<LabResultRecorded>();
            int[] ancDays = {-5, -1, 2, 3, 4, 5, 7};
            String[] ancValues = {"2.1", "1.2", "0.9", "0.45", "0.31", "0.08", "0.6"};
            for (int i = 0; i < ancDays.length; i++) {
                ancs.add(anAncOf(patient, ancValues[i], day(ancDays[i], 6)));
            }
            var labs = new ArrayList<LabResultRecorded>(ancs);
            int[] hbDays = {-5, 2, 5, 7};
            String[] hbValues = {"10.2", "9.1", "8.1", "8.6"};
            for (int i = 0; i < hbDays.length; i++) {
                labs.add(aLabResult(patient, "718-7", hbValues[i], "g/dL", day(hbDays[i], 6)));
            }
            int[] altDays = {-5, 2, 4, 5};
            String[] altValues = {"35", "60", "212", "278"};
            var alts = new ArrayList<LabResultRecorded>();
            for (int i = 0; i < altDays.length; i++) {
                alts.add(aLabResult(patient, "1742-6", altValues[i], "U/L", day(altDays[i], 6)));
            }
            labs.addAll(alts);
            for (var lab : labs) {
                test.send(Topics.LAB_RESULTS, patient, lab);
            }
            var temperatures = new ArrayList<VitalSignsRecorded>();
            String[] celsius = {"37.2", "38.4", "39.1", "38.2", "37.0"};
            for (int i = 0; i < celsius.length; i++) {
                temperatures.add(aTemperature(patient, celsius[i], day(1 + i, 14)));
            }
            for (var temperature : temperatures) {
                test.send(Topics.VITAL_SIGNS, patient, temperature);
            }
            // Monitoring publishes an assessment only when a grade changes: these four of 20 values.
            var assessments = List.of(
                    assessed(patient, Criterion.NEUTROPHIL_COUNT_DECREASED, 4, anc(ancs.get(3))),
                    assessed(patient, Criterion.NEUTROPHIL_COUNT_DECREASED, 3, anc(ancs.get(6))),
                    assessed(patient, Criterion.ALANINE_AMINOTRANSFERASE_INCREASED, 3, alt(alts.get(2))),
                    assessed(
                            patient,
                            Criterion.CYTOKINE_RELEASE_SYNDROME,
                            1,
                            temperature(temperatures.get(1)),
                            temperature(temperatures.get(2))));
            assessments.forEach(test::publish);
            return new CarTCourse(assessments, labs.size() + temperatures.size());
        }

        private static Instant day(int day, int hourUtc) {
            return DAY_0.truncatedTo(java.time.temporal.ChronoUnit.DAYS)
                    .plus(Duration.ofDays(day))
                    .plus(Duration.ofHours(hourUtc));
        }

        private static Evidence anc(LabResultRecorded lab) {
            return evidence(lab, "ANC", new ReferenceRange(new BigDecimal("1.8"), new BigDecimal("7.7")));
        }

        private static Evidence alt(LabResultRecorded lab) {
            return evidence(lab, "ALT", null);
        }

        private static Evidence evidence(LabResultRecorded lab, String display, ReferenceRange range) {
            return new Evidence(
                    lab.eventId(),
                    lab.loinc(),
                    display,
                    lab.value(),
                    lab.ucumUnit(),
                    lab.value(),
                    lab.ucumUnit(),
                    range,
                    lab.observedAt(),
                    lab.sourceMessageId());
        }

        private static Evidence temperature(VitalSignsRecorded vitals) {
            return new Evidence(
                    vitals.eventId(),
                    "8310-5",
                    "Body temperature",
                    vitals.temperatureCelsius(),
                    "Cel",
                    vitals.temperatureCelsius(),
                    "Cel",
                    null,
                    vitals.observedAt(),
                    vitals.sourceMessageId());
        }

        private static ToxicityAssessed assessed(String patient, Criterion criterion, int grade, Evidence... evidence) {
            Instant at = evidence[evidence.length - 1].observedAt();
            return new ToxicityAssessed(
                    UUID.randomUUID(),
                    patient,
                    at,
                    at.plusSeconds(5),
                    criterion,
                    criterion.id(),
                    grade,
                    null,
                    null,
                    "test assessment",
                    List.of(new AppliedThreshold(grade, "test condition", true)),
                    List.of(evidence),
                    false,
                    ReferenceRangeSource.REPORTED,
                    new TherapyContext(Therapy.CAR_T, day(-5, 8), null, null),
                    "test-catalogue",
                    "monitoring",
                    evidence[0].sourceMessageId());
        }
    }

    private void send(String topic, String patient, Object event) throws Exception {
        kafkaTemplate.send(topic, patient, event).get(10, TimeUnit.SECONDS);
    }

    private static WebElement panel(String key) {
        return browser.findElement(By.cssSelector("figure[data-panel='" + key + "']"));
    }

    /** The values plotted, left to right (the nadir ring repeats a point and is left out). */
    private static List<String> values(WebElement figure) {
        return plotted(figure.findElements(By.cssSelector("svg [data-observed-at]")));
    }

    /** The values one line of a panel plots, left to right. */
    private static List<String> values(WebElement figure, String series) {
        return plotted(figure.findElements(By.cssSelector("svg [data-observed-at][data-series='" + series + "']")));
    }

    private static List<String> plotted(List<WebElement> points) {
        return points.stream()
                .sorted(Comparator.comparing(PatientTimelineBrowserIT::pointX))
                .map(point -> point.getDomAttribute("data-value"))
                .toList();
    }

    /** The grade bands drawn under a chart, by class ({@code grade-2}). */
    private static List<String> gradeBands(WebElement figure) {
        return figure.findElements(By.cssSelector("svg rect[class^='grade-']")).stream()
                .map(band -> band.getDomAttribute("class"))
                .toList();
    }

    private static double pointX(WebElement point) {
        for (String attribute : List.of("cx", "x", "data-x")) {
            String value = point.getDomAttribute(attribute);
            if (value != null) {
                return Double.parseDouble(value);
            }
        }
        throw new IllegalStateException("a plotted point without a position");
    }

    private static double pointX(WebElement figure, String value) {
        return pointX(figure.findElement(By.cssSelector("svg circle[data-observed-at][data-value='" + value + "']")));
    }

    private static double x(WebElement line) {
        return Double.parseDouble(line.getDomAttribute("x1"));
    }

    /** Equally spaced ticks one step apart, the step 1, 2 or 5 times a power of ten. */
    private static void assertNiceValueTicks(WebElement figure) {
        var ticks = figure.findElements(By.cssSelector("text.value-tick")).stream()
                .map(WebElement::getText)
                .map(BigDecimal::new)
                .sorted()
                .toList();
        assertThat(ticks).hasSizeGreaterThanOrEqualTo(3);
        BigDecimal step = ticks.get(1).subtract(ticks.get(0));
        for (int i = 1; i < ticks.size(); i++) {
            assertThat(ticks.get(i).subtract(ticks.get(i - 1))).isEqualByComparingTo(step);
        }
        BigDecimal mantissa = step.movePointLeft(step.precision() - step.scale() - 1);
        assertThat(mantissa.stripTrailingZeros().toPlainString()).isIn("1", "2", "5");
    }

    /** For a reviewer: what the browser showed of {@code element}, in target/console-it. */
    private static void keepScreenshot(String name, WebElement element) {
        try {
            Path directory = Files.createDirectories(Path.of("target", "console-it"));
            Files.write(directory.resolve(name + ".png"), element.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
