package org.crmkit.core.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The text forms of addresses the access log accepts from a host, and look-alikes it refuses. */
class IpAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"192.0.2.10", "0.0.0.0", "255.255.255.255", "2001:db8::1", "::1", "::", "1::",
            "2001:0db8:0000:0000:0000:ff00:0042:8329", "fe80::1%eth0", "::ffff:192.0.2.1",
            "1:2:3:4:5:6:192.0.2.1", "FE80::ABCD"})
    void addressesAreAccepted(String address) {
        assertThat(IpAddress.Validator.isIpAddress(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cafe", "...", "999.999.999.999", "192.0.2", "192.0.2.1.5", "01.2.3.4", "1:::2",
            "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::", "::g", "fe80::1%", "not-an-ip", "",
            "1:2:3:4:5:6:7:192.0.2.1", ":1:2:3:4:5:6:7", "192.0.2.10 "})
    void lookAlikesAreRefused(String text) {
        assertThat(IpAddress.Validator.isIpAddress(text)).isFalse();
    }
}
