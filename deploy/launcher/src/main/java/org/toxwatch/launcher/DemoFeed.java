package org.toxwatch.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams four synthetic patients (fictional names, ages and beds) through the ingest API, drawn from the seed
 * therapies, with realistic values, UCUM units and compressed timing (clinical times lie in the past; a few hundred
 * milliseconds of wall time pass between events):
 *
 * <ul>
 *   <li>blinatumomab: CRS rising from grade 1 to 3 (fever, hypotension, a vasopressor, low-flow oxygen), then
 *       improving after tocilizumab and dexamethasone;
 *   <li>inotuzumab ozogamicin: ALT and bilirubin rising before the day-8 dose, with weight gain;
 *   <li>CAR-T: prolonged severe neutropenia after infusion and a febrile episode on day 9;
 *   <li>a 6-year-old after CD19/CD22 CAR-T: fever at 86/50 mmHg, normal for age (the adult rule would call it
 *       hypotension), stays CRS grade 1; later the systolic pressure falls below the age limit of 82 mmHg and a
 *       vasopressor starts (CRS grade 3), then it resolves.
 * </ul>
 */
final class DemoFeed {

    private static final Duration PACE = Duration.ofMillis(300);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String ingestUrl;
    private final String authorization;
    private final HttpClient client = HttpClient.newHttpClient();
    private final String run =
            HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());

    DemoFeed(String ingestUrl, String user, String password) {
        this.ingestUrl = ingestUrl;
        this.authorization =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    void run() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        List<Thread> patients = List.of(
                Thread.ofPlatform().name("demo-blinatumomab").start(() -> send(blinatumomabCrs(now))),
                Thread.ofPlatform().name("demo-inotuzumab").start(() -> send(inotuzumabHepatotoxicity(now))),
                Thread.ofPlatform().name("demo-car-t").start(() -> send(carTNeutropenia(now))),
                Thread.ofPlatform().name("demo-paediatric-car-t").start(() -> send(paediatricCarTCrs(now))));
        for (Thread patient : patients) {
            try {
                patient.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        System.out.println("[toxwatch demo] all four demo patients sent (run " + run + ")");
    }

    /** A blinatumomab patient in cycle 1 developing CRS over the first day. */
    List<Item> blinatumomabCrs(Instant now) {
        String patient = "DEMO-BLIN-" + run;
        Instant t0 = now.minus(Duration.ofHours(30));
        var items = new ArrayList<Item>();
        items.add(patient(
                patient, "Rivera", "Ana", now.minus(Duration.ofDays(34 * 365 + 120)), "FEMALE", "HEM-ONC", "412", "A"));
        items.add(lab(patient, "751-8", "2.4", "10*9/L", t0.minus(Duration.ofHours(20)), "1.8", "7.7"));
        items.add(lab(patient, "777-3", "182", "10*9/L", t0.minus(Duration.ofHours(20)), "150", "400"));
        items.add(
                therapy(patient, "ENROLLED", t0, Map.of("therapy", "BLINATUMOMAB", "product", "BLINCYTO", "cycle", 1)));
        items.add(therapy(
                patient,
                "INFUSION_STARTED",
                t0,
                Map.of("therapy", "BLINATUMOMAB", "cycle", 1, "cycleDay", 1, "dose", 9, "doseUnit", "ug/d")));
        items.add(vital(patient, "8310-5", "37.6", "Cel", t0.plus(Duration.ofHours(4))));
        items.add(vital(patient, "8480-6", "118", "mm[Hg]", t0.plus(Duration.ofHours(4))));
        items.add(vital(patient, "8310-5", "38.6", "Cel", t0.plus(Duration.ofHours(8))));
        items.add(vital(patient, "8867-4", "112", "/min", t0.plus(Duration.ofHours(8))));
        items.add(vital(patient, "8310-5", "39.3", "Cel", t0.plus(Duration.ofHours(11))));
        items.add(vital(patient, "8480-6", "86", "mm[Hg]", t0.plus(Duration.ofHours(11))));
        items.add(vital(patient, "8478-0", "60", "mm[Hg]", t0.plus(Duration.ofHours(11))));
        items.add(therapy(
                patient,
                "SUPPORTIVE_DRUG_GIVEN",
                t0.plus(Duration.ofHours(12)),
                Map.of("supportiveDrug", "VASOPRESSOR", "vasopressorCount", 1, "vasopressin", false)));
        items.add(device(patient, "NASAL_CANNULA", t0.plus(Duration.ofHours(12))));
        items.add(vital(patient, "3151-8", "4", "L/min", t0.plus(Duration.ofHours(12))));
        items.add(therapy(
                patient,
                "SUPPORTIVE_DRUG_GIVEN",
                t0.plus(Duration.ofMinutes(750)),
                Map.of("supportiveDrug", "TOCILIZUMAB", "dose", 8, "doseUnit", "mg/kg")));
        items.add(therapy(
                patient,
                "SUPPORTIVE_DRUG_GIVEN",
                t0.plus(Duration.ofMinutes(755)),
                Map.of("supportiveDrug", "CORTICOSTEROID", "dose", 10, "doseUnit", "mg")));
        items.add(therapy(
                patient,
                "INFUSION_STOPPED",
                t0.plus(Duration.ofMinutes(760)),
                Map.of("therapy", "BLINATUMOMAB", "cycle", 1)));
        items.add(vital(patient, "8310-5", "37.4", "Cel", t0.plus(Duration.ofHours(16))));
        items.add(vital(patient, "8480-6", "102", "mm[Hg]", t0.plus(Duration.ofHours(16))));
        items.add(therapy(
                patient,
                "SUPPORTIVE_DRUG_GIVEN",
                t0.plus(Duration.ofHours(20)),
                Map.of("supportiveDrug", "VASOPRESSOR", "vasopressorCount", 0, "vasopressin", false)));
        items.add(vital(patient, "3151-8", "2", "L/min", t0.plus(Duration.ofHours(20))));
        items.add(vital(patient, "8310-5", "37.1", "Cel", t0.plus(Duration.ofHours(20))));
        items.add(vital(patient, "8480-6", "112", "mm[Hg]", t0.plus(Duration.ofHours(20))));
        items.add(device(patient, "NONE", t0.plus(Duration.ofHours(26))));
        items.add(vital(patient, "8310-5", "36.9", "Cel", t0.plus(Duration.ofHours(26))));
        return items;
    }

    /** An inotuzumab patient whose liver tests rise during cycle 1, before the day-8 dose. */
    List<Item> inotuzumabHepatotoxicity(Instant now) {
        String patient = "DEMO-INO-" + run;
        Instant day1 = now.minus(Duration.ofDays(8));
        var items = new ArrayList<Item>();
        items.add(patient(
                patient, "Okafor", "Daniel", now.minus(Duration.ofDays(52 * 365 + 40)), "MALE", "HEM-ONC", "415", "B"));
        Instant baseline = day1.minus(Duration.ofHours(20));
        items.add(lab(patient, "1742-6", "28", "U/L", baseline, null, "40"));
        items.add(lab(patient, "1920-8", "30", "U/L", baseline, null, "40"));
        items.add(lab(patient, "14631-6", "12", "umol/L", baseline, "2", "21"));
        items.add(lab(patient, "6768-6", "92", "U/L", baseline, "40", "130"));
        items.add(lab(patient, "751-8", "1.6", "10*9/L", baseline, "1.8", "7.7"));
        items.add(lab(patient, "777-3", "96", "10*9/L", baseline, "150", "400"));
        items.add(vital(patient, "29463-7", "68.0", "kg", baseline));
        items.add(
                therapy(patient, "ENROLLED", day1, Map.of("therapy", "INOTUZUMAB_OZOGAMICIN", "product", "BESPONSA")));
        items.add(therapy(
                patient,
                "DOSE_ADMINISTERED",
                day1.plus(Duration.ofHours(1)),
                Map.of(
                        "therapy",
                        "INOTUZUMAB_OZOGAMICIN",
                        "cycle",
                        1,
                        "cycleDay",
                        1,
                        "dose",
                        0.8,
                        "doseUnit",
                        "mg/m2")));
        Object[][] days = {
            {3, "62", "55", "17", "68.9"},
            {5, "141", "118", "27", "70.6"},
            {7, "236", "182", "36", "72.5"},
        };
        for (Object[] day : days) {
            Instant at = day1.plus(Duration.ofDays((Integer) day[0] - 1)).plus(Duration.ofHours(6));
            items.add(lab(patient, "1742-6", (String) day[1], "U/L", at, null, "40"));
            items.add(lab(patient, "1920-8", (String) day[2], "U/L", at, null, "40"));
            items.add(lab(patient, "14631-6", (String) day[3], "umol/L", at, "2", "21"));
            items.add(vital(patient, "29463-7", (String) day[4], "kg", at));
        }
        return items;
    }

    /**
     * A CAR-T patient with severe neutropenia for most of the first three weeks, a bout of ICANS on days 5 and 6
     * (ICE 8, then 6, back to 10 by day 8) and fever on day 9.
     */
    List<Item> carTNeutropenia(Instant now) {
        String patient = "DEMO-CART-" + run;
        Instant day0 =
                now.minus(Duration.ofDays(22)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(10));
        var items = new ArrayList<Item>();
        items.add(patient(
                patient, "Lindqvist", "Erik", now.minus(Duration.ofDays(23 * 365 + 200)), "MALE", "BMT", "7", "1"));
        items.add(lab(patient, "751-8", "1.9", "10*9/L", day0.minus(Duration.ofDays(6)), "1.8", "7.7"));
        items.add(therapy(
                patient, "ENROLLED", day0.minus(Duration.ofDays(5)), Map.of("therapy", "CAR_T", "product", "KYMRIAH")));
        items.add(therapy(patient, "CAR_T_INFUSED", day0, Map.of("therapy", "CAR_T", "product", "KYMRIAH")));
        String[] anc = {
            "0.9", "0.31", "0.2", "0.1", "0.05", "0.04", "0.05", "0.08", "0.1", "0.12", "0.2", "0.3", "0.35", "0.4",
            "0.45", "0.42", "0.48", "0.5", "0.62", "0.7", "0.82", "0.95"
        };
        String[] platelets = {
            "88", "80", "71", "64", "55", "49", "44", "41", "40", "38", "42", "45", "51", "55", "60", "62", "66", "70",
            "74", "79", "85", "90"
        };
        for (int day = 0; day < anc.length; day++) {
            Instant morning = day0.plus(Duration.ofDays(day)).minus(Duration.ofHours(3));
            items.add(lab(patient, "751-8", anc[day], "10*9/L", morning, "1.8", "7.7"));
            items.add(lab(patient, "777-3", platelets[day], "10*9/L", morning, "150", "400"));
            if (day == 5 || day == 6 || day == 8) {
                int ice = day == 5 ? 8 : day == 6 ? 6 : 10;
                items.add(neuro(patient, ice, day0.plus(Duration.ofDays(day)).plus(Duration.ofHours(1))));
            }
            if (day == 9) {
                items.add(vital(
                        patient,
                        "8310-5",
                        "38.1",
                        "Cel",
                        day0.plus(Duration.ofDays(9)).plus(Duration.ofHours(2))));
                items.add(vital(
                        patient,
                        "8310-5",
                        "38.4",
                        "Cel",
                        day0.plus(Duration.ofDays(9)).plus(Duration.ofMinutes(210))));
                items.add(vital(
                        patient,
                        "8867-4",
                        "118",
                        "/min",
                        day0.plus(Duration.ofDays(9)).plus(Duration.ofMinutes(210))));
            }
        }
        return items;
    }

    /**
     * A 6-year-old (PALS systolic limit 70 + 2 x 6 = 82 mmHg, CRITERIA 4.4) with CRS after CD19/CD22 CAR-T: febrile at
     * 86/50 mmHg (MAP 62), which the adult rule (systolic below 90 or MAP below 65) would call hypotension, so CRS 1,
     * not 2; then 78 mmHg and a vasopressor (CRS 3); then tocilizumab, the vasopressor stops and the fever settles.
     */
    List<Item> paediatricCarTCrs(Instant now) {
        String patient = "DEMO-PED-" + run;
        Instant day0 =
                now.minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(10));
        Instant day1 = day0.plus(Duration.ofDays(1));
        var items = new ArrayList<Item>();
        items.add(patient(
                patient, "Nguyen", "Mia", now.minus(Duration.ofDays(6 * 365 + 130)), "FEMALE", "PICU", "3", "2"));
        items.add(lab(patient, "751-8", "1.2", "10*9/L", day0.minus(Duration.ofDays(1)), "1.5", "8.0"));
        items.add(lab(patient, "777-3", "118", "10*9/L", day0.minus(Duration.ofDays(1)), "150", "400"));
        items.add(therapy(
                patient,
                "ENROLLED",
                day0.minus(Duration.ofDays(2)),
                Map.of("therapy", "CAR_T", "product", "CD19-CD22-CAR-T")));
        items.add(therapy(patient, "CAR_T_INFUSED", day0, Map.of("therapy", "CAR_T", "product", "CD19-CD22-CAR-T")));
        items.add(vital(patient, "8310-5", "37.2", "Cel", day0.plus(Duration.ofHours(8))));
        items.add(vital(patient, "8480-6", "98", "mm[Hg]", day0.plus(Duration.ofHours(8))));
        items.add(vital(patient, "8310-5", "38.9", "Cel", day1.plus(Duration.ofHours(6))));
        items.add(vital(patient, "8867-4", "138", "/min", day1.plus(Duration.ofHours(6))));
        items.add(vital(patient, "8480-6", "86", "mm[Hg]", day1.plus(Duration.ofHours(6))));
        items.add(vital(patient, "8478-0", "62", "mm[Hg]", day1.plus(Duration.ofHours(6))));
        items.add(vital(patient, "8310-5", "39.4", "Cel", day1.plus(Duration.ofHours(14))));
        items.add(vital(patient, "8480-6", "78", "mm[Hg]", day1.plus(Duration.ofHours(14))));
        items.add(vital(patient, "8478-0", "55", "mm[Hg]", day1.plus(Duration.ofHours(14))));
        items.add(therapy(
                patient,
                "SUPPORTIVE_DRUG_GIVEN",
                day1.plus(Duration.ofHours(15)),
                Map.of("supportiveDrug", "VASOPRESSOR", "vasopressorCount", 1, "vasopressin", false)));
        items.add(therapy(
                patient,
                "SUPPORTIVE_DRUG_GIVEN",
                day1.plus(Duration.ofMinutes(910)),
                Map.of("supportiveDrug", "TOCILIZUMAB", "dose", 12, "doseUnit", "mg/kg")));
        items.add(therapy(
                patient,
                "SUPPORTIVE_DRUG_GIVEN",
                day1.plus(Duration.ofHours(26)),
                Map.of("supportiveDrug", "VASOPRESSOR", "vasopressorCount", 0, "vasopressin", false)));
        items.add(vital(patient, "8310-5", "37.3", "Cel", day1.plus(Duration.ofHours(27))));
        items.add(vital(patient, "8480-6", "94", "mm[Hg]", day1.plus(Duration.ofHours(27))));
        items.add(vital(patient, "8310-5", "36.8", "Cel", day1.plus(Duration.ofHours(36))));
        items.add(vital(patient, "8480-6", "99", "mm[Hg]", day1.plus(Duration.ofHours(36))));
        return items;
    }

    record Item(String path, Map<String, Object> body) {}

    /** Who the patient is and where: fictional names; the birth date makes the age at each assessment. */
    private Item patient(
            String patient,
            String family,
            String given,
            Instant born,
            String sex,
            String ward,
            String room,
            String bed) {
        var body = new LinkedHashMap<String, Object>();
        body.put("patientId", patient);
        body.put("recordedAt", Instant.now().minus(Duration.ofDays(30)).toString());
        body.put("encounterEvent", "ADMITTED");
        body.put("identifiers", List.of(Map.of("value", patient, "assigningAuthority", "TOXWATCH-DEMO", "type", "MR")));
        body.put("familyName", family);
        body.put("givenName", given);
        body.put(
                "birthDate",
                java.time.LocalDate.ofInstant(born, java.time.ZoneOffset.UTC).toString());
        body.put("sex", sex);
        body.put("location", Map.of("ward", ward, "room", room, "bed", bed));
        body.put("sourceMessageId", "demo-" + run + "-" + patient + "-patient");
        return new Item("/api/v1/patients", body);
    }

    private Item lab(String patient, String loinc, String value, String unit, Instant at, String low, String high) {
        var body = observation(patient, loinc, at);
        body.put("value", new java.math.BigDecimal(value));
        body.put("unit", unit);
        var range = new LinkedHashMap<String, Object>();
        if (low != null) {
            range.put("low", new java.math.BigDecimal(low));
        }
        range.put("high", new java.math.BigDecimal(high));
        body.put("referenceRange", range);
        return new Item("/api/v1/observations", body);
    }

    private Item vital(String patient, String loinc, String value, String unit, Instant at) {
        var body = observation(patient, loinc, at);
        body.put("value", new java.math.BigDecimal(value));
        body.put("unit", unit);
        return new Item("/api/v1/observations", body);
    }

    private Item device(String patient, String device, Instant at) {
        var body = observation(patient, "107117-4", at);
        body.put("valueCode", device);
        return new Item("/api/v1/observations", body);
    }

    private Item neuro(String patient, int iceScore, Instant at) {
        var body = new LinkedHashMap<String, Object>();
        body.put("patientId", patient);
        body.put("assessedAt", at.toString());
        body.put("iceScore", iceScore);
        body.put("consciousness", "ALERT");
        body.put("seizure", "NONE");
        body.put("motor", "NONE");
        body.put("icp", "NONE");
        body.put("sourceMessageId", "demo-" + run + "-" + patient + "-neuro-" + at.toEpochMilli());
        return new Item("/api/v1/neuro-assessments", body);
    }

    private Item therapy(String patient, String type, Instant at, Map<String, Object> details) {
        var body = new LinkedHashMap<String, Object>();
        body.put("patientId", patient);
        body.put("type", type);
        body.put("occurredAt", at.toString());
        body.put("sourceMessageId", "demo-" + run + "-" + patient + "-" + type + "-" + at.toEpochMilli());
        body.putAll(details);
        return new Item("/api/v1/therapy-events", body);
    }

    private LinkedHashMap<String, Object> observation(String patient, String loinc, Instant at) {
        var body = new LinkedHashMap<String, Object>();
        body.put("patientId", patient);
        body.put("loinc", loinc);
        body.put("effectiveTime", at.toString());
        body.put("sourceMessageId", "demo-" + run + "-" + patient + "-" + loinc + "-" + at.toEpochMilli());
        return body;
    }

    private void send(List<Item> items) {
        for (Item item : items) {
            var request = HttpRequest.newBuilder(URI.create(ingestUrl + item.path()))
                    .header("Content-Type", "application/json")
                    .header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(item.body())))
                    .build();
            try {
                var response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 202) {
                    System.err.println(
                            "[toxwatch demo] ingest answered " + response.statusCode() + ": " + response.body());
                }
                Thread.sleep(PACE);
            } catch (IOException e) {
                System.err.println("[toxwatch demo] ingest unreachable: " + e.getMessage());
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
