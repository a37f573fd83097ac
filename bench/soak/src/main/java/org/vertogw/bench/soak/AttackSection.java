package org.vertogw.bench.soak;

import java.util.List;
import java.util.Map;

/** The report's section on the attacks: what each met, and the gateways' refusal counters over its phase. */
final class AttackSection {

    private AttackSection() {}

    /** Appends the section; returns how many hostile admin requests were accepted (2xx). */
    static long render(
            StringBuilder md,
            List<Attack> attacks,
            Map<String, Map<String, Long>> outcomes,
            Map<String, Map<String, Long>> refusals) {
        md.append("## Attacks\n\n");
        long adminAccepted = 0;
        for (Attack a : attacks) {
            md.append("### ")
                    .append(a.name())
                    .append("\n\n")
                    .append(a.description())
                    .append("\n\n");
            md.append("What the hostile clients met:\n\n");
            for (Map.Entry<String, Long> e :
                    outcomes.getOrDefault(a.name(), Map.of()).entrySet()) {
                md.append("- ")
                        .append(e.getKey().replace('\n', ' '))
                        .append(": ")
                        .append(e.getValue())
                        .append('\n');
                if (a.name().equals("admin") && e.getKey().matches(".* -> 2\\d\\d")) {
                    adminAccepted += e.getValue();
                }
            }
            md.append("\nThe gateways' counters over the phase:\n\n");
            refusals.getOrDefault(a.name(), Map.of())
                    .forEach((k, v) ->
                            md.append("- `").append(k).append("`: ").append(v).append('\n'));
            md.append('\n');
        }
        md.append("### baselines\n\nThe gateways' counters over the baseline phases (honest clients only):\n\n");
        for (String b : List.of("baseline", "baseline-2")) {
            refusals.getOrDefault(b, Map.of())
                    .forEach((k, v) -> md.append("- ")
                            .append(b)
                            .append(" `")
                            .append(k)
                            .append("`: ")
                            .append(v)
                            .append('\n'));
        }
        md.append('\n');
        return adminAccepted;
    }
}
