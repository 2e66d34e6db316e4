package org.crmkit.core.shared;

import org.crmkit.core.shared.internal.Cursor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorTest {
    private static final String SCOPE = "customer.search/NAME_ASC/1a2b3c";
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    @Test
    void decodesWhatWasEncoded() {
        List<String> values = List.of("lovelace ada", "0189f0c4-6b1e-7000-8000-000000000001");
        String cursor = Cursor.encode(SCOPE, values);
        assertThat(Cursor.decode(cursor, SCOPE, 2)).isEqualTo(values);
    }

    @Test
    void roundTripsAnyTextIncludingEmptyValuesEmojiAndTheInnerSeparator() {
        List<String> values = List.of("", "zoë 🦊 ångström", "a\u001fb", "=+/?&", "2026-03-01T09:15:30.123456Z");
        assertThat(Cursor.decode(Cursor.encode(SCOPE, values), SCOPE, values.size())).isEqualTo(values);
    }

    @Test
    void isOpaqueUrlSafeText() {
        String cursor = Cursor.encode(SCOPE, List.of("lovelace ada", "id"));
        assertThat(cursor).matches("[A-Za-z0-9_-]+").doesNotContain("lovelace");
    }

    @Test
    void detectsEverySingleCharacterChange() {
        String cursor = Cursor.encode(SCOPE, List.of("lovelace ada", "0189f0c4-6b1e-7000-8000-000000000001"));
        // the last character may carry unused padding bits, so a change there can decode to the same bytes
        for (int i = 0; i < cursor.length() - 1; i++) {
            char original = cursor.charAt(i);
            char replacement = ALPHABET.charAt((ALPHABET.indexOf(original) + 1) % ALPHABET.length());
            String tampered = cursor.substring(0, i) + replacement + cursor.substring(i + 1);
            int position = i;
            assertThatThrownBy(() -> Cursor.decode(tampered, SCOPE, 2)).as("change at %d", position)
                    .isInstanceOfSatisfying(InvalidValueException.class,
                            e -> assertThat(e.field()).isEqualTo("page.cursor"));
        }
    }

    @Test
    void refusesTheCursorOfAnotherScopeOrShape() {
        String cursor = Cursor.encode(SCOPE, List.of("lovelace ada", "id"));
        assertThatThrownBy(() -> Cursor.decode(cursor, "customer.search/NAME_DESC/1a2b3c", 2))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("page.cursor"));
        assertThatThrownBy(() -> Cursor.decode(cursor, SCOPE, 3)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Cursor.decode(cursor + cursor, SCOPE, 2)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Cursor.decode(cursor.substring(0, cursor.length() - 4), SCOPE, 2))
                .isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", "not a cursor!", "%%%", "YWJj", "===="})
    void refusesTextThatIsNoCursor(String text) {
        assertThatThrownBy(() -> Cursor.decode(text, SCOPE, 2))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("page.cursor");
                    assertThat(e.code()).isEqualTo("invalid_value");
                });
    }
}
