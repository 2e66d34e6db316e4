package org.crmkit.core.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.crmkit.core.staff.port.in.AccessContext;
import org.junit.jupiter.api.Test;

/** What the access log keeps of what the host saw: the text as given, minus what could forge or break an entry. */
class AccessContextTest {

    @Test
    void anyAddressIsKeptAsGivenBetweenItsBlanks() {
        assertThat(new AccessContext("  203.0.113.7, 10.0.0.1 ", null).sourceAddress())
                .isEqualTo("203.0.113.7, 10.0.0.1");
        assertThat(new AccessContext("unknown", "Mozilla/5.0").sourceAddress()).isEqualTo("unknown");
    }

    @Test
    void controlFormatAndSeparatorCharactersAndUnpairedSurrogatesAreDropped() {
        String forged = "10.0.0.1\u202E1.0.0.01\u2028admin\t\uD800 logged in";

        assertThat(new AccessContext(forged, forged).sourceAddress()).isEqualTo("10.0.0.11.0.0.01admin logged in");
        assertThat(new AccessContext(forged, forged).userAgent()).isEqualTo("10.0.0.11.0.0.01admin logged in");
    }

    @Test
    void aLongAddressIsCutAt255CodePointsWithoutSplittingACharacterOrEndingInABlank() {
        String fox = "\uD83E\uDD8A";
        String cut = new AccessContext(fox.repeat(254) + " " + fox.repeat(10), null).sourceAddress();

        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(254);
        assertThat(cut).isEqualTo(fox.repeat(254));
    }

    @Test
    void nothingButBlanksIsUnknown() {
        assertThat(new AccessContext(" \u200B\t", "\u0007").sourceAddress()).isNull();
        assertThat(new AccessContext(" \u200B\t", "\u0007").userAgent()).isNull();
    }
}
