package org.crmkit.persistence.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.crmkit.core.architecture.ApiListing;
import org.junit.jupiter.api.Test;

/**
 * Holds the adapter's public API to its checked-in listing, {@code crm-persistence-mybatis/api/crm-persistence-mybatis.api}:
 * what a host reaches is {@link MyBatisCrmPersistence}, its builder and the migration entry point; the repositories,
 * mappers and SQL support live in {@code internal} packages. Rewrite with {@code -Dcrmkit.api.write=true} after a
 * deliberate change and commit the file with it.
 */
class AdapterApiListingTest {
    private static final ApiListing LISTING = ApiListing.of(Path.of("target", "classes"));

    @Test
    void thePublicApiIsTheCheckedInOne() {
        LISTING.assertMatchesCheckedIn(Path.of("api", "crm-persistence-mybatis.api"));
    }

    @Test
    void onlyTheRootPackageIsExported() {
        assertThat(LISTING.exportedPackages()).containsExactly("org.crmkit.persistence.mybatis");
    }
}
