package org.vertogw.partition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyFoldingTest {

    @Test
    void foldsOnlyAsciiLettersAndTrimsWhatJavaScriptTrimTrims() {
        assertThat(KeyFolding.fold("  ACME.Example\t", "d")).isEqualTo("acme.example");
        assertThat(KeyFolding.fold("ZOË", "u")).isEqualTo("zoË");
        assertThat(KeyFolding.fold("\u00A0\uFEFFa\u3000", "d")).isEqualTo("a");
        // U+001F is not white space for ECMAScript, although Java's strip() removes it.
        assertThat(KeyFolding.fold("\u001Fa", "d")).isEqualTo("\u001Fa");
        // No locale rules: Turkish dotted I stays, the Kelvin sign stays.
        assertThat(KeyFolding.fold("\u0130\u212A", "d")).isEqualTo("\u0130\u212A");
    }
}
