package org.crmkit.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonNameTest {
    private static final String FOX = "\uD83E\uDD8A"; // one code point, two UTF-16 chars

    @Test
    void trimsBothParts() {
        PersonName name = new PersonName("  Zoë 🦊\t", "\u2003Ångström ");
        assertThat(name.first()).isEqualTo("Zoë 🦊");
        assertThat(name.last()).isEqualTo("Ångström");
        assertThat(name.fullName()).isEqualTo("Zoë 🦊 Ångström");
    }

    @Test
    void countsCodePointsSoThatAHundredEmojiFit() {
        String hundredFoxes = FOX.repeat(100);
        assertThat(hundredFoxes).hasSize(200);
        assertThat(new PersonName(hundredFoxes, "Fox").first()).isEqualTo(hundredFoxes);
        assertThatThrownBy(() -> new PersonName(FOX.repeat(101), "Fox"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("firstName"));
    }

    @Test
    void allowsAHundredCharactersAfterTrimmingAndNoMore() {
        assertThat(new PersonName("Ada", "  " + "L".repeat(100) + "  ").last()).hasSize(100);
        assertThatThrownBy(() -> new PersonName("Ada", "L".repeat(101)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("lastName"));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @NullSource
    @ValueSource(strings = {"", " ", "\t\n", "\u2003"})
    void refusesABlankPartNamingIt(String blank) {
        assertThatThrownBy(() -> new PersonName(blank, "Lovelace"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("firstName"));
        assertThatThrownBy(() -> new PersonName("Ada", blank))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("lastName"));
    }

    @Test
    void refusesControlCharactersInsideAName() {
        assertThatThrownBy(() -> new PersonName("Ada\u0000", "Lovelace")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new PersonName("Ada", "Love\nlace")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void theSortKeyIsLastThenFirstIgnoringCase() {
        assertThat(new PersonName("Ada", "Lovelace").sortKey()).isEqualTo("lovelace ada");
        assertThat(new PersonName(" ADA ", " LOVELACE ").sortKey()).isEqualTo(new PersonName("ada", "lovelace").sortKey());
    }

    @Test
    void theSortKeyFoldsAccentsSoThatAccentedNamesSortAmongTheirBaseLetters() {
        // docs/adr/0004: the name key is PersonName.fold(last + " " + first), accents removed, lower-cased
        assertThat(new PersonName("Zoë", "Ångström").sortKey()).isEqualTo("angstrom zoe");
        assertThat(new PersonName("Émile", "Zola").sortKey()).isEqualTo("zola emile");
    }

    @Test
    void foldingNeverLengthensAName() {
        String hangul = "가".repeat(PersonName.MAX_LENGTH);
        assertThat(PersonName.fold(hangul)).isEqualTo(hangul);
        assertThat(PersonName.fold("İstanbul Ærø")).isEqualTo("istanbul ærø");
        assertThat(PersonName.fold("\u0301")).isEmpty();
    }
}
