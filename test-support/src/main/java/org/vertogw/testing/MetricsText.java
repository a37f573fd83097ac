package org.vertogw.testing;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads samples out of a Prometheus text exposition, as the gateway's {@code /metrics} serves it. */
public final class MetricsText {

    /** The value of {@code series} (a name with its labels, as printed, e.g. {@code x_total{leg="island"}}). */
    public static OptionalDouble sample(String text, String series) {
        Matcher m =
                Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
        return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
    }

    private MetricsText() {}
}
