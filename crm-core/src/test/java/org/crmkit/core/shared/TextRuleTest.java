package org.crmkit.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.function.Supplier;
import org.crmkit.core.customer.CustomerSource;
import org.crmkit.core.customer.port.in.AddressData;
import org.crmkit.core.customer.port.in.CustomerSearchQuery;
import org.crmkit.core.customer.port.in.CustomerSort;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.loyalty.port.in.AdjustPointsCommand;
import org.crmkit.core.loyalty.port.in.RedeemPointsCommand;
import org.crmkit.core.testing.TicketWorld;
import org.crmkit.core.ticket.port.in.SubmitTicketCommand;
import org.crmkit.core.ticket.port.in.TicketView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One rule for every text a host sends (issue 17, finding 7): an unpaired surrogate half or a control character other
 * than a line break or a tab is refused naming its field, in any command, also in fields without a rule of their own
 * (address lines, a ticket's subject, a redemption's note, an adjustment's reason), and nothing is written; a text
 * that keeps the rule is stored as sent and reads back the same.
 */
class TextRuleTest {
    private TicketWorld world;

    @BeforeEach
    void setUp() {
        world = TicketWorld.inMemory();
    }

    @Test
    void anUnpairedSurrogateOrAControlCharacterIsRefusedNamingItsFieldAndNothingIsWritten() {
        long customers = customers();
        assertThat(refused(() -> world.crm.customers().register(TicketWorld.SYSTEM, RegisterCustomerCommand
                .builder().firstName("Jo").lastName("Doe").email("jo@example.org").source(CustomerSource.OTHER)
                .address(new AddressData("1 Main St\u0000", "Flat \uD800", null, "Leeds", null, "GB")).build())))
                .containsExactly("address.line1", "address.line2");
        assertThat(customers()).as("no customer registered").isEqualTo(customers);

        SubmitTicketCommand ticket = world.ticketFor(world.alice.id());
        assertThat(refused(() -> world.tickets.submit(world.aliceActor, new SubmitTicketCommand(ticket.customerId(),
                "Printer \uDC00", "It \u0007 beeps.", ticket.category(), ticket.priority(), ticket.channel(), null,
                null, null, ticket.departmentId()))))
                .containsExactlyInAnyOrder("subject", "description");

        List<?> ledger = entries();
        assertThat(refused(() -> world.crm.loyalty().adjust(world.manager, new AdjustPointsCommand(world.alice.id(),
                10, "Jo\uD800")))).containsExactly("reason");
        assertThat(refused(() -> world.crm.loyalty().redeem(world.manager, new RedeemPointsCommand(world.alice.id(),
                1, "KEY-1", "a mug\u001B")))).containsExactly("note");
        assertThat(entries()).as("no ledger entry more").isEqualTo(ledger);
    }

    @Test
    void aTextWithLineBreaksTabsAndCharactersOutsideTheBasicPlaneIsStoredAsSent() {
        SubmitTicketCommand ticket = world.ticketFor(world.alice.id());
        String description = "Line one\nline two\r\n\tindented \uD83D\uDDA8\uFE0F (a printer emoji)";

        TicketView submitted = world.tickets.submit(world.aliceActor, new SubmitTicketCommand(ticket.customerId(),
                "Printer \uD83D\uDDA8", description, ticket.category(), ticket.priority(), ticket.channel(), null,
                null, null, ticket.departmentId()));

        assertThat(world.tickets.findById(world.aliceActor, submitted.id()).orElseThrow())
                .satisfies(t -> assertThat(t.description()).isEqualTo(description))
                .satisfies(t -> assertThat(t.subject()).isEqualTo("Printer \uD83D\uDDA8"));
    }

    @Test
    void aSystemActorsNameIsHeldToTheRuleSinceTheAuditTrailStoresIt() {
        for (String name : List.of("job\u0000", "nightly\nimport", "job\uD800", "del\u007F")) {
            InvalidValueException refused = catchThrowableOfType(InvalidValueException.class, () -> Actor.system(name));
            assertThat(refused).as("refused as invalid_value").isNotNull();
            assertThat(refused.field()).isEqualTo("actor.name");
        }
        assertThat(Actor.system("nightly-import \u2615").reference()).isEqualTo("nightly-import \u2615");
    }

    private List<?> entries() {
        return world.crm.loyalty().statement(world.manager, new org.crmkit.core.loyalty.port.in
                .LoyaltyStatementQuery(world.alice.id(), PageRequest.first(10))).entries().items();
    }

    private long customers() {
        return world.crm.customers().search(TicketWorld.SYSTEM, CustomerSearchQuery.builder()
                .sort(CustomerSort.NAME_ASC).page(PageRequest.first(100)).build()).items().size();
    }

    private static List<String> refused(Supplier<?> call) {
        InvalidCommandException e = catchThrowableOfType(InvalidCommandException.class, call::get);
        assertThat(e).as("refused as invalid_command").isNotNull();
        return e.fields();
    }
}
