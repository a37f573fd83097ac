package org.vertogw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Small classes named after their concept: no source file of the gateway over 400 lines, and the session a
 * dispatcher over its parts rather than the place where they all live (docs/architecture.md).
 */
class SourceSizeTest {

    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void noSourceFileIsOver400Lines() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<String> over = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> lines(p) > 400)
                    .map(p -> SOURCES.relativize(p) + " (" + lines(p) + " lines)")
                    .toList();
            assertThat(over).as("sources over 400 lines").isEmpty();
        }
    }

    @Test
    void theClientSessionStaysADispatcher() {
        assertThat(lines(SOURCES.resolve("org/vertogw/gateway/edge/ClientSession.java")))
                .isLessThan(250);
    }

    private static long lines(Path p) {
        try (Stream<String> l = Files.lines(p)) {
            return l.count();
        } catch (IOException e) {
            throw new IllegalStateException(p.toString(), e);
        }
    }
}
