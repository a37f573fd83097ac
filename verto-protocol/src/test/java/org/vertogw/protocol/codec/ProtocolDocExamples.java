package org.vertogw.protocol.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every example message in {@code shared/docs/verto-protocol.md}, read in place: the {@code json} code blocks and
 * the lines of the happy-path transcript (§0).
 */
final class ProtocolDocExamples {

    record Example(String where, String text) {
        @Override
        public String toString() {
            return where;
        }
    }

    static Path doc() {
        return Path.of(System.getProperty("shared.dir", "../../shared"), "docs", "verto-protocol.md");
    }

    static List<Example> all() throws IOException {
        String doc = Files.readString(doc());
        List<Example> out = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        Matcher block = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        int n = 0;
        while (block.find()) {
            n++;
            int line = lineOf(doc, block.start());
            try (JsonParser p = mapper.createParser(block.group(1));
                    MappingIterator<JsonNode> it = mapper.readValues(p, JsonNode.class)) {
                int k = 0;
                while (it.hasNext()) {
                    out.add(new Example("json block " + n + " (line " + line + ") #" + (++k), it.next().toString()));
                }
            }
        }
        Matcher transcript = Pattern.compile("## 0\\..*?```\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        if (transcript.find()) {
            StringBuilder current = null;
            for (String l : transcript.group(1).split("\n")) {
                if (l.startsWith("C→S ") || l.startsWith("S→C ")) {
                    if (current != null) {
                        out.add(new Example("transcript: " + current.substring(0, 3), current.substring(4)));
                    }
                    current = new StringBuilder(l.replace("C→S ", "C2S ").replace("S→C ", "S2C "));
                } else if (l.startsWith(" ") && current != null) {
                    current.append(l.strip());
                } else if (current != null) {
                    out.add(new Example("transcript: " + current.substring(0, 3), current.substring(4)));
                    current = null;
                }
            }
            if (current != null) {
                out.add(new Example("transcript: " + current.substring(0, 3), current.substring(4)));
            }
        }
        return out;
    }

    private static int lineOf(String s, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (s.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private ProtocolDocExamples() {}
}
