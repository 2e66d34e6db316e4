package org.crmkit.core.loyalty;

import org.crmkit.core.internal.AreaPorts;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.crmkit.core.internal.inmemory.InMemoryCrmPersistence;
import org.crmkit.core.spi.CrmPersistence;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.loyalty.LedgerEntry;
import org.crmkit.core.loyalty.internal.domain.LoyaltyAccount;
import org.crmkit.core.loyalty.internal.domain.Points;
import org.crmkit.core.loyalty.LoyaltyAccountSnapshot;
import org.crmkit.core.loyalty.port.in.AdjustPointsCommand;
import org.crmkit.core.loyalty.port.in.ExpirePointsCommand;
import org.crmkit.core.loyalty.port.in.LedgerEntryView;
import org.crmkit.core.loyalty.port.in.LoyalCustomersQuery;
import org.crmkit.core.loyalty.port.in.Loyalty;
import org.crmkit.core.loyalty.port.in.LoyaltyRanking;
import org.crmkit.core.loyalty.port.in.LoyaltyStatementQuery;
import org.crmkit.core.loyalty.port.in.OpenLoyaltyAccountCommand;
import org.crmkit.core.loyalty.port.in.RedeemPointsCommand;
import org.crmkit.core.loyalty.port.in.ReevaluateTiersCommand;
import org.crmkit.core.loyalty.port.out.LoyaltyRepository;
import org.crmkit.core.product.port.in.CreateProductCommand;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.sales.SalesChannel;
import org.crmkit.core.sales.port.in.PurchaseHistoryQuery;
import org.crmkit.core.sales.port.in.RecordPurchaseCommand;
import org.crmkit.core.sales.port.in.TopCustomersQuery;
import org.crmkit.core.shared.AccessDeniedException;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AuditOutcome;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CrmException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.testing.MutableClock;
import org.crmkit.core.testing.RecordingPublisher;
import org.crmkit.core.testing.Refusals;
import org.crmkit.core.testing.TestStaff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input to the loyalty use cases (and to the sales ranking they share a shape with): each call is refused with
 * the documented exception naming the field or the rule, and leaves every involved customer's loyalty account, ledger
 * and lots, the audit trail and the event stream exactly as they were. A refusal by the access policy writes one
 * {@link AuditOutcome#DENIED} entry by design, and nothing else.
 */
class LoyaltyBadInputTest {
    private static final Actor SYSTEM = Actor.system("loyalty-bad-input-test");
    private static final Instant BOUGHT = Instant.parse("2026-03-01T15:30:00Z");
    /** Alice's balance once the fixture ran: 50 points earned by a purchase of 50.00 EUR, 10 redeemed. */
    private static final long BALANCE = 40;
    private static final String FIRST_KEY = "FIRST-1";
    private static final String FIRST_NOTE = "coffee";

    private MutableClock clock;
    private RecordingPublisher publisher;
    private Crm crm;
    private AreaPorts store;
    private Loyalty loyalty;
    private Actor manager;
    private CustomerView alice;
    private CustomerView bob;
    private CustomerView carol;
    private LedgerEntryView firstRedemption;
    /** The customers whose loyalty every check compares; a test adds the ones it names besides. */
    private final List<CustomerId> involved = new ArrayList<>();

    @BeforeEach
    void setUp() {
        clock = MutableClock.at("2026-03-02T09:00:00Z");
        publisher = new RecordingPublisher();
        crm = Crm.builder().persistence(store = new AreaPorts(InMemoryCrmPersistence.create())).clock(clock).eventPublisher(publisher).build();
        manager = TestStaff.enrol(crm, StaffId.next(clock), Role.CRM_MANAGER);
        loyalty = crm.loyalty();
        ProductView mug = crm.products().create(SYSTEM, new CreateProductCommand("MUG-1", "Mug", null, null,
                new BigDecimal("10.00"), "EUR"));
        alice = register("Alice", "alice@example.org");
        bob = register("Bob", "bob@example.org");
        carol = register("Carol", "carol@example.org");
        involved.addAll(List.of(alice.id(), bob.id(), carol.id()));
        buy(alice, "ORDER-1", mug, 5);
        buy(carol, "ORDER-2", mug, 3);
        firstRedemption = loyalty.redeem(manager, new RedeemPointsCommand(alice.id(), 10, FIRST_KEY, FIRST_NOTE));
        clock.advance(Duration.ofMinutes(1));
        publisher.clear();
    }

    @Test
    void theFixtureIsWhatTheTestsAssume() {
        assertThat(account(alice.id())).map(LoyaltyAccountSnapshot::balance).contains(BALANCE);
        assertThat(account(carol.id())).map(LoyaltyAccountSnapshot::balance).contains(30L);
        assertThat(account(bob.id())).as("Bob bought nothing and has no account").isEmpty();
    }

    // ---- redeem: points ------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(longs = {0, -1, -40, Long.MIN_VALUE})
    void aRedemptionOfZeroOrLessIsRefusedNamingPoints(long points) {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> loyalty.redeem(manager, redemption(alice.id(), points, "KEY-2", null)));
        assertThat(e.code()).isEqualTo("invalid_command");
        assertThat(e.fields()).containsExactly("points");
        assertThat(e.errors()).hasSize(1);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(longs = {1_000_000_000_001L, Long.MAX_VALUE})
    void aRedemptionOverATrillionIsRefusedNamingPoints(long points) {
        assertThat(refusedWithoutEffect(InvalidCommandException.class,
                () -> loyalty.redeem(manager, redemption(alice.id(), points, "KEY-2", null))).fields())
                .containsExactly("points");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(longs = {BALANCE + 1, 1_000, 1_000_000_000_000L})
    void aRedemptionOfMoreThanTheBalanceBreaksTheRuleAndNamesTheBalance(long points) {
        BusinessRuleViolationException e = refusedWithoutEffect(BusinessRuleViolationException.class,
                () -> loyalty.redeem(manager, redemption(alice.id(), points, "KEY-2", null)));
        assertThat(e.code()).isEqualTo("insufficient_points");
        assertThat(e.details()).containsEntry("balance", Long.toString(BALANCE))
                .containsEntry("requested", Long.toString(points));
    }

    @Test
    void theWholeBalanceCanBeRedeemed() {
        assertThat(loyalty.redeem(manager, redemption(alice.id(), BALANCE, "KEY-2", null)).balanceAfter()).isZero();
        BusinessRuleViolationException e = refusedWithoutEffect(BusinessRuleViolationException.class,
                () -> loyalty.redeem(manager, redemption(alice.id(), 1, "KEY-3", null)));
        assertThat(e.details()).containsEntry("balance", "0");
    }

    // ---- redeem: idempotency key and note ------------------------------------------------------------------------

    @Test
    void aMissingBlankTooLongOrNonAsciiIdempotencyKeyIsRefusedNamingIt() {
        for (String key : Arrays.asList(null, "", " ", "two words", "tab\tkey", "k".repeat(65), "cl\u00e9",
                "\u00a0KEY", "KEY\u0000")) {
            assertThat(refusedWithoutEffect(InvalidCommandException.class,
                    () -> loyalty.redeem(manager, redemption(alice.id(), 1, key, null))).fields())
                    .as("\"%s\"", key).containsExactly("idempotencyKey");
        }
        assertThat(loyalty.redeem(manager, redemption(alice.id(), 1, "k".repeat(64), null)).reference())
                .as("64 visible ASCII characters are a key").isEqualTo("k".repeat(64));
    }

    @Test
    void aNoteOver500CharactersIsRefusedNamingNote() {
        for (int length : new int[] {501, 10_000}) {
            assertThat(refusedWithoutEffect(InvalidCommandException.class,
                    () -> loyalty.redeem(manager, redemption(alice.id(), 1, "KEY-2", "n".repeat(length)))).fields())
                    .as("%d characters", length).containsExactly("note");
        }
        assertThat(loyalty.redeem(manager, redemption(alice.id(), 1, "KEY-2", "n".repeat(500))).description())
                .hasSize(500);
    }

    /**
     * Guards a fixed bug, where {@code RedeemPointsCommand} and {@code AdjustPointsCommand} bounded the raw texts
     * ({@code @Size(max = 500)}) but the service stores them stripped, so a note or reason of 500 characters that a
     * form padded with a line break was refused although what would be stored fits (as a purchase's reference was).
     */
    @Test
    void aNoteOrReasonAtTheLimitSurroundedBySpacesIsAccepted() {
        assertThat(loyalty.redeem(manager, redemption(alice.id(), 1, "KEY-2", "  " + "n".repeat(500) + "\n"))
                .description()).isEqualTo("n".repeat(500));
        assertThat(loyalty.adjust(manager, new AdjustPointsCommand(alice.id(), 1, "\t" + "r".repeat(500) + " "))
                .description()).isEqualTo("r".repeat(500));
    }

    @Test
    void theSameKeyForAnotherRedemptionIsADuplicateAndTheFirstRedemptionStands() {
        for (RedeemPointsCommand other : List.of(redemption(alice.id(), 11, FIRST_KEY, FIRST_NOTE),
                redemption(alice.id(), 9, FIRST_KEY, FIRST_NOTE), redemption(alice.id(), 10, FIRST_KEY, "tea"),
                redemption(alice.id(), 10, FIRST_KEY, null),
                redemption(alice.id(), BALANCE + 100, FIRST_KEY, FIRST_NOTE))) {
            ConflictException e = refusedWithoutEffect(ConflictException.class, () -> loyalty.redeem(manager, other));
            assertThat(e.code()).as("%s", other).isEqualTo("duplicate");
            assertThat(e.field()).isEqualTo("idempotencyKey");
        }
        Snapshot before = snapshot();
        assertThat(loyalty.redeem(manager, redemption(alice.id(), 10, FIRST_KEY, " " + FIRST_NOTE + " ")))
                .as("the same request again answers with the first entry").isEqualTo(firstRedemption);
        assertThat(snapshot()).as("and writes nothing").isEqualTo(before);
        assertThat(account(alice.id())).map(LoyaltyAccountSnapshot::balance).contains(BALANCE);
        assertThat(publisher.events()).isEmpty();
    }

    /**
     * An adjustment with a key, repeated (a host's retry after {@code outcome_unknown}), answers with the first
     * entry and adjusts nothing more; the key for another change or reason is a duplicate; a bad key is named.
     */
    @Test
    void anAdjustmentRepeatedWithItsKeyAdjustsOnceAndTheKeyForAnotherAdjustmentIsADuplicate() {
        LedgerEntryView first = loyalty.adjust(manager, new AdjustPointsCommand(alice.id(), 25, "goodwill", "adj-1"));
        Snapshot before = snapshot();
        publisher.clear();

        assertThat(loyalty.adjust(manager, new AdjustPointsCommand(alice.id(), 25, " goodwill ", "adj-1")))
                .as("the same request again answers with the first entry").isEqualTo(first);
        assertThat(snapshot()).as("and writes nothing").isEqualTo(before);
        for (AdjustPointsCommand other : List.of(new AdjustPointsCommand(alice.id(), 26, "goodwill", "adj-1"),
                new AdjustPointsCommand(alice.id(), -25, "goodwill", "adj-1"),
                new AdjustPointsCommand(alice.id(), 25, "apology", "adj-1"))) {
            ConflictException e = refusedWithoutEffect(ConflictException.class, () -> loyalty.adjust(manager, other));
            assertThat(e.field()).as("%s", other).isEqualTo("idempotencyKey");
        }
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> loyalty.adjust(manager,
                new AdjustPointsCommand(alice.id(), 5, "goodwill", "no spaces allowed"))).fields())
                .containsExactly("idempotencyKey");
        assertThat(account(alice.id())).map(LoyaltyAccountSnapshot::balance).contains(BALANCE + 25);
        assertThat(publisher.events()).isEmpty();
    }

    @Test
    void aKeyIsPerAccount() {
        assertThat(loyalty.redeem(manager, redemption(carol.id(), 10, FIRST_KEY, FIRST_NOTE)).balanceAfter())
                .as("Alice's key is free on Carol's account").isEqualTo(20);
    }

    // ---- redeem: whose account -----------------------------------------------------------------------------------

    @Test
    void aRedemptionFromACustomerWithoutAnAccountIsNotFoundAndOpensNone() {
        NotFoundException e = refusedWithoutEffect(NotFoundException.class,
                () -> loyalty.redeem(manager, redemption(bob.id(), 1, "KEY-2", null)));
        assertThat(e.code()).isEqualTo("not_found");
        assertThat(e.type()).isEqualTo("loyalty_account");
        assertThat(e.id()).isEqualTo(bob.id().toString());
    }

    @Test
    void anUnknownCustomerIsNotFoundOnEveryUseCaseThatNamesOne() {
        CustomerId unknown = CustomerId.next(clock);
        involved.add(unknown);
        Map<String, ThrowingCallable> calls = Map.of(
                "openAccount", () -> loyalty.openAccount(manager, new OpenLoyaltyAccountCommand(unknown)),
                "statement", () -> loyalty.statement(manager, new LoyaltyStatementQuery(unknown,
                        PageRequest.first(10))),
                "redeem", () -> loyalty.redeem(manager, redemption(unknown, 1, "KEY-2", null)),
                "adjust", () -> loyalty.adjust(manager, new AdjustPointsCommand(unknown, 5, "welcome")));
        calls.forEach((name, call) -> {
            NotFoundException e = refusedWithoutEffect(NotFoundException.class, call);
            assertThat(e.type()).as(name).isEqualTo("customer");
            assertThat(e.id()).as(name).isEqualTo(unknown.toString());
        });
    }

    @Test
    void anErasedCustomerHasNoPointsMovedNorAnAccountOpened() {
        crm.customers().erase(SYSTEM, carol.id());
        crm.customers().erase(SYSTEM, bob.id());
        Map<String, ThrowingCallable> calls = Map.of(
                "redeem", () -> loyalty.redeem(manager, redemption(carol.id(), 1, "KEY-2", null)),
                "adjust", () -> loyalty.adjust(manager, new AdjustPointsCommand(carol.id(), 5, "welcome")),
                "adjust without account", () -> loyalty.adjust(manager, new AdjustPointsCommand(bob.id(), 5,
                        "welcome")),
                "openAccount", () -> loyalty.openAccount(manager, new OpenLoyaltyAccountCommand(bob.id())));
        calls.forEach((name, call) -> assertThat(refusedWithoutEffect(BusinessRuleViolationException.class, call)
                .code()).as(name).isEqualTo("customer_erased"));
    }

    // ---- adjust --------------------------------------------------------------------------------------------------

    @Test
    void anAdjustmentOfZeroIsRefusedNamingPoints() {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> loyalty.adjust(manager, new AdjustPointsCommand(alice.id(), 0, "nothing")));
        assertThat(e.fields()).containsExactly("points");
        assertThat(e.errors()).hasSize(1);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(longs = {1_000_000_000_001L, -1_000_000_000_001L, Long.MAX_VALUE, Long.MIN_VALUE})
    void anAdjustmentBeyondATrillionEitherWayIsRefusedNamingPoints(long points) {
        assertThat(refusedWithoutEffect(InvalidCommandException.class,
                () -> loyalty.adjust(manager, new AdjustPointsCommand(alice.id(), points, "too much"))).fields())
                .containsExactly("points");
    }

    @Test
    void aTrillionIsAccepted() {
        assertThat(loyalty.adjust(manager, new AdjustPointsCommand(bob.id(), 1_000_000_000_000L, "jackpot"))
                .balanceAfter()).isEqualTo(1_000_000_000_000L);
    }

    @Test
    void aMissingBlankOrTooLongReasonIsRefusedNamingReason() {
        for (String reason : Arrays.asList(null, "", "  ", "\t\n", "r".repeat(501))) {
            assertThat(refusedWithoutEffect(InvalidCommandException.class,
                    () -> loyalty.adjust(manager, new AdjustPointsCommand(alice.id(), 5, reason))).fields())
                    .as("\"%s\"", reason).containsExactly("reason");
        }
        assertThat(refusedWithoutEffect(InvalidCommandException.class,
                () -> loyalty.adjust(manager, new AdjustPointsCommand(alice.id(), 0, " "))).fields())
                .as("both wrong").containsExactlyInAnyOrder("points", "reason");
    }

    @Test
    void removingMoreThanTheBalanceBreaksTheRuleAndOpensNoAccount() {
        BusinessRuleViolationException e = refusedWithoutEffect(BusinessRuleViolationException.class,
                () -> loyalty.adjust(manager, new AdjustPointsCommand(alice.id(), -(BALANCE + 1), "correction")));
        assertThat(e.code()).isEqualTo("insufficient_points");
        assertThat(e.details()).containsEntry("balance", Long.toString(BALANCE))
                .containsEntry("requested", Long.toString(BALANCE + 1));
        BusinessRuleViolationException none = refusedWithoutEffect(BusinessRuleViolationException.class,
                () -> loyalty.adjust(manager, new AdjustPointsCommand(bob.id(), -1, "correction")));
        assertThat(none.code()).isEqualTo("insufficient_points");
        assertThat(none.details()).containsEntry("balance", "0");
        assertThat(account(bob.id())).as("the account the refused adjustment opened was rolled back").isEmpty();
    }

    // ---- the account's limit -------------------------------------------------------------------------------------

    @Test
    void anAdjustmentPastTheAccountLimitBreaksTheRuleAndOneUpToItIsAccepted() {
        CustomerView dave = seeded("Dave", LoyaltyAccount.MAX_ACCOUNT_POINTS - 10, 0);
        BusinessRuleViolationException e = refusedWithoutEffect(BusinessRuleViolationException.class,
                () -> loyalty.adjust(manager, new AdjustPointsCommand(dave.id(), 11, "goodwill")));
        assertThat(e.code()).isEqualTo("points_limit");
        assertThat(e.details()).containsEntry("figure", "balance")
                .containsEntry("current", Long.toString(LoyaltyAccount.MAX_ACCOUNT_POINTS - 10))
                .containsEntry("added", "11");
        assertThat(loyalty.adjust(manager, new AdjustPointsCommand(dave.id(), 10, "goodwill")).balanceAfter())
                .isEqualTo(LoyaltyAccount.MAX_ACCOUNT_POINTS);
    }

    @Test
    void aRedemptionPastTheLifetimeRedeemedLimitBreaksTheRuleAndOneUpToItIsAccepted() {
        CustomerView erin = seeded("Erin", 100, LoyaltyAccount.MAX_ACCOUNT_POINTS - 5);
        BusinessRuleViolationException e = refusedWithoutEffect(BusinessRuleViolationException.class,
                () -> loyalty.redeem(manager, redemption(erin.id(), 6, "KEY-2", null)));
        assertThat(e.code()).isEqualTo("points_limit");
        assertThat(e.details()).containsEntry("figure", "lifetimeRedeemed");
        assertThat(loyalty.redeem(manager, redemption(erin.id(), 5, "KEY-2", null)).balanceAfter()).isEqualTo(95);
        assertThat(account(erin.id())).map(LoyaltyAccountSnapshot::lifetimeRedeemed)
                .contains(LoyaltyAccount.MAX_ACCOUNT_POINTS);
    }

    /**
     * Guards a fixed bug: nothing bounded the balance, so this purchase was stored, and enough of them would have
     * wrapped the balance around past what a {@code long} holds (an {@code IllegalStateException}, not a refusal).
     */
    @Test
    void aPurchaseWhoseEarningWouldPassTheLimitIsRefusedAndNeitherThePurchaseNorItsPointsAreStored() {
        CustomerView dave = seeded("Dave", LoyaltyAccount.MAX_ACCOUNT_POINTS - 49, 0);
        ProductView mug = crm.products().findBySku(SYSTEM, "MUG-1").orElseThrow();
        BusinessRuleViolationException e = refusedWithoutEffect(BusinessRuleViolationException.class,
                () -> buy(dave, "ORDER-9", mug, 5));
        assertThat(e.code()).as("50 points earned, 49 left below the limit").isEqualTo("points_limit");
        assertThat(crm.sales().history(SYSTEM, new PurchaseHistoryQuery(dave.id(), PageRequest.first(10)))
                .items()).as("the purchase was rolled back with its earning").isEmpty();
    }

    /**
     * Registers a customer and stores an account whose figures the aggregate reached directly, as no use case
     * could in a test's time: {@code balance} points added by hand, after {@code redeemed} more were added and
     * spent.
     */
    private CustomerView seeded(String name, long balance, long redeemed) {
        CustomerView customer = register(name, name.toLowerCase(java.util.Locale.ROOT) + "@example.org");
        involved.add(customer.id());
        org.crmkit.core.loyalty.internal.store.LoyaltyStore repository =
                new org.crmkit.core.loyalty.internal.store.LoyaltyStore(store.loyalty());
        Instant now = clock.instant();
        store.unitOfWork().inTransaction(() -> repository.addIfAbsent(LoyaltyAccount.open(customer.id(),
                new Tier("BRONZE", 0, BigDecimal.ONE), now)));
        store.unitOfWork().inTransaction(() -> {
            LoyaltyAccount account = repository.lock(customer.id()).orElseThrow();
            Instant expires = now.plus(Duration.ofDays(365));
            if (redeemed > 0) {
                account.addPoints(UUID.randomUUID(), UUID.randomUUID(), Points.of(redeemed), "seed", null, expires, now);
                account.redeem(UUID.randomUUID(), Points.of(redeemed), "SEED", null, now);
            }
            account.addPoints(UUID.randomUUID(), UUID.randomUUID(), Points.of(balance), "seed", null, expires, now);
            repository.update(account);
            return null;
        });
        publisher.clear();
        return customer;
    }

    // ---- batches -------------------------------------------------------------------------------------------------

    @Test
    void aBatchAsOfTheFutureIsRefusedNamingAsOf() {
        for (Instant future : List.of(clock.instant().plusNanos(1), clock.instant().plusSeconds(1),
                Instant.parse("9999-01-01T00:00:00Z"))) {
            assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> loyalty.expirePoints(manager,
                    new ExpirePointsCommand(future))).fields()).as("expire %s", future).containsExactly("asOf");
            assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> loyalty.reevaluateTiers(manager,
                    new ReevaluateTiersCommand(future))).fields()).as("tiers %s", future).containsExactly("asOf");
        }
        assertThat(loyalty.expirePoints(manager, new ExpirePointsCommand(clock.instant())).points())
                .as("now is not the future").isZero();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"0999-12-31T23:59:59Z", "-0001-01-01T00:00:00Z", "+10000-01-01T00:00:00Z"})
    void aBatchOutsideTheStorableYearsIsRefusedNamingAsOf(String at) {
        Instant asOf = Instant.parse(at);
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> loyalty.expirePoints(manager,
                new ExpirePointsCommand(asOf))).fields()).containsExactly("asOf");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> loyalty.reevaluateTiers(manager,
                new ReevaluateTiersCommand(asOf))).fields()).containsExactly("asOf");
    }

    /**
     * Guards a fixed bug, where the batches read {@code command.asOf()} before validating the command, so a missing
     * command escaped as a {@link NullPointerException} instead of the {@code invalid_command} naming it.
     */
    @Test
    void aMissingBatchCommandOrAsOfIsRefusedNamingIt() {
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> loyalty.expirePoints(manager,
                new ExpirePointsCommand(null))).fields()).containsExactly("asOf");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> loyalty.reevaluateTiers(manager,
                new ReevaluateTiersCommand(null))).fields()).containsExactly("asOf");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> loyalty.expirePoints(manager, null))
                .fields()).containsExactly("command");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> loyalty.reevaluateTiers(manager,
                null)).fields()).containsExactly("command");
    }

    // ---- rankings ------------------------------------------------------------------------------------------------

    @Test
    void anEmptyOrReversedPeriodIsRefusedNamingTo() {
        Instant from = BOUGHT.minusSeconds(3600);
        for (Instant to : List.of(from, from.minusNanos(1), from.minusSeconds(86_400))) {
            assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> loyalty.loyalCustomers(manager,
                    new LoyalCustomersQuery(from, to, LoyaltyRanking.POINTS_EARNED, null, 10))).fields())
                    .as("loyalCustomers to %s", to).containsExactly("to");
            assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> crm.sales().topCustomers(manager,
                    new TopCustomersQuery(from, to, false, null, 10))).fields())
                    .as("topCustomers to %s", to).containsExactly("to");
        }
    }

    @Test
    void rankingByAmountWithoutACurrencyIsRefusedNamingCurrency() {
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> loyalty.loyalCustomers(manager,
                rankingBy(LoyaltyRanking.PURCHASE_AMOUNT, null, 10))).fields()).containsExactly("currency");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> crm.sales().topCustomers(manager,
                topBy(true, null, 10))).fields()).containsExactly("currency");
        assertThat(loyalty.loyalCustomers(manager, rankingBy(LoyaltyRanking.PURCHASE_COUNT, null, 10)))
                .as("counting needs no currency").hasSize(2);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"XYZ", "EU", "EURO", "\u20ac\u20ac\u20ac", "", "   "})
    void anUnknownCurrencyIsRefusedNamingCurrency(String currency) {
        for (LoyaltyRanking by : LoyaltyRanking.values()) {
            assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> loyalty.loyalCustomers(manager,
                    rankingBy(by, currency, 10))).fields()).as("%s", by).containsExactly("currency");
        }
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> crm.sales().topCustomers(manager,
                topBy(true, currency, 10))).fields()).containsExactly("currency");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> crm.sales().topCustomers(manager,
                topBy(false, currency, 10))).fields()).containsExactly("currency");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(ints = {0, -1, 101, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void aLimitOutsideOneTo100IsRefusedNamingLimit(int limit) {
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> loyalty.loyalCustomers(manager,
                rankingBy(LoyaltyRanking.POINTS_EARNED, null, limit))).fields()).containsExactly("limit");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> crm.sales().topCustomers(manager,
                topBy(false, null, limit))).fields()).containsExactly("limit");
    }

    @Test
    void aLimitOf1And100IsAccepted() {
        assertThat(loyalty.loyalCustomers(manager, rankingBy(LoyaltyRanking.POINTS_EARNED, null, 1)))
                .singleElement().satisfies(c -> assertThat(c.customerId()).isEqualTo(alice.id()));
        assertThat(crm.sales().topCustomers(manager, topBy(true, "eur", 100))).hasSize(2);
    }

    @Test
    void aMissingPeriodOrMeasureIsRefusedNamingThem() {
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> loyalty.loyalCustomers(manager,
                new LoyalCustomersQuery(null, null, null, "EUR", 10))).fields())
                .containsExactlyInAnyOrder("from", "to", "by");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> crm.sales().topCustomers(manager,
                new TopCustomersQuery(null, null, false, null, 10))).fields()).containsExactlyInAnyOrder("from", "to");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> loyalty.loyalCustomers(manager,
                null)).fields()).containsExactly("command");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> crm.sales().topCustomers(manager,
                null)).fields()).containsExactly("command");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"0999-12-31T23:59:59Z", "-0001-01-01T00:00:00Z"})
    void aPeriodStartingOutsideTheStorableYearsIsRefusedNamingFrom(String at) {
        Instant from = Instant.parse(at);
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> loyalty.loyalCustomers(manager,
                new LoyalCustomersQuery(from, BOUGHT, LoyaltyRanking.POINTS_EARNED, null, 10))).fields())
                .containsExactly("from");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> crm.sales().topCustomers(manager,
                new TopCustomersQuery(from, BOUGHT, false, null, 10))).fields()).containsExactly("from");
    }

    // ---- statement -----------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(ints = {0, -1, PageRequest.MAX_SIZE + 1})
    void aPageSizeOutsideOneTo200IsRefusedNamingPageSize(int size) {
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> loyalty.statement(manager,
                new LoyaltyStatementQuery(alice.id(), PageRequest.first(size)))).fields())
                .containsExactly("page.size");
    }

    @Test
    void aCursorOfAnotherCustomersStatementIsRefusedNamingTheCursor() {
        String alicesCursor = loyalty.statement(manager, new LoyaltyStatementQuery(alice.id(), PageRequest.first(1)))
                .entries().nextCursor().orElseThrow();
        assertThat(loyalty.statement(manager, new LoyaltyStatementQuery(alice.id(), new PageRequest(1,
                alicesCursor))).entries().items()).as("the cursor works on its own statement").hasSize(1);
        for (String bad : List.of(alicesCursor + "x", "not a cursor!")) {
            InvalidValueException e = refusedWithoutEffect(InvalidValueException.class, () -> loyalty.statement(
                    manager, new LoyaltyStatementQuery(alice.id(), new PageRequest(1, bad))));
            assertThat(e.field()).as("\"%s\"", bad).isEqualTo("page.cursor");
        }
        InvalidValueException e = refusedWithoutEffect(InvalidValueException.class, () -> loyalty.statement(manager,
                new LoyaltyStatementQuery(carol.id(), new PageRequest(1, alicesCursor))));
        assertThat(e.field()).isEqualTo("page.cursor");
    }

    // ---- the actor and missing arguments -------------------------------------------------------------------------

    @Test
    void aNullActorIsRefusedNamingTheActorOnEveryUseCase() {
        Map<String, ThrowingCallable> calls = Map.of(
                "openAccount", () -> loyalty.openAccount(null, new OpenLoyaltyAccountCommand(bob.id())),
                "statement", () -> loyalty.statement(null, new LoyaltyStatementQuery(alice.id(),
                        PageRequest.first(10))),
                "redeem", () -> loyalty.redeem(null, redemption(alice.id(), 1, "KEY-2", null)),
                "adjust", () -> loyalty.adjust(null, new AdjustPointsCommand(alice.id(), 5, "welcome")),
                "expirePoints", () -> loyalty.expirePoints(null, new ExpirePointsCommand(clock.instant())),
                "reevaluateTiers", () -> loyalty.reevaluateTiers(null, new ReevaluateTiersCommand(clock.instant())),
                "loyalCustomers", () -> loyalty.loyalCustomers(null, rankingBy(LoyaltyRanking.POINTS_EARNED, null,
                        10)),
                "topCustomers", () -> crm.sales().topCustomers(null, topBy(false, null, 10)));
        calls.forEach((name, call) -> assertThat(refusedWithoutEffect(InvalidCommandException.class, call).fields())
                .as(name).containsExactly("actor"));
    }

    @Test
    void aMissingCommandOrCustomerIsRefusedNamingIt() {
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> loyalty.openAccount(manager, null))
                .fields()).containsExactly("command");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> loyalty.statement(manager, null))
                .fields()).containsExactly("command");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> loyalty.redeem(manager, null))
                .fields()).containsExactly("command");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> loyalty.adjust(manager, null))
                .fields()).containsExactly("command");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> loyalty.openAccount(manager,
                new OpenLoyaltyAccountCommand(null))).fields()).containsExactly("customerId");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> loyalty.statement(manager,
                new LoyaltyStatementQuery(null, PageRequest.first(10)))).fields()).containsExactly("customerId");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> loyalty.statement(manager,
                new LoyaltyStatementQuery(alice.id(), null))).fields()).containsExactly("page");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> loyalty.redeem(manager,
                redemption(null, 1, "KEY-2", null))).fields()).containsExactly("customerId");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> loyalty.adjust(manager,
                new AdjustPointsCommand(null, 5, "welcome"))).fields()).containsExactly("customerId");
    }

    // ---- access --------------------------------------------------------------------------------------------------

    @Test
    void aSalesRepRedeemingForACustomerTheyDoNotManageIsDeniedAndOnlyTheRefusalIsAudited() {
        Actor rep = TestStaff.enrol(crm, StaffId.next(clock), Role.SALES_REP);
        AccessDeniedException e = deniedAndAuditedOnce(() -> loyalty.redeem(rep, redemption(alice.id(), 1, "KEY-2",
                null)));
        assertThat(e.permission()).isEqualTo(LoyaltyPermission.LOYALTY_REDEEM);
        assertThat(e.action()).isEqualTo("loyalty.redeem");
        assertThat(e.targetId()).isEqualTo(alice.id().value());
    }

    @Test
    void aCustomerRedeemingFromAnotherCustomersAccountIsDenied() {
        Actor bobHimself = Actor.customer(bob.id());
        assertThat(deniedAndAuditedOnce(() -> loyalty.redeem(bobHimself, redemption(alice.id(), 1, "KEY-2", null)))
                .permission()).isEqualTo(LoyaltyPermission.LOYALTY_REDEEM);
        assertThat(deniedAndAuditedOnce(() -> loyalty.statement(bobHimself, new LoyaltyStatementQuery(alice.id(),
                PageRequest.first(10)))).permission()).isEqualTo(LoyaltyPermission.LOYALTY_VIEW);
    }

    @Test
    void aSalesManagerAdjustingOrRunningABatchIsDenied() {
        Actor salesManager = TestStaff.enrol(crm, StaffId.next(clock), Role.SALES_MANAGER);
        assertThat(deniedAndAuditedOnce(() -> loyalty.adjust(salesManager, new AdjustPointsCommand(alice.id(), 5,
                "welcome"))).permission()).isEqualTo(LoyaltyPermission.LOYALTY_ADJUST);
        assertThat(deniedAndAuditedOnce(() -> loyalty.expirePoints(salesManager,
                new ExpirePointsCommand(clock.instant()))).permission()).isEqualTo(LoyaltyPermission.LOYALTY_BATCH);
        assertThat(deniedAndAuditedOnce(() -> loyalty.loyalCustomers(salesManager,
                rankingBy(LoyaltyRanking.POINTS_EARNED, null, 10))).permission())
                .isEqualTo(LoyaltyPermission.LOYALTY_REPORT);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /**
     * Per customer involved: the account row, the whole ledger, and the sums of the ledger and the lots.
     *
     * @param accounts the rows, or empty where there is no account
     * @param ledgers  the entries, newest first
     * @param sums     the sums the invariants are about
     */
    private record Snapshot(List<Optional<LoyaltyAccountSnapshot>> accounts, List<List<LedgerEntry>> ledgers,
                            List<LoyaltyRepository.LedgerSums> sums) {
    }

    private Snapshot snapshot() {
        org.crmkit.core.loyalty.internal.store.LoyaltyStore repository =
                new org.crmkit.core.loyalty.internal.store.LoyaltyStore(store.loyalty());
        return store.unitOfWork().inTransaction(() -> new Snapshot(
                involved.stream().map(repository::find).toList(),
                involved.stream().map(c -> repository.entries(c, null, Integer.MAX_VALUE)).toList(),
                involved.stream().map(repository::sums).toList()));
    }

    private Optional<LoyaltyAccountSnapshot> account(CustomerId customer) {
        return store.unitOfWork().inTransaction(() -> store.loyalty().find(customer));
    }

    /** Runs a call that must fail with {@code type} and checks that it changed, audited and published nothing. */
    private <T extends CrmException> T refusedWithoutEffect(Class<T> type, ThrowingCallable call) {
        assertThat(snapshot().ledgers().get(0)).as("the fixture's ledger of Alice").isNotEmpty();
        return refusals().withoutEffect(type, call);
    }

    /** Runs a call the policy must refuse: exactly one DENIED audit entry more, and no other change. */
    private AccessDeniedException deniedAndAuditedOnce(ThrowingCallable call) {
        return refusals().deniedAndAuditedOnce(call);
    }

    private Refusals refusals() {
        return new Refusals(crm, publisher, this::snapshot);
    }

    private CustomerView register(String name, String email) {
        return crm.customers().register(SYSTEM, RegisterCustomerCommand.selfSignUp(name, "Customer", email, null,
                false));
    }

    private void buy(CustomerView customer, String reference, ProductView product, int quantity) {
        crm.sales().recordPurchase(SYSTEM, new RecordPurchaseCommand(customer.id(), BOUGHT, SalesChannel.STORE,
                "webshop", reference, "EUR", List.of(new RecordPurchaseCommand.Line(1, product.id(), quantity,
                product.listPrice().amount()))));
    }

    private static RedeemPointsCommand redemption(CustomerId customer, long points, String key, String note) {
        return new RedeemPointsCommand(customer, points, key, note);
    }

    /** @return a ranking of the day of the fixture's purchases */
    private static LoyalCustomersQuery rankingBy(LoyaltyRanking by, String currency, int limit) {
        return new LoyalCustomersQuery(BOUGHT.minusSeconds(3600), BOUGHT.plusSeconds(3600), by, currency, limit);
    }

    /** @return a purchase ranking of the day of the fixture's purchases */
    private static TopCustomersQuery topBy(boolean byAmount, String currency, int limit) {
        return new TopCustomersQuery(BOUGHT.minusSeconds(3600), BOUGHT.plusSeconds(3600), byAmount, currency, limit);
    }
}
