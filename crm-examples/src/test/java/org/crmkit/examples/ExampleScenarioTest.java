package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.domain.CustomerSource;
import org.crmkit.core.customer.domain.CustomerStatus;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The example host's scenario on the in-memory default, asserted the way a host would check what it got back. */
class ExampleScenarioTest {
    private static final String RUN = "test1";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-14T09:26:53.589793Z"), ZoneOffset.UTC);

    private final ByteArrayOutputStream transcript = new ByteArrayOutputStream();
    private Crm crm;
    private CustomerScenario.Result result;

    @BeforeEach
    void runScenario() {
        crm = Crm.builder().clock(CLOCK).build();
        PrintStream out = new PrintStream(transcript, true, StandardCharsets.UTF_8);
        result = new CustomerScenario(crm, CLOCK, out).run(RUN);
    }

    @Test
    void staffRegisterThreeActiveCustomers() {
        assertThat(result.registered()).hasSize(3)
                .allSatisfy(c -> {
                    assertThat(c.status()).isEqualTo(CustomerStatus.ACTIVE);
                    assertThat(c.version()).isZero();
                    assertThat(c.registeredAt()).isEqualTo(CLOCK.instant());
                });
        assertThat(result.registered()).extracting(CustomerView::email).containsExactly(
                "ada.lovelace+test1@example.com", "alan.turing+test1@example.com",
                "soren.kierkegaard+test1@example.com");
        assertThat(result.registered().get(0).phone()).startsWith("+4144").hasSize(12);
        assertThat(result.registered().get(2).firstName()).isEqualTo("Søren");
        assertThat(result.registered().get(2).address().countryCode()).isEqualTo("DK");
    }

    @Test
    void aVisitorRegistersThemselfFromTheWeb() {
        assertThat(result.selfRegistered().source()).isEqualTo(CustomerSource.WEB);
        assertThat(result.selfRegistered().marketingConsent()).isTrue();
        assertThat(result.selfRegistered().marketingConsentAt()).isEqualTo(CLOCK.instant());
    }

    @Test
    void theSameEmailInAnotherCaseIsRejectedAsDuplicate() {
        assertThat(result.duplicate().code()).isEqualTo("duplicate");
        assertThat(result.duplicate().field()).isEqualTo("email");
        String firstId = result.registered().get(0).id().toString();
        assertThat(result.duplicate().existingId()).contains(firstId);
        assertThat(result.duplicate().getMessage()).isEqualTo("email is already used by customer " + firstId)
                .doesNotContain("@");
    }

    @Test
    void theSearchPagesByNameTwoAtATime() {
        List<Page<CustomerView>> pages = result.pages();
        assertThat(pages).extracting(p -> p.items().size()).containsExactly(2, 2);
        assertThat(pages).extracting(Page::hasNext).containsExactly(true, false);
        assertThat(pages).flatExtracting(Page::items).extracting(CustomerView::lastName)
                .containsExactly("Hopper", "Kierkegaard", "Lovelace", "Turing");
    }

    @Test
    void theExportHoldsTheProfileAndTheAuditTrail() {
        CustomerView ada = result.registered().get(0);
        assertThat(result.export().customerId()).isEqualTo(ada.id());
        assertThat(result.export().profile()).isEqualTo(ada);
        assertThat(result.export().activity()).extracting(a -> a.action()).containsExactly("customer.register");
        assertThat(result.exportJson())
                .contains("\"email\" : \"ada.lovelace+test1@example.com\"")
                .contains("\"customerId\" : \"" + ada.id() + "\"")
                .contains("\"registeredAt\" : \"2025-03-14T09:26:53.589793Z\"")
                .contains("\"dateOfBirth\" : \"1815-12-10\"");
    }

    @Test
    void theErasedRecordKeepsItsIdButNoPersonalData() {
        CustomerView erased = result.erased();
        assertThat(erased.id()).isEqualTo(result.registered().get(0).id());
        assertThat(erased.status()).isEqualTo(CustomerStatus.ERASED);
        assertThat(erased.firstName()).isNull();
        assertThat(erased.lastName()).isNull();
        assertThat(erased.email()).isNull();
        assertThat(erased.phone()).isNull();
        assertThat(erased.address()).isNull();
        assertThat(erased.dateOfBirth()).isNull();
        assertThat(erased.version()).isEqualTo(1);

        Actor otherStaff = Actor.staff(StaffId.next(CLOCK), Set.of(Role.SALES_REP));
        assertThat(crm.customers().findById(otherStaff, erased.id())).contains(erased);
    }

    @Test
    void theTranscriptNamesEveryStep() {
        String text = transcript.toString(StandardCharsets.UTF_8);
        assertThat(text)
                .contains("rejected: code=duplicate field=email")
                .contains("page 1: Hopper, Grace; Kierkegaard, Søren")
                .contains("page 2: Lovelace, Ada; Turing, Alan  (last page)")
                .contains("status=ERASED version=1 firstName=null lastName=null email=null");
    }
}
