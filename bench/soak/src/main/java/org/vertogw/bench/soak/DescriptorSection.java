package org.vertogw.bench.soak;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The report's section on file descriptors: each gateway's by kind at the start, at the end of every phase (the
 * chaos may have restarted gw-2 meanwhile) and at the end, so that a growth shows where and when it happened.
 */
final class DescriptorSection {

    private DescriptorSection() {}

    static void render(
            StringBuilder md,
            List<GatewayProbe.Figures> start,
            List<GatewayProbe.Figures> end,
            Map<String, List<Map<String, Integer>>> byPhase) {
        md.append("## File descriptors by kind\n\n");
        for (int i = 0; i < start.size(); i++) {
            TreeSet<String> kinds = new TreeSet<>(start.get(i).fdKinds().keySet());
            kinds.addAll(end.get(i).fdKinds().keySet());
            for (List<Map<String, Integer>> phase : byPhase.values()) {
                kinds.addAll(phase.get(i).keySet());
            }
            md.append("gw-").append(i + 1).append(":\n\n| when |");
            kinds.forEach(k -> md.append(' ').append(k).append(" |"));
            md.append(" all |\n|---|");
            kinds.forEach(k -> md.append("---|"));
            md.append("---|\n");
            row(md, "start", start.get(i).fdKinds(), kinds);
            for (Map.Entry<String, List<Map<String, Integer>>> e : byPhase.entrySet()) {
                row(md, "after " + e.getKey(), e.getValue().get(i), kinds);
            }
            row(md, "end", end.get(i).fdKinds(), kinds);
            md.append('\n');
        }
    }

    private static void row(StringBuilder md, String when, Map<String, Integer> counts, TreeSet<String> kinds) {
        md.append("| ").append(when).append(" |");
        int all = 0;
        for (String k : kinds) {
            int n = counts.getOrDefault(k, 0);
            all += n;
            md.append(' ').append(n).append(" |");
        }
        md.append(' ').append(all).append(" |\n");
    }
}
