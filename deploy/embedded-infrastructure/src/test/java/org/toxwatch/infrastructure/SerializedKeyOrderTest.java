package org.toxwatch.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

class SerializedKeyOrderTest {

    private final ObjectDataType stock = new ObjectDataType();
    private final SerializedKeyOrder memoized = new SerializedKeyOrder();

    @Test
    void ordersIndexKeysExactlyAsH2DoesForEveryPairOfMixedValues() {
        List<KeyValue> keys = mixedKeys(new Random(11), 300);

        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                assertThat(Integer.signum(memoized.compare(a, b)))
                        .as("%s against %s", a, b)
                        .isEqualTo(Integer.signum(stock.compare(a, b)));
            }
        }
    }

    @Test
    void aCopyOfAKeyIsEqualToItAndARepeatedComparisonGivesTheSameAnswer() {
        var key = new KeyValue("CBC|p-17", 3L);
        var copy = new KeyValue("CBC|p-17", 3L);
        var later = new KeyValue("CBC|p-18", 1L);

        assertThat(memoized.compare(key, copy)).isZero();
        assertThat(Integer.signum(memoized.compare(key, later))).isEqualTo(Integer.signum(stock.compare(key, later)));
        assertThat(Integer.signum(memoized.compare(key, later)))
                .isEqualTo(Integer.signum(memoized.compare(key, later)))
                .isNotZero();
    }

    @Test
    void keysThatOutnumberTheCacheAreStillOrderedAsH2Orders() {
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            keys.add(new KeyValue("alert-" + i));
        }
        var random = new Random(5);

        for (int i = 0; i < 50_000; i++) {
            KeyValue a = keys.get(random.nextInt(keys.size()));
            KeyValue b = keys.get(random.nextInt(keys.size()));
            assertThat(Integer.signum(memoized.compare(a, b))).isEqualTo(Integer.signum(stock.compare(a, b)));
        }
    }

    @Test
    void valuesOtherThanIndexKeysAreComparedByH2Itself() {
        assertThat(memoized.compare("a", "b")).isEqualTo(stock.compare("a", "b"));
        assertThat(memoized.compare(7L, 3L)).isEqualTo(stock.compare(7L, 3L));
        assertThat(Integer.signum(memoized.compare(new KeyValue("a"), "a")))
                .isEqualTo(Integer.signum(stock.compare(new KeyValue("a"), "a")));
    }

    private static List<KeyValue> mixedKeys(Random random, int count) {
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add(
                    switch (i % 8) {
                        case 0 -> new KeyValue("p-" + random.nextInt(1_000));
                        case 1 -> new KeyValue(random.nextInt(100));
                        case 2 -> new KeyValue(random.nextLong());
                        case 3 -> new KeyValue(random.nextDouble() * 100);
                        case 4 ->
                            new KeyValue(new UUID(random.nextLong(), random.nextLong()), (long) random.nextInt(5));
                        case 5 -> new KeyValue("CYTOPENIA|p-" + random.nextInt(50), random.nextBoolean());
                        case 6 -> new KeyValue(new ObjectId());
                        default -> new KeyValue(new Document("code", "LOINC-" + random.nextInt(20)));
                    });
        }
        return keys;
    }
}
