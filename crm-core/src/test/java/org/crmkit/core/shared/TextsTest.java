package org.crmkit.core.shared;

import org.crmkit.core.shared.internal.Texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void trimsAndTreatsBlankAsNone() {
        assertThat(Texts.optional("f", "  a b \n", 10, false)).isEqualTo("a b");
        assertThat(Texts.optional("f", " \t ", 10, false)).isNull();
        assertThat(Texts.optional("f", null, 10, true)).isNull();
        assertThatThrownBy(() -> Texts.required("f", " ", 10, true)).isInstanceOfSatisfying(
                InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("f"));
    }

    @Test
    void lineBreaksAndTabsOnlyInMultiLineText() {
        assertThat(Texts.required("f", "a\r\n\tb", 10, true)).isEqualTo("a\r\n\tb");
        assertThatThrownBy(() -> Texts.required("f", "a\nb", 10, false)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Texts.required("f", "a\u0000b", 10, true)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Texts.required("f", "a\u0085b", 10, true)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void countsCodePointsAndRefusesUnpairedSurrogates() {
        assertThat(Texts.required("f", "\uD83D\uDE00".repeat(3), 3, false)).hasSize(6);
        assertThatThrownBy(() -> Texts.required("f", "abcd", 3, false)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Texts.required("f", "a\uD83D", 3, false)).isInstanceOfSatisfying(
                InvalidValueException.class, e -> assertThat(e.reason()).contains("surrogate"));
        assertThatThrownBy(() -> Texts.required("f", "\uDE00a", 3, false)).isInstanceOf(InvalidValueException.class);
    }
}
