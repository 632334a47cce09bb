package org.toxwatch.monitoring.adapter.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class BoundedRocksDbMemoryTest {

    @TempDir
    Path stateDirectory;

    @Test
    void theStoresOfEveryPartitionShareOneWriteBufferBudget() {
        try (var first = storeOptions();
                var second = storeOptions()) {
            new BoundedRocksDbMemory().setConfig("patient-state", first, Map.of());
            new BoundedRocksDbMemory().setConfig("patient-state", second, Map.of());

            assertThat(first.writeBufferManager())
                    .isSameAs(second.writeBufferManager())
                    .isSameAs(BoundedRocksDbMemory.Budget.WRITE_BUFFERS);
            assertThat(first.maxWriteBufferNumber() * first.writeBufferSize())
                    .isLessThanOrEqualTo(BoundedRocksDbMemory.MEMTABLE_BYTES);
        }
    }

    @Test
    void whatTheStoresHoldInMemoryIsChargedToTheSharedCacheAndStaysWithinIt() throws Exception {
        long before = BoundedRocksDbMemory.Budget.CACHE.getUsage();
        byte[] state = new byte[40 * 1024];
        Arrays.fill(state, (byte) 'x');

        try (var first = storeOptions();
                var second = storeOptions()) {
            new BoundedRocksDbMemory().setConfig("patient-state", first, Map.of());
            new BoundedRocksDbMemory().setConfig("patient-state", second, Map.of());
            try (var partition0 =
                            RocksDB.open(first, stateDirectory.resolve("0_0").toString());
                    var partition1 =
                            RocksDB.open(second, stateDirectory.resolve("0_1").toString())) {
                for (int patient = 0; patient < 100; patient++) {
                    byte[] key = ("p-" + patient).getBytes(StandardCharsets.UTF_8);
                    partition0.put(key, state);
                    partition1.put(key, state);
                }

                // 8,000 KiB written into the two stores' memtables; at least half of it must show in the cache.
                assertThat(BoundedRocksDbMemory.Budget.CACHE.getUsage() - before)
                        .isGreaterThanOrEqualTo(4_000L * 1024);
                assertThat(BoundedRocksDbMemory.Budget.CACHE.getUsage())
                        .isLessThanOrEqualTo(BoundedRocksDbMemory.TOTAL_BYTES);
                assertThat(partition1.get("p-99".getBytes(StandardCharsets.UTF_8)))
                        .isEqualTo(state);
            }
        }
    }

    /** Options as Kafka Streams hands them to a config setter: a block-based table format already set. */
    private static Options storeOptions() {
        var options = new Options().setCreateIfMissing(true);
        options.setTableFormatConfig(new BlockBasedTableConfig());
        return options;
    }
}
