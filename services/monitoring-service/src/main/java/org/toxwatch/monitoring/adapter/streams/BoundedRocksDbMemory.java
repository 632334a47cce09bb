package org.toxwatch.monitoring.adapter.streams;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * One memory budget for every patient-state store of this process, instead of RocksDB's per store. Kafka Streams
 * gives each store (one per partition this instance holds, six in the local run) its own 50 MiB block cache and up
 * to three 16 MiB memtables, close to 600 MiB off the heap in all; here every store shares one
 * {@value #TOTAL_BYTES}-byte cache that the memtables are charged to as well, as Kafka Streams' memory management
 * guide describes. Index and filter blocks live in the cache too, so the budget holds however many files there are.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    static final long TOTAL_BYTES = 64L * 1024 * 1024;
    static final long MEMTABLE_BYTES = 32L * 1024 * 1024;
    private static final long MEMTABLE_SIZE = 8L * 1024 * 1024;
    private static final int MEMTABLES_PER_STORE = 2;
    private static final double INDEX_AND_FILTER_SHARE = 0.1;

    /**
     * Shared by every store of the process and never closed: closing them with one store would break the others.
     * Made on first use, not when Kafka Streams loads this class, which may be before RocksDB's native library.
     */
    static final class Budget {
        static {
            RocksDB.loadLibrary();
        }

        static final Cache CACHE = new LRUCache(TOTAL_BYTES, -1, false, INDEX_AND_FILTER_SHARE);
        static final WriteBufferManager WRITE_BUFFERS = new WriteBufferManager(MEMTABLE_BYTES, CACHE);

        private Budget() {}
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        var table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(Budget.CACHE);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(Budget.WRITE_BUFFERS);
        options.setWriteBufferSize(MEMTABLE_SIZE);
        options.setMaxWriteBufferNumber(MEMTABLES_PER_STORE);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write buffer manager outlive every store; see above.
    }
}
