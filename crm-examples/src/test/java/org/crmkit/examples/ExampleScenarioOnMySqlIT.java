package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.domain.CustomerStatus;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.shared.Page;
import org.crmkit.persistence.mybatis.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** The example host's scenario on MySQL, twice on one database (as a host re-running the example would). */
class ExampleScenarioOnMySqlIT {

    @Test
    void theScenarioRunsOnMySqlAndCanBeRepeated() {
        for (String run : new String[] {"run1", "run2"}) {
            Crm crm = Crm.builder().persistence(TestDatabase.get().persistence()).build();
            ByteArrayOutputStream transcript = new ByteArrayOutputStream();
            CustomerScenario.Result result = new CustomerScenario(crm, Clock.systemUTC(),
                    new PrintStream(transcript, true, StandardCharsets.UTF_8)).run(run);

            assertThat(result.registered()).hasSize(3);
            assertThat(result.duplicate().code()).isEqualTo("duplicate");
            assertThat(result.pages()).flatExtracting(Page::items).extracting(CustomerView::lastName)
                    .containsExactly("Hopper", "Kierkegaard", "Lovelace", "Turing");
            assertThat(result.exportJson()).contains("ada.lovelace+" + run + "@example.com");
            assertThat(result.erased().status()).isEqualTo(CustomerStatus.ERASED);
            assertThat(result.erased().email()).isNull();
            assertThat(transcript.toString(StandardCharsets.UTF_8)).contains("rejected: code=duplicate");
        }
    }
}
