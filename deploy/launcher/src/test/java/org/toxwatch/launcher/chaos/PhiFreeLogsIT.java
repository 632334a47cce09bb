package org.toxwatch.launcher.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.toxwatch.infrastructure.EmbeddedKafkaBroker;
import org.toxwatch.infrastructure.EmbeddedMongoServer;
import org.toxwatch.infrastructure.FreePorts;
import org.toxwatch.launcher.ServiceKind;
import org.toxwatch.launcher.ToxWatchLauncher;
import org.toxwatch.launcher.fuzz.MllpClient;
import org.toxwatch.model.Topics;

/**
 * PHI-free logs on every failure path, across the three services as they run (their production jars, their
 * configured log levels). One synthetic patient, with a name, record number, birth date and lab value no log line
 * has any reason to contain, is sent through every path that fails: bad input on JSON, FHIR and HL7; poison records
 * placed straight on the clinical and assessment topics, so monitoring's and alerting's dead-letter paths run;
 * clinical reads with the wrong role, without credentials and for unknown patients; request lines the web server
 * cannot parse; reads and writes while MongoDB
 * is unreachable; JSON, FHIR and HL7 submissions while the broker is down, with every Kafka client failing and
 * retrying until it is back; and wrong passwords until sign-in is delayed and locked. Values carrying CR/LF and a
 * marker go wherever a value might be logged (message ids, a control id, a user name, a URL path).
 *
 * <p>Then every line each service wrote, the test process's own log and each service's Prometheus scrape are
 * searched for the name, record number, birth date, lab value and marker, and none is found. The log files are
 * first shown to hold what the failures must have logged (disconnects, dead letters, sign-in locks), so an empty
 * or wrong file cannot pass.
 */
class PhiFreeLogsIT {

    private static final String FAMILY = "Quorrimbleton";
    private static final String GIVEN = "Ysoldabeth";
    private static final String MRN = "PHIMRN44719QX";
    private static final String BIRTH_DATE = "2018-07-23";
    private static final String BIRTH_DATE_HL7 = "20180723";
    private static final String IMPOSSIBLE_BIRTH_DATE = "2018-02-30";
    private static final String LAB_VALUE = "987.654";
    /** Written after a line break wherever a value may be logged; found in a log only if a line was forged. */
    private static final String FORGED = "FORGEDLINE7Q3";

    private static final List<String> SECRETS = List.of(
            FAMILY, GIVEN, MRN, BIRTH_DATE, BIRTH_DATE_HL7, IMPOSSIBLE_BIRTH_DATE, "20180230", LAB_VALUE, FORGED);

    private static final Map<String, String> PASSWORDS = Map.of(
            "TOXWATCH_BOOTSTRAP_INTEGRATION_PASSWORD", "phi-integration-" + UUID.randomUUID(),
            "TOXWATCH_BOOTSTRAP_CLINICIAN_PASSWORD", "phi-clinician-" + UUID.randomUUID(),
            "TOXWATCH_BOOTSTRAP_OPERATOR_PASSWORD", "phi-operator-" + UUID.randomUUID());

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path data;

    @Test
    void noNameRecordNumberBirthDateValueOrForgedLineIsLoggedOnAnyFailurePathOfAnyService() throws Exception {
        Instant started = Instant.now();
        int kafkaPort = FreePorts.pick();
        int mongoPort = FreePorts.pick();
        Path kafkaData = data.resolve("kafka");
        Path mongoData = data.resolve("mongo");
        var broker = new AtomicReference<>(EmbeddedKafkaBroker.start(kafkaData, kafkaPort));
        var mongo = new AtomicReference<>(EmbeddedMongoServer.start(mongoData, mongoPort));
        var ownLog = new ListAppender<ILoggingEvent>();
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
        ownLog.start();
        root.addAppender(ownLog);
        var scrapes = new HashMap<String, String>();
        ServiceFleet fleet = null;
        try {
            fleet = ServiceFleet.start(
                    ToxWatchLauncher.home(), data.resolve("services"), 1, environment(broker.get(), mongo.get()));
            var ingest = fleet.of(ServiceKind.INGEST).getFirst();
            var monitoring = fleet.of(ServiceKind.MONITORING).getFirst();
            var alerting = fleet.of(ServiceKind.ALERTING).getFirst();
            int mllpPort = Integer.parseInt(ingest.environment.get("INGEST_MLLP_PORT"));

            acceptedInputCarryingThePatient(ingest.baseUrl(), mllpPort);
            badInputOnEveryProtocol(ingest.baseUrl(), mllpPort);
            poisonOnTheClinicalAndAssessmentTopics(broker.get().bootstrapServers());
            refusedAndUnknownClinicalReads(ingest.baseUrl(), monitoring.baseUrl(), alerting.baseUrl());
            for (var instance : fleet.all()) {
                unparsableRequests(instance.baseUrl());
            }

            mongo.get().close();
            whileMongoIsUnreachable(ingest.baseUrl(), alerting.baseUrl());
            mongo.set(EmbeddedMongoServer.start(mongoData, mongoPort));

            broker.get().close();
            whileTheBrokerIsDown(ingest.baseUrl(), mllpPort, fleet);
            broker.set(EmbeddedKafkaBroker.start(kafkaData, kafkaPort));
            for (var instance : fleet.all()) {
                instance.process.awaitReady(Duration.ofSeconds(90));
            }

            wrongPasswordsUntilSignInIsLocked(fleet);
            for (var instance : fleet.all()) {
                scrapes.put(instance.name(), scrapeOf(instance.baseUrl()));
            }
            awaitLogged(ingest, "MLLP listening on port " + mllpPort);
            awaitLogged(monitoring, "goes to the dead-letter topic");
            awaitLogged(alerting, "Dead-lettered");
        } finally {
            if (fleet != null) {
                fleet.close();
            }
            root.detachAppender(ownLog);
            if (fleet != null) {
                keepForDiagnosis(fleet);
            }
            broker.get().close();
            mongo.get().close();
        }

        var logs = new HashMap<String, List<String>>();
        for (var instance : fleet.all()) {
            logs.put(instance.name(), linesOf(instance));
        }
        logs.put("test process", ownLogLines(ownLog));
        System.out.printf(
                "[phi-free-logs] %s lines scanned; whole run %d s%n",
                logs.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue().size())
                        .toList(),
                Duration.between(started, Instant.now()).toSeconds());

        for (var instance : fleet.all()) {
            List<String> lines = logs.get(instance.name());
            assertThat(lines)
                    .as(instance.name() + " logged the broker going away")
                    .anyMatch(line -> line.contains("could not be established")
                            || line.contains("Node may not be available")
                            || line.contains("disconnected"));
            assertThat(lines)
                    .as(instance.name() + " logged sign-in being locked")
                    .anyMatch(line -> line.contains("Sign-in locked after repeated failures"));
        }
        for (var entry : logs.entrySet()) {
            for (String secret : SECRETS) {
                assertThat(entry.getValue())
                        .as(entry.getKey() + " log lines containing " + secret)
                        .filteredOn(line -> line.contains(secret))
                        .isEmpty();
            }
        }
        for (var entry : scrapes.entrySet()) {
            assertThat(entry.getValue()).as(entry.getKey() + " scrape").contains("jvm_");
            for (String secret : SECRETS) {
                assertThat(entry.getValue()).as(entry.getKey() + " scrape").doesNotContain(secret);
            }
        }
    }

    /** Good input still carries the patient: accepting it is no reason to log it. */
    private void acceptedInputCarryingThePatient(String ingest, int mllpPort) throws Exception {
        assertThat(post(ingest + "/api/v1/patients", "application/json", jsonPatient(BIRTH_DATE))
                        .statusCode())
                .isEqualTo(202);
        assertThat(post(ingest + "/api/v1/observations", "application/json", jsonPlatelets("ok-" + UUID.randomUUID()))
                        .statusCode())
                .isEqualTo(202);
        assertThat(post(ingest + "/fhir", "application/fhir+json", fhirTransaction(BIRTH_DATE))
                        .statusCode())
                .isEqualTo(200);
        assertThat(mllp(mllpPort, adt("A01", BIRTH_DATE_HL7))).contains("MSA|AA|");
        assertThat(mllp(mllpPort, oru("PHI-" + UUID.randomUUID(), LAB_VALUE))).contains("MSA|AA|");
    }

    private void badInputOnEveryProtocol(String ingest, int mllpPort) throws Exception {
        for (String bad : List.of(
                jsonPatient(IMPOSSIBLE_BIRTH_DATE),
                jsonPatient(BIRTH_DATE).replace("\"" + FAMILY + "\"", "{\"name\":\"" + FAMILY + "\"}"),
                jsonPatient(BIRTH_DATE).replace("\"identifiers\":[", "\"identifiers\":\"" + MRN + "\",\"x\":["),
                jsonPatient(BIRTH_DATE).replace("\"sex\":\"female\"", "\"sex\":\"" + GIVEN + "\""),
                "{\"familyName\":\"" + FAMILY + "\",\"birthDate\":\"" + BIRTH_DATE + "\",\"patientId\":")) {
            assertThat(post(ingest + "/api/v1/patients", "application/json", bad)
                            .statusCode())
                    .as(bad)
                    .isEqualTo(400);
        }
        for (String bad : List.of(
                jsonPlatelets("bad-" + UUID.randomUUID()).replace("\"10*9/L\"", "\"" + FAMILY + "\""),
                jsonPlatelets("bad-" + UUID.randomUUID()).replace(LAB_VALUE, "\"" + LAB_VALUE + GIVEN + "\""),
                jsonPlatelets("m-1\\r\\n" + FORGED + " " + MRN).replace("\"777-3\"", "\"" + MRN + "\""))) {
            assertThat(post(ingest + "/api/v1/observations", "application/json", bad)
                            .statusCode())
                    .as(bad)
                    .isEqualTo(400);
        }
        assertThat(post(ingest + "/fhir", "application/fhir+json", fhirTransaction(IMPOSSIBLE_BIRTH_DATE))
                        .statusCode())
                .isEqualTo(400);
        assertThat(post(
                                ingest + "/fhir",
                                "application/fhir+json",
                                fhirTransaction(BIRTH_DATE)
                                        .replace("\"gender\":\"female\"", "\"gender\":\"" + GIVEN + "\""))
                        .statusCode())
                .isBetween(400, 499);
        assertThat(post(
                                ingest + "/fhir",
                                "application/fhir+json",
                                "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"" + FAMILY
                                        + "\"}],\"birthDate\":\"" + BIRTH_DATE)
                        .statusCode())
                .isBetween(400, 499);

        assertThat(mllp(mllpPort, adt("A08", "20180230"))).contains("MSA|AE|");
        assertThat(mllp(mllpPort, adt("A05", BIRTH_DATE_HL7))).contains("MSA|AR|");
        assertThat(mllp(mllpPort, oru("PHI\n" + FORGED + "-" + MRN, LAB_VALUE + GIVEN)))
                .doesNotContain("MSA|AA|");
        assertThat(mllp(mllpPort, "MSH|^~\\&|LIS\r\n" + FORGED + "|LAB|\rPID|1||" + MRN + "||" + FAMILY + "\r"))
                .isNotEmpty();
    }

    /**
     * Records a producer outside ToxWatch could write: unreadable ones carrying the patient (monitoring and alerting
     * both read lab results), an event monitoring cannot store (a lone surrogate in its message id), and an
     * unreadable assessment and patient record.
     */
    private static void poisonOnTheClinicalAndAssessmentTopics(String bootstrapServers) {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class))) {
            String unreadable = "{\"patientId\":\"" + MRN + "\",\"familyName\":\"" + FAMILY + "\",\"birthDate\":\""
                    + BIRTH_DATE + "\",\"value\":" + LAB_VALUE + ",\"note\":\"a\r\n" + FORGED + "\",";
            producer.send(new ProducerRecord<>(Topics.LAB_RESULTS, MRN, unreadable));
            producer.send(new ProducerRecord<>(Topics.LAB_RESULTS, MRN, labEvent("SE\ud800" + MRN)));
            producer.send(new ProducerRecord<>(
                    Topics.LAB_RESULTS,
                    MRN,
                    labEvent("m\r\n" + FORGED).replace("\"value\":" + LAB_VALUE, "\"value\":\"" + FAMILY + "\"")));
            producer.send(new ProducerRecord<>(
                    Topics.ASSESSMENTS, MRN, "{\"patientId\": " + MRN + ", \"familyName\": \"" + FAMILY + "\"}"));
            producer.send(new ProducerRecord<>(Topics.PATIENTS, MRN, unreadable));
            producer.flush();
        }
    }

    private void refusedAndUnknownClinicalReads(String ingest, String monitoring, String alerting) throws Exception {
        // A path carrying an encoded line break is refused before anyone is asked who they are.
        String forgedPath = MRN + "%0D%0A" + FORGED;
        for (String url : List.of(
                monitoring + "/api/v1/patients/" + forgedPath + "/assessments",
                alerting + "/api/v1/patients/" + forgedPath,
                ingest + "/api/v1/rejects/" + forgedPath)) {
            assertThat(get(url, null).statusCode()).as(url).isEqualTo(400);
            assertThat(get(url, basic("clinician")).statusCode()).as(url).isEqualTo(400);
        }
        var reads = List.of(
                monitoring + "/api/v1/patients/" + MRN + "/assessments",
                alerting + "/api/v1/patients/" + MRN,
                alerting + "/api/v1/patients/" + MRN + "/timeline",
                alerting + "/api/v1/patients/" + MRN + "/cds-cards",
                alerting + "/api/v1/alerts/" + MRN,
                alerting + "/api/v1/alerts/" + MRN + "/cds-card",
                ingest + "/api/v1/rejects/" + MRN);
        for (String url : reads) {
            assertThat(get(url, null).statusCode()).as("anonymous " + url).isEqualTo(401);
            assertThat(get(url, basic("integration")).statusCode())
                    .as("integration " + url)
                    .isBetween(400, 499);
            int status = get(url, basic(url.startsWith(ingest) ? "operator" : "clinician"))
                    .statusCode();
            assertThat(status).as("unknown " + url).isIn(200, 400, 404);
        }
        for (String action : List.of("acknowledge", "snooze", "assign", "resolve")) {
            var refused = send(
                    "POST",
                    alerting + "/api/v1/alerts/" + MRN + "/" + action,
                    basic("operator"),
                    "application/json",
                    "{\"note\":\"" + FAMILY + " " + BIRTH_DATE + "\\r\\n" + FORGED + "\"}");
            assertThat(refused.statusCode()).as(action).isBetween(400, 499);
        }
    }

    private void whileMongoIsUnreachable(String ingest, String alerting) throws Exception {
        assertThat(get(alerting + "/api/v1/patients/" + MRN, basic("clinician")).statusCode())
                .isGreaterThanOrEqualTo(500);
        assertThat(get(alerting + "/api/v1/alerts/queue", basic("clinician")).statusCode())
                .isGreaterThanOrEqualTo(500);
        assertThat(get(ingest + "/api/v1/rejects/" + MRN, basic("operator")).statusCode())
                .isGreaterThanOrEqualTo(500);
        // A rejection is archived for replay before it is answered: with the store away the archive fails.
        assertThat(post(ingest + "/api/v1/patients", "application/json", jsonPatient(IMPOSSIBLE_BIRTH_DATE))
                        .statusCode())
                .isGreaterThanOrEqualTo(400);
        assertThat(post(ingest + "/fhir", "application/fhir+json", fhirTransaction(IMPOSSIBLE_BIRTH_DATE))
                        .statusCode())
                .isGreaterThanOrEqualTo(400);
    }

    /** Ingest tells every sender to send again; monitoring's and alerting's clients fail and retry meanwhile. */
    private void whileTheBrokerIsDown(String ingest, int mllpPort, ServiceFleet fleet) throws Exception {
        var json = CompletableFuture.supplyAsync(() -> unchecked(() -> post(
                        ingest + "/api/v1/observations", "application/json", jsonPlatelets("down-" + UUID.randomUUID()))
                .statusCode()));
        var patient = CompletableFuture.supplyAsync(
                () -> unchecked(() -> post(ingest + "/api/v1/patients", "application/json", jsonPatient(BIRTH_DATE))
                        .statusCode()));
        var fhir = CompletableFuture.supplyAsync(
                () -> unchecked(() -> post(ingest + "/fhir", "application/fhir+json", fhirTransaction(BIRTH_DATE))
                        .statusCode()));
        var hl7 = CompletableFuture.supplyAsync(() ->
                unchecked(() -> mllp(mllpPort, oru("DOWN-" + UUID.randomUUID(), LAB_VALUE))));
        assertThat(json.get()).isEqualTo(503);
        assertThat(patient.get()).isEqualTo(503);
        assertThat(fhir.get()).isEqualTo(503);
        assertThat(hl7.get()).doesNotContain("MSA|AA|");
        for (var instance : fleet.all()) {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> linesOf(instance).stream()
                            .anyMatch(line -> line.contains("could not be established")
                                    || line.contains("Node may not be available")));
        }
    }

    /**
     * Wrong passwords, for a real account and for a patient's name typed as the user, one user name carrying a line
     * break, until each service delays and then locks sign-in from this address; the lock is short here, so the
     * scrape after it gets in.
     */
    private void wrongPasswordsUntilSignInIsLocked(ServiceFleet fleet) {
        for (var instance : fleet.all()) {
            String url = instance.baseUrl() + "/actuator/prometheus";
            // While sign-in is delayed an attempt is refused uncounted, so the attempts go on until the lock.
            await(instance.name() + " locks sign-in")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(150))
                    .until(() -> {
                        for (String user : List.of("clinician", FAMILY, "clinician\r\n" + FORGED + " " + MRN)) {
                            String credentials = user + ":" + GIVEN + "-" + BIRTH_DATE;
                            var refused = get(
                                    url,
                                    "Basic "
                                            + Base64.getEncoder()
                                                    .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
                            assertThat(refused.statusCode()).isEqualTo(401);
                        }
                        return logged(instance, "Sign-in locked after repeated failures");
                    });
        }
    }

    /** Request lines Tomcat cannot parse, carrying the patient: refused before any service code runs. */
    private static void unparsableRequests(String baseUrl) throws IOException {
        var uri = URI.create(baseUrl);
        for (String requestLine : List.of(
                "GET /api/v1/patients/" + MRN + "{" + FAMILY + "}| HTTP/1.1",
                FAMILY + "(" + MRN + ") /api/v1/patients HTTP/1.1")) {
            try (var socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream()
                        .write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                                .getBytes(StandardCharsets.ISO_8859_1));
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                assertThat(answer).as(requestLine).startsWith("HTTP/1.1 400");
            }
        }
    }

    private String scrapeOf(String baseUrl) {
        var scrape = new AtomicReference<String>();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    var response = get(baseUrl + "/actuator/prometheus", basic("operator"));
                    scrape.set(response.body());
                    return response.statusCode() == 200;
                });
        return scrape.get();
    }

    private static void awaitLogged(ServiceFleet.Instance instance, String text) {
        await(instance.name() + " logs " + text)
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> logged(instance, text));
    }

    private static boolean logged(ServiceFleet.Instance instance, String text) {
        return linesOf(instance).stream().anyMatch(line -> line.contains(text));
    }

    /** The service logs outlive the run's temporary directory, for reading after a failure. */
    private static void keepForDiagnosis(ServiceFleet fleet) throws IOException {
        Path kept = Path.of("target", "phi-free-logs");
        Files.createDirectories(kept);
        for (var instance : fleet.all()) {
            Files.copy(
                    instance.process.logFile(),
                    kept.resolve(instance.name() + ".log"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static List<String> linesOf(ServiceFleet.Instance instance) {
        try {
            return Files.readAllLines(instance.process.logFile(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("could not read " + instance.process.logFile(), e);
        }
    }

    private static List<String> ownLogLines(ListAppender<ILoggingEvent> appender) {
        synchronized (appender.list) {
            var lines = new ArrayList<String>();
            for (ILoggingEvent event : appender.list) {
                lines.add(event.getLoggerName() + " " + event.getFormattedMessage());
                if (event.getThrowableProxy() != null) {
                    lines.addAll(List.of(ThrowableProxyUtil.asString(event.getThrowableProxy())
                            .split("\n")));
                }
            }
            return lines;
        }
    }

    private static Map<String, String> environment(EmbeddedKafkaBroker broker, EmbeddedMongoServer mongo) {
        var environment = new HashMap<>(PASSWORDS);
        environment.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        // A read while the store is away fails after two seconds rather than the driver's thirty.
        environment.put("MONGODB_URI", mongo.connectionString() + "/toxwatch-phi?serverSelectionTimeoutMS=2000");
        environment.put("TOXWATCH_SECURITY_LOGIN_DELAYAFTER", "3");
        environment.put("TOXWATCH_SECURITY_LOGIN_FIRSTDELAY", "50ms");
        environment.put("TOXWATCH_SECURITY_LOGIN_LONGESTDELAY", "100ms");
        environment.put("TOXWATCH_SECURITY_LOGIN_LOCKAFTER", "6");
        environment.put("TOXWATCH_SECURITY_LOGIN_LOCKFOR", "3s");
        return environment;
    }

    private static String jsonPatient(String birthDate) {
        return """
                {"patientId":"%s","encounterEvent":"ADMITTED",
                 "identifiers":[{"value":"%s","assigningAuthority":"CHILDRENS","type":"MR"}],
                 "familyName":"%s","givenName":"%s","birthDate":"%s","sex":"female",
                 "location":{"ward":"ONC-PED","room":"3","bed":"7"},"sourceMessageId":"phi-p-%s"}""".formatted(MRN, MRN, FAMILY, GIVEN, birthDate, UUID.randomUUID());
    }

    private static String jsonPlatelets(String messageId) {
        return """
                {"patientId":"%s","loinc":"777-3","value":%s,"unit":"10*9/L",
                 "effectiveTime":"%s","sourceMessageId":"%s"}""".formatted(MRN, LAB_VALUE, recently(), messageId);
    }

    private static String fhirTransaction(String birthDate) {
        return """
                {"resourceType":"Bundle","type":"transaction","entry":[
                 {"fullUrl":"urn:uuid:7f1c0d2e-0000-4000-8000-000000000001",
                  "resource":{"resourceType":"Patient",
                   "identifier":[{"system":"urn:childrens","value":"%s"}],
                   "name":[{"family":"%s","given":["%s"]}],"birthDate":"%s","gender":"female"},
                  "request":{"method":"POST","url":"Patient"}},
                 {"fullUrl":"urn:uuid:7f1c0d2e-0000-4000-8000-000000000002",
                  "resource":{"resourceType":"Observation",
                   "identifier":[{"system":"urn:phi","value":"phi-%s"}],"status":"final",
                   "code":{"coding":[{"system":"http://loinc.org","code":"777-3"}]},
                   "subject":{"reference":"urn:uuid:7f1c0d2e-0000-4000-8000-000000000001"},
                   "effectiveDateTime":"%s",
                   "valueQuantity":{"value":%s,"system":"http://unitsofmeasure.org","code":"10*9/L"}},
                  "request":{"method":"POST","url":"Observation"}}]}""".formatted(MRN, FAMILY, GIVEN, birthDate, UUID.randomUUID(), recently(), LAB_VALUE);
    }

    private static String adt(String trigger, String birthDate) {
        return "MSH|^~\\&|PHI-ADT|PHI-HOSP|TOXWATCH|TOXWATCH|20261120080000||ADT^" + trigger + "|PHI-ADT-"
                + UUID.randomUUID() + "|P|2.5.1\r"
                + "EVN|" + trigger + "|20261120080000\r"
                + "PID|1||" + MRN + "^^^CHILDRENS^MR||" + FAMILY + "^" + GIVEN + "||" + birthDate + "|F\r"
                + "PV1|1|I|ONC-PED^4^B\r";
    }

    private static String oru(String controlId, String value) {
        return "MSH|^~\\&|PHI-LIS|PHI-LAB|TOXWATCH|TOXWATCH|20261120080000||ORU^R01^ORU_R01|" + controlId
                + "|P|2.5.1\r"
                + "PID|1||" + MRN + "^^^CHILDRENS^MR||" + FAMILY + "^" + GIVEN + "||" + BIRTH_DATE_HL7 + "|F\r"
                + "OBR|1||FIL-1|58410-2^CBC^LN|||202611200745+0100\r"
                + "OBX|1|NM|777-3^Platelets^LN||" + value + "|10*9/L^^UCUM|150-400|H|||F|||202611200745+0100\r";
    }

    private static String labEvent(String messageId) {
        Instant observed = Instant.now().minus(Duration.ofHours(1));
        return """
                {"eventId":"%s","patientId":"%s","observedAt":"%s","receivedAt":"%s",
                 "sourceSystem":"lis","sourceMessageId":"%s","loinc":"777-3","value":%s,
                 "ucumUnit":"10*9/L","referenceRange":{"low":150,"high":400},"status":"FINAL"}""".formatted(
                        UUID.randomUUID(),
                        MRN,
                        observed,
                        observed.plusSeconds(60),
                        messageId.replace("\r", "\\r").replace("\n", "\\n").replace("\ud800", "\\ud800"),
                        LAB_VALUE);
    }

    private static String recently() {
        return Instant.now()
                .truncatedTo(ChronoUnit.SECONDS)
                .minus(Duration.ofHours(2))
                .toString();
    }

    private static String mllp(int port, String message) throws IOException {
        try (var client = new MllpClient("localhost", port, Duration.ofSeconds(40))) {
            return client.send(message.getBytes(StandardCharsets.UTF_8));
        }
    }

    private HttpResponse<String> get(String url, String authorization) throws Exception {
        return send("GET", url, authorization, null, null);
    }

    private HttpResponse<String> post(String url, String contentType, String body) throws Exception {
        return send("POST", url, basic("integration"), contentType, body);
    }

    private HttpResponse<String> send(String method, String url, String authorization, String contentType, String body)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(40));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        String password = PASSWORDS.get("TOXWATCH_BOOTSTRAP_" + user.toUpperCase() + "_PASSWORD");
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    private static <T> T unchecked(Call<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
