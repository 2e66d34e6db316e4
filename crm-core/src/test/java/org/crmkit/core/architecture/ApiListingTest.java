package org.crmkit.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Holds crm-core's public API to its checked-in listing, {@code crm-core/api/crm-core.api}: a change to what a host
 * can reach fails here until the listing is rewritten ({@code -Dcrmkit.api.write=true}) and committed with it.
 */
class ApiListingTest {

    @Test
    void thePublicApiIsTheCheckedInOne() {
        ApiListing.of(Path.of("target", "classes")).assertMatchesCheckedIn(Path.of("api", "crm-core.api"));
    }

    @Test
    void noExportedSignatureNamesAnInternalType() {
        assertThat(ApiListing.of(Path.of("target", "classes")).render().lines()
                .filter(line -> line.contains(".internal."))).as("API lines naming an internal type").isEmpty();
    }
}
