package org.toxwatch.monitoring.adapter.streams;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.toxwatch.monitoring.benchmark.GradingBenchmark;
import org.toxwatch.monitoring.domain.PatientState;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.smile.SmileMapper;
import tools.jackson.module.blackbird.BlackbirdModule;

/**
 * A stored patient state read and written by the store's mapper ({@code STORED_STATE}) beside the reference it
 * replaced ({@code JACKSON_RECORDS}: lab results and vital signs through Jackson's record handling, each text written
 * in full), in the same sitting rather than across builds. The states are {@link GradingBenchmark}'s courses.
 *
 * <p>Run as {@link GradingBenchmark}, with {@code StoredStateBenchmark} as the pattern.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
// The serial collector, as the services run; a concurrent one competes with the measured thread on two cores.
@Fork(
        value = 2,
        jvmArgsAppend = {"-XX:+UseSerialGC", "-Xms512m", "-Xmx512m"})
public class StoredStateBenchmark {

    public enum Codec {
        JACKSON_RECORDS(SmileMapper.builder()
                .addModule(IsoInstants.module())
                .addModule(new BlackbirdModule())
                .build()),
        STORED_STATE(PatientStateSerde.smileMapper());

        private final ObjectMapper mapper;

        Codec(ObjectMapper mapper) {
            this.mapper = mapper;
        }
    }

    @Param
    public GradingBenchmark.Course course;

    @Param
    public Codec codec;

    private PatientState state;
    private byte[] stored;

    @Setup(Level.Trial)
    public void buildState() {
        var courses = new GradingBenchmark();
        courses.course = course;
        courses.buildPatient();
        state = courses.state();
        stored = codec.mapper.writeValueAsBytes(state);
    }

    @Benchmark
    public Object read() {
        return codec.mapper.readValue(stored, PatientState.class);
    }

    @Benchmark
    public Object write() {
        return codec.mapper.writeValueAsBytes(state);
    }
}
