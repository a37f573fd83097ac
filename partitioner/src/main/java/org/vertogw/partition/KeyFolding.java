package org.vertogw.partition;

/**
 * Step 1 of docs/partitioning.md: trim surrounding white space, then map ASCII {@code A-Z} to {@code a-z}; nothing else
 * changes (no locale rules, no Unicode case folding), so Java and JavaScript fold every string identically.
 *
 * <p>"White space" is every code unit up to U+0020 (space and the C0 controls), as Java's {@code String.trim()}
 * defines it. The SDK applies the same rule with a plain loop; the built-in trims of the two languages disagree
 * (ECMAScript also trims U+00A0, U+FEFF and the Unicode spaces, Java's {@code strip()} some of those but not all).
 */
public final class KeyFolding {

    /** Folds a user or a domain. Empty after trimming is invalid input, not a partition. */
    public static String fold(String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        String trimmed = value.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException(field + " is empty");
        }
        char[] out = trimmed.toCharArray();
        for (int i = 0; i < out.length; i++) {
            char c = out[i];
            if (c >= 'A' && c <= 'Z') {
                out[i] = (char) (c + ('a' - 'A'));
            }
        }
        return new String(out);
    }

    private KeyFolding() {}
}
