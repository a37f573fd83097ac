package org.vertogw.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Seed inputs for the fuzz targets: the repository's test data, so the fuzzer starts from well-formed messages. */
final class Seeds {

    private Seeds() {}

    static Path testdata(String... parts) {
        return Path.of(System.getProperty("testdata.dir", "../testdata"), parts);
    }

    /** One seed per line of a JSON-lines file. */
    static Stream<Arguments> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank())
                    .map(l -> bytes(l.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Arguments bytes(byte[] b) {
        return Arguments.of((Object) b);
    }

    static Arguments text(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
