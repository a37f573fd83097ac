package org.vertogw.partition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyFoldingTest {

    @Test
    void foldsOnlyAsciiLettersAndTrimsCodeUnitsUpToU0020() {
        assertThat(KeyFolding.fold("  ACME.Example\t\r\n", "d")).isEqualTo("acme.example");
        assertThat(KeyFolding.fold("ZOË", "u")).isEqualTo("zoË");
        assertThat(KeyFolding.fold("\u001Fa\u0000", "d")).isEqualTo("a");
        // Unicode spaces are not trimmed, in either language: the rule is the same code for both.
        assertThat(KeyFolding.fold("\u00A0a\uFEFF", "d")).isEqualTo("\u00A0a\uFEFF");
        // No locale rules: Turkish dotted I stays, the Kelvin sign stays.
        assertThat(KeyFolding.fold("\u0130\u212A", "d")).isEqualTo("\u0130\u212A");
    }
}
