package org.toxwatch.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.DataType;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

class BsonDocumentTypeTest {

    private final BsonDocumentType bson = new BsonDocumentType();
    private final ObjectDataType stock = new ObjectDataType();

    @Test
    void everyGeneratedDocumentComesBackWithTheSameValuesOfTheSameClassesInTheSameOrder() {
        var documents = new RandomDocuments(new Random(11));

        for (int i = 0; i < 3_000; i++) {
            Document original = documents.next();

            byte[] written = write(bson, original);
            Object read = read(bson, written);

            assertThat(written[0]).as("document %d is written as BSON", i).isEqualTo(BsonDocumentType.BSON_TAG);
            assertSameValues(read, original, "document " + i);
        }
    }

    @Test
    void aDocumentBsonWouldNotCarryBackExactlyIsWrittenAsH2WritesItAndComesBackTheSame() {
        List<Document> inexact = List.of(
                new Document("_id", "a").append("created", Instant.ofEpochSecond(1_700_000_000L, 123_456_789)),
                new Document("_id", "b").append("nested", new LinkedHashMap<>(Map.of("k", 1))),
                new Document("_id", "c").append("codes", new LinkedHashSet<>(List.of("x", "y"))),
                new Document("_id", "d").append("codes", Arrays.asList("x", "y")),
                new Document("_id", "e").append("raw", new byte[] {1, 2, 3}),
                new Document("_id", "f").append("text", "lone \uD800 surrogate"),
                new Document("_id", "g").append("na\0me", 1),
                new Document("_id", "h").append("size", (short) 3),
                new Document("_id", "i").append("list", new ArrayList<>(List.of(new LinkedHashMap<>()))),
                new Document("_id", "j").append("regex", new BsonRegularExpression("a\0b", "i")),
                new Document("_id", "k").append("why", "why?").append("list", new ArrayList<>(List.of("x\uDC00"))));

        for (Document original : inexact) {
            byte[] written = write(bson, original);

            assertThat(written).as("%s", original.get("_id")).isEqualTo(write(stock, original));
            assertSameValues(read(bson, written), original, String.valueOf(original.get("_id")));
        }
    }

    /** H2 writes pages on its own thread, and a writer that throws closes the whole store. */
    @Test
    void aDocumentThatCannotBeEncodedIsWrittenAsH2WritesItInsteadOfFailingTheWriter() {
        var tries = new java.util.concurrent.atomic.AtomicInteger();
        var failing = new BsonDocumentType(document -> {
            tries.incrementAndGet();
            throw new java.util.ConcurrentModificationException();
        });
        var original = new Document("_id", "m-1").append("status", "ACCEPTED");

        byte[] written = write(failing, original);

        assertThat(tries).as("the BSON encoding was tried").hasValue(1);
        assertThat(written).isEqualTo(write(stock, original));
        assertSameValues(read(failing, written), original, "document m-1");
    }

    @Test
    void aTextWithAQuestionMarkAndWellFormedSurrogatePairsIsStillWrittenAsBson() {
        var original = new Document("_id", "q?")
                .append("text", "Is it 😀? Ünïcödé?")
                .append("list", new ArrayList<>(List.of("?", new Document("q", "??"))));

        byte[] written = write(bson, original);

        assertThat(written[0]).isEqualTo(BsonDocumentType.BSON_TAG);
        assertSameValues(read(bson, written), original, "document q?");
    }

    @Test
    void aValueWrittenByH2sOwnTypeIsRead() {
        var documents = new RandomDocuments(new Random(7));
        List<Object> values = new ArrayList<>(List.of("text", 42, 7L, 2.5, true, new UUID(1, 2)));
        for (int i = 0; i < 200; i++) {
            values.add(documents.next());
        }

        for (Object value : values) {
            Object read = read(bson, write(stock, value));

            if (value instanceof Document document) {
                assertSameValues(read, document, "a stock-written document");
            } else {
                assertThat(read).isEqualTo(value);
            }
        }
    }

    @Test
    void h2sOwnTypeNeverStartsAValueWithTheBsonTag() {
        var random = new Random(3);
        var documents = new RandomDocuments(random);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            values.add(documents.next());
            values.add(documents.value(0));
            values.add("s".repeat(i % 40));
            values.add(random.nextInt());
            values.add((long) i - 150);
            values.add(new byte[i % 40]);
            values.add(new java.math.BigDecimal(random.nextDouble()));
        }

        for (Object value : values) {
            assertThat(write(stock, value)[0]).as("stock tag of %s", value).isNotEqualTo(BsonDocumentType.BSON_TAG);
        }
    }

    @Test
    void aPageOfDocumentsWrittenBothWaysIsReadBackInOrder() {
        var documents = new RandomDocuments(new Random(5));
        Object[] page = new Object[64];
        for (int i = 0; i < page.length; i++) {
            page[i] = i % 3 == 0 ? new Document("_id", i).append("at", Instant.ofEpochSecond(i, 1)) : documents.next();
        }
        var buffer = new WriteBuffer();
        bson.write(buffer, page, page.length);
        ByteBuffer bytes = buffer.getBuffer().flip();

        Object[] read = bson.createStorage(page.length);
        bson.read(bytes, read, page.length);

        assertThat(bytes.hasRemaining()).isFalse();
        for (int i = 0; i < page.length; i++) {
            assertSameValues(read[i], (Document) page[i], "value " + i + " of the page");
        }
    }

    @Test
    void theMemoryEstimateIsTheHeapOfTheDocumentAtLeastItsEncodedSize() {
        var small = new Document("_id", "m-1").append("status", "ACCEPTED");
        var large = new Document("_id", "m-2").append("body", "x".repeat(1_000)).append("n", 1);
        var nested = new Document("_id", "m-3")
                .append("results", new ArrayList<>(List.of(large, small, large)))
                .append("at", Instant.ofEpochMilli(1));

        assertThat(bson.getMemory(small)).isBetween(write(bson, small).length, 512);
        assertThat(bson.getMemory(large)).isBetween(1_000, 1_600);
        assertThat(bson.getMemory(nested))
                .isGreaterThan(2 * bson.getMemory(large) + bson.getMemory(small))
                .isGreaterThanOrEqualTo(write(bson, nested).length);
    }

    private static byte[] write(DataType<Object> type, Object value) {
        var buffer = new WriteBuffer();
        type.write(buffer, value);
        ByteBuffer written = buffer.getBuffer().flip();
        byte[] bytes = new byte[written.remaining()];
        written.get(bytes);
        return bytes;
    }

    private static Object read(DataType<Object> type, byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        Object value = type.read(buffer);
        assertThat(buffer.hasRemaining()).as("bytes left after the value").isFalse();
        return value;
    }

    /** Equal values of the same classes, field by field and in order; for classes without equals, by content. */
    private static void assertSameValues(Object actual, Object expected, String path) {
        if (expected == null) {
            assertThat(actual).as(path).isNull();
            return;
        }
        assertThat(actual).as(path).isNotNull();
        assertThat(actual.getClass()).as("class of %s", path).isEqualTo(expected.getClass());
        switch (expected) {
            case Map<?, ?> map -> {
                Map<?, ?> actualMap = (Map<?, ?>) actual;
                assertThat(List.copyOf(actualMap.keySet()))
                        .as("names of %s in order", path)
                        .isEqualTo(List.copyOf(map.keySet()));
                map.forEach((key, value) -> assertSameValues(actualMap.get(key), value, path + "." + key));
            }
            case Iterable<?> iterable -> {
                List<Object> expectedElements = new ArrayList<>();
                iterable.forEach(expectedElements::add);
                List<Object> actualElements = new ArrayList<>();
                ((Iterable<?>) actual).forEach(actualElements::add);
                assertThat(actualElements).as("elements of %s", path).hasSameSizeAs(expectedElements);
                for (int i = 0; i < expectedElements.size(); i++) {
                    assertSameValues(actualElements.get(i), expectedElements.get(i), path + "[" + i + "]");
                }
            }
            case BsonRegularExpression regex -> {
                var actualRegex = (BsonRegularExpression) actual;
                assertThat(actualRegex.getPattern()).as(path).isEqualTo(regex.getPattern());
                assertThat(actualRegex.getOptions()).as(path).isEqualTo(regex.getOptions());
            }
            case BsonJavaScript script ->
                assertThat(((BsonJavaScript) actual).getCode()).as(path).isEqualTo(script.getCode());
            case MinKey ignored -> {}
            case MaxKey ignored -> {}
            case byte[] bytes -> assertThat((byte[]) actual).as(path).isEqualTo(bytes);
            default -> assertThat(actual).as(path).isEqualTo(expected);
        }
    }

    /** Documents of every value class mongo-java-server's BSON decoder produces, nested up to three deep. */
    private record RandomDocuments(Random random) {

        Document next() {
            var document = new Document("_id", random.nextBoolean() ? new ObjectId() : text());
            return fill(document, 0);
        }

        private Document fill(Document document, int depth) {
            int fields = random.nextInt(12);
            for (int i = 0; i < fields; i++) {
                document.put(name(i), value(depth));
            }
            return document;
        }

        Object value(int depth) {
            int kinds = depth < 3 ? 20 : 18;
            return switch (random.nextInt(kinds)) {
                case 0 -> text();
                case 1 -> random.nextInt();
                case 2 -> random.nextLong();
                case 3 -> oneOf(random.nextDouble() * 1e6, -0.0, Double.NaN, Double.NEGATIVE_INFINITY, 1e-300);
                case 4 -> new Decimal128(random.nextLong(), random.nextLong());
                case 5 -> random.nextBoolean();
                case 6 -> null;
                case 7 -> Instant.ofEpochMilli(random.nextLong(-62_135_596_800_000L, 253_402_300_799_999L));
                case 8 -> new ObjectId();
                case 9 -> new UUID(random.nextLong(), random.nextLong());
                case 10 -> new LegacyUUID(random.nextLong(), random.nextLong());
                case 11 -> new BinData(bytes());
                case 12 -> MinKey.getInstance();
                case 13 -> MaxKey.getInstance();
                case 14 -> new BsonTimestamp(random.nextLong());
                case 15 -> new BsonRegularExpression("^" + name(random.nextInt(5)) + ".*$", oneOf("", "i", "ms"));
                case 16 -> new BsonJavaScript("function() { return '" + text() + "'; }");
                case 17 -> oneOf(Integer.MIN_VALUE, Long.MAX_VALUE, "", 0);
                case 18 -> fill(new Document(), depth + 1);
                default -> list(depth + 1);
            };
        }

        private List<Object> list(int depth) {
            List<Object> list = new ArrayList<>();
            int size = random.nextInt(6);
            for (int i = 0; i < size; i++) {
                list.add(value(depth));
            }
            return list;
        }

        private String name(int i) {
            return oneOf("status", "patientId", "a.b", "$set", "名前", "😀", "") + i;
        }

        private String text() {
            var text = new StringBuilder();
            int length = random.nextInt(30);
            for (int i = 0; i < length; i++) {
                text.appendCodePoint(
                        switch (random.nextInt(4)) {
                            case 0 -> 'a' + random.nextInt(26);
                            case 1 -> random.nextInt(0x80, 0x800);
                            case 2 -> random.nextInt(0xE000, 0xFFFE);
                            default -> random.nextInt(0x10000, 0x10FFFF);
                        });
            }
            return random.nextInt(10) == 0 ? text + "\0tail" : text.toString();
        }

        private byte[] bytes() {
            byte[] bytes = new byte[random.nextInt(40)];
            random.nextBytes(bytes);
            return bytes;
        }

        @SafeVarargs
        private <T> T oneOf(T... choices) {
            return choices[random.nextInt(choices.length)];
        }
    }
}
