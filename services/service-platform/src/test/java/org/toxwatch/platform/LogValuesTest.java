package org.toxwatch.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/** What a log line may say about a failure: the kind of each exception in the chain, never what it quotes. */
class LogValuesTest {

    @Test
    void anExceptionIsNamedByItsClassesFromTheOutermostToTheRootCauseWithoutItsMessages() {
        var root = new IllegalStateException("duplicate key: openKey MRN-12345|CYTOPENIA");
        var failure = new RuntimeException(
                "could not save MRN-12345", new UncheckedIOException(new java.io.IOException(root)));

        assertThat(LogValues.exceptionClasses(failure))
                .isEqualTo("java.lang.RuntimeException <- java.io.UncheckedIOException <- java.io.IOException"
                        + " <- java.lang.IllegalStateException")
                .doesNotContain("MRN");
    }

    @Test
    void aChainDeeperThanEightIsCutAfterTheEighth() {
        Throwable chain = new IllegalStateException("root");
        for (int i = 0; i < 20; i++) {
            chain = new RuntimeException("wrapper " + i, chain);
        }

        assertThat(LogValues.exceptionClasses(chain).split(" <- ")).hasSize(8);
    }

    @Test
    void aFailureIsNamedWithTheCodeItWasThrownFromAndWithoutItsMessage() {
        var failure = new IllegalArgumentException("bad value for MRN-12345");

        assertThat(LogValues.failure(failure))
                .startsWith("java.lang.IllegalArgumentException at org.toxwatch.platform.LogValuesTest.")
                .doesNotContain("MRN");
    }
}
