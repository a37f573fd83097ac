package org.vertogw.partition;

/**
 * Step 1 of partitioning.md: trim surrounding white space, then map ASCII {@code A-Z} to {@code a-z}; nothing else
 * changes (no locale rules, no Unicode case folding), so Java and JavaScript fold every string identically.
 *
 * <p>"White space" is exactly what ECMAScript's {@code String.prototype.trim} removes (WhiteSpace and
 * LineTerminator, ECMA-262 §12.2 and §12.3), because the SDK folds with {@code trim()}; Java's {@code trim()} and
 * {@code strip()} each disagree with it on some code points (U+00A0, U+FEFF, U+001C..U+001F).
 */
public final class KeyFolding {

    /** Folds a user or a domain. Empty after trimming is invalid input, not a partition. */
    public static String fold(String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        int start = 0;
        int end = value.length();
        while (start < end && isEcmaWhiteSpace(value.charAt(start))) {
            start++;
        }
        while (end > start && isEcmaWhiteSpace(value.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            throw new IllegalArgumentException(field + " is empty");
        }
        char[] out = new char[end - start];
        for (int i = start; i < end; i++) {
            char c = value.charAt(i);
            out[i - start] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return new String(out);
    }

    static boolean isEcmaWhiteSpace(char c) {
        switch (c) {
            case '\t', '\n', '\u000B', '\f', '\r', ' ', '\u00A0', '\u1680', '\u2028', '\u2029', '\u202F', '\u205F',
                    '\u3000', '\uFEFF':
                return true;
            default:
                return c >= '\u2000' && c <= '\u200A';
        }
    }

    private KeyFolding() {}
}
