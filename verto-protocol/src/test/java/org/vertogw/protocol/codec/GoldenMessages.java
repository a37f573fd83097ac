package org.vertogw.protocol.codec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The golden Verto messages of {@code testdata/verto/golden.jsonl}, one JSON message per line, as mod_verto and
 * verto.js put them on the wire (docs/protocol.md): the login dance, calls, re-attach, events, errors.
 */
final class GoldenMessages {

    record Example(String where, String text) {
        @Override
        public String toString() {
            return where;
        }
    }

    static Path file() {
        return Path.of(System.getProperty("testdata.dir", "../testdata"), "verto", "golden.jsonl");
    }

    static List<Example> all() throws IOException {
        List<Example> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file(), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty()) {
                out.add(new Example("golden.jsonl line " + (i + 1), line));
            }
        }
        return out;
    }

    private GoldenMessages() {}
}
