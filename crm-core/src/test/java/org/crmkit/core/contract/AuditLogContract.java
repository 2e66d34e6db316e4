package org.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.ActorType;
import org.crmkit.core.shared.AuditCriteria;
import org.crmkit.core.shared.AuditEntry;
import org.crmkit.core.shared.AuditOutcome;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.shared.UuidV7;
import org.junit.jupiter.api.Test;

/** What every {@link org.crmkit.core.shared.AuditLog} must do. */
public abstract class AuditLogContract extends PortContract {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-01T10:00:00.000001Z"), ZoneOffset.UTC);
    @Test
    void keepsEveryFieldOfAnEntryAndListsATargetsEntriesOldestFirst() {
        UUID target = UUID.randomUUID();
        AuditEntry first = AuditEntry.of(CLOCK, Actor.staff(StaffId.next(CLOCK), java.util.Set.of(Role.ADMIN)),
                "customer.register", "customer", target, AuditOutcome.SUCCESS);
        AuditEntry second = AuditEntry.of(Clock.offset(CLOCK, java.time.Duration.ofSeconds(1)),
                Actor.customer(new CustomerId(target)), "customer.update_contact", "customer", target,
                AuditOutcome.DENIED);
        AuditEntry other = AuditEntry.of(CLOCK, Actor.system("import"), "customer.register", "customer",
                UUID.randomUUID(), AuditOutcome.SUCCESS);
        persistence.unitOfWork().inTransaction(() -> {
            persistence.auditLog().append(second);
            persistence.auditLog().append(first);
            persistence.auditLog().append(other);
        });
        assertThat(persistence.unitOfWork().inTransaction(() -> persistence.auditLog().findByTarget("customer", target)))
                .containsExactly(first, second);
        assertThat(persistence.unitOfWork().inTransaction(() -> persistence.auditLog().count())).isEqualTo(3);
    }

    @Test
    void keepsAnEntryWithoutTargetAndOfAnAnonymousActor() {
        AuditEntry entry = AuditEntry.of(CLOCK, Actor.anonymous(), "customer.register", "customer", null,
                AuditOutcome.DENIED);
        persistence.unitOfWork().inTransaction(() -> persistence.auditLog().append(entry));
        assertThat(persistence.unitOfWork().inTransaction(() -> persistence.auditLog().count())).isEqualTo(1);
    }

    private static final Instant T0 = Instant.parse("2026-05-02T08:00:00.250001Z");
    private static final AuditCriteria EVERYTHING = new AuditCriteria(null, null, null, null, null, null, null, null);

    private static AuditEntry entry(UUID id, Instant at, Actor actor, String action, String targetType,
                                    UUID targetId) {
        return new AuditEntry(id, at, actor.type(), actor.reference(), action, targetType, targetId,
                AuditOutcome.SUCCESS);
    }

    private static AuditEntry entry(Instant at, Actor actor, String action, String targetType, UUID targetId) {
        return entry(UuidV7.next(CLOCK), at, actor, action, targetType, targetId);
    }

    private void append(List<AuditEntry> entries) {
        persistence.unitOfWork().inTransaction(() -> entries.forEach(persistence.auditLog()::append));
    }

    private List<UUID> search(AuditCriteria criteria, int limit) {
        return persistence.unitOfWork().inTransaction(() -> persistence.auditLog().search(criteria, limit)).stream()
                .map(AuditEntry::id).toList();
    }

    private List<UUID> search(AuditCriteria criteria) {
        return search(criteria, 100);
    }

    @Test
    void searchFiltersByActorActionTargetAndTime() {
        StaffId staffId = StaffId.next(CLOCK);
        Actor staff = Actor.staff(staffId, java.util.Set.of(Role.ADMIN));
        Actor otherStaff = Actor.staff(StaffId.next(CLOCK), java.util.Set.of(Role.SALES_REP));
        CustomerId customerId = CustomerId.next(CLOCK);
        Actor customer = Actor.customer(customerId);
        Actor system = Actor.system("nightly-import");
        UUID target = UUID.randomUUID();
        AuditEntry e1 = entry(T0, staff, "customer.register", "customer", target);
        AuditEntry e2 = entry(T0.plusSeconds(10), customer, "customer.update_contact", "customer", target);
        AuditEntry e3 = entry(T0.plusSeconds(20), staff, "staff.create", "staff", UUID.randomUUID());
        AuditEntry e4 = entry(T0.plusSeconds(30), system, "customer.register", "customer", UUID.randomUUID());
        AuditEntry e5 = entry(T0.plusSeconds(40), otherStaff, "customer.erase", "customer", target);
        AuditEntry e6 = entry(T0.plusSeconds(50), Actor.anonymous(), "customer.register", "customer", null);
        append(List.of(e4, e1, e6, e3, e5, e2));

        assertThat(search(EVERYTHING)).containsExactly(e6.id(), e5.id(), e4.id(), e3.id(), e2.id(), e1.id());
        assertThat(search(new AuditCriteria(ActorType.STAFF, null, null, null, null, null, null, null)))
                .containsExactly(e5.id(), e3.id(), e1.id());
        assertThat(search(new AuditCriteria(ActorType.STAFF, staffId.toString(), null, null, null, null, null,
                null))).containsExactly(e3.id(), e1.id());
        assertThat(search(new AuditCriteria(null, customerId.toString(), null, null, null, null, null, null)))
                .containsExactly(e2.id());
        assertThat(search(new AuditCriteria(ActorType.SYSTEM, "nightly-import", null, null, null, null, null, null)))
                .containsExactly(e4.id());
        assertThat(search(new AuditCriteria(ActorType.ANONYMOUS, null, null, null, null, null, null, null)))
                .containsExactly(e6.id());
        assertThat(search(new AuditCriteria(null, null, "customer.register", null, null, null, null, null)))
                .containsExactly(e6.id(), e4.id(), e1.id());
        assertThat(search(new AuditCriteria(null, null, null, "staff", null, null, null, null)))
                .containsExactly(e3.id());
        assertThat(search(new AuditCriteria(null, null, null, "customer", target, null, null, null)))
                .containsExactly(e5.id(), e2.id(), e1.id());
        assertThat(search(new AuditCriteria(null, null, null, null, target, null, null, null)))
                .containsExactly(e5.id(), e2.id(), e1.id());
        assertThat(search(new AuditCriteria(null, null, null, null, null, T0.plusSeconds(10), T0.plusSeconds(40),
                null))).containsExactly(e4.id(), e3.id(), e2.id());
        assertThat(search(new AuditCriteria(null, null, null, null, null, T0.plusSeconds(10).plusNanos(1000), null,
                null))).containsExactly(e6.id(), e5.id(), e4.id(), e3.id());
        assertThat(search(new AuditCriteria(null, null, null, null, null, null, T0.plusSeconds(10), null)))
                .containsExactly(e1.id());
        assertThat(search(new AuditCriteria(ActorType.STAFF, null, "customer.register", "customer", target,
                T0, T0.plusSeconds(1), null))).containsExactly(e1.id());
        assertThat(search(new AuditCriteria(ActorType.CUSTOMER, null, "customer.register", null, null, null, null,
                null))).isEmpty();
    }

    @Test
    void searchFiltersByOutcome() {
        Actor staff = Actor.staff(StaffId.next(CLOCK), java.util.Set.of(Role.SALES_REP));
        AuditEntry ok = entry(T0, staff, "customer.register", "customer", UUID.randomUUID());
        AuditEntry denied = new AuditEntry(UuidV7.next(CLOCK), T0.plusSeconds(1), staff.type(), staff.reference(),
                "customer.erase", "customer", UUID.randomUUID(), AuditOutcome.DENIED);
        append(List.of(ok, denied));

        assertThat(search(new AuditCriteria(null, null, null, null, null, null, null, null, AuditOutcome.DENIED)))
                .containsExactly(denied.id());
        assertThat(search(new AuditCriteria(ActorType.STAFF, staff.reference(), null, null, null, null, null, null,
                AuditOutcome.SUCCESS))).containsExactly(ok.id());
    }

    @Test
    void searchMatchesTheActorReferenceExactly() {
        AuditEntry lower = entry(T0, Actor.system("import"), "customer.register", "customer", null);
        AuditEntry upper = entry(T0.plusSeconds(1), Actor.system("IMPORT"), "customer.register", "customer", null);
        AuditEntry longer = entry(T0.plusSeconds(2), Actor.system("import-2"), "customer.register", "customer", null);
        append(List.of(lower, upper, longer));
        assertThat(search(new AuditCriteria(null, "import", null, null, null, null, null, null)))
                .containsExactly(lower.id());
        assertThat(search(new AuditCriteria(null, "IMPORT", null, null, null, null, null, null)))
                .containsExactly(upper.id());
    }

    @Test
    void searchListsNewestFirstWithTiesByIdBytesDescendingAndPagesStrictlyAfterAPosition() {
        Actor actor = Actor.system("test");
        Instant tie = T0.plusSeconds(5);
        AuditEntry oldest = entry(T0, actor, "a.one", "thing", null);
        AuditEntry tie1 = entry(tie, actor, "a.two", "thing", null);
        AuditEntry tie2 = entry(tie, actor, "a.three", "thing", null);
        AuditEntry tieHigh = entry(StaffFixtures.withHighBit(UuidV7.next(CLOCK)), tie, actor,
                "a.four", "thing", null);
        AuditEntry newer = entry(T0.plusSeconds(6), actor, "a.five", "thing", null);
        AuditEntry newest = entry(T0.plusSeconds(7), actor, "a.six", "thing", null);
        append(List.of(tie2, newest, tieHigh, oldest, newer, tie1));

        List<UUID> ordinaryTies = new ArrayList<>(List.of(tie1.id(), tie2.id()));
        ordinaryTies.sort(UuidV7::compareBytes);
        List<UUID> expected = List.of(newest.id(), newer.id(), tieHigh.id(), ordinaryTies.get(1),
                ordinaryTies.get(0), oldest.id());
        assertThat(search(EVERYTHING)).containsExactlyElementsOf(expected);
        assertThat(search(EVERYTHING, 2)).containsExactlyElementsOf(expected.subList(0, 2));

        List<UUID> paged = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        EntryPosition after = null;
        for (int page = 0; page < 10; page++) {
            AuditCriteria criteria = new AuditCriteria(null, null, null, "thing", null, null, null, after);
            List<AuditEntry> found = persistence.unitOfWork()
                    .inTransaction(() -> persistence.auditLog().search(criteria, 4));
            sizes.add(found.size());
            if (found.isEmpty()) {
                break;
            }
            found.forEach(e -> paged.add(e.id()));
            AuditEntry last = found.get(found.size() - 1);
            after = new EntryPosition(last.at(), last.id());
        }
        assertThat(sizes).containsExactly(4, 2, 0);
        assertThat(paged).containsExactlyElementsOf(expected);

        assertThat(search(new AuditCriteria(null, null, null, null, null, null, null,
                new EntryPosition(tie, tieHigh.id())))).containsExactlyElementsOf(expected.subList(3, 6));
        assertThat(search(new AuditCriteria(null, null, null, null, null, null, null,
                new EntryPosition(tie, ordinaryTies.get(0))))).containsExactly(oldest.id());
        assertThat(search(new AuditCriteria(null, null, "a.two", null, null, null, null,
                new EntryPosition(T0.plusSeconds(6), newer.id())))).containsExactly(tie1.id());
    }

    @Test
    void searchReturnsEveryFieldOfAnEntry() {
        UUID target = UUID.randomUUID();
        AuditEntry denied = new AuditEntry(UuidV7.next(CLOCK), T0, ActorType.CUSTOMER,
                CustomerId.next(CLOCK).toString(), "customer.erase", "customer", target, AuditOutcome.DENIED);
        AuditEntry anonymous = new AuditEntry(UuidV7.next(CLOCK), T0.minusSeconds(1), ActorType.ANONYMOUS, "",
                "customer.register", "customer", null, AuditOutcome.SUCCESS);
        append(List.of(denied, anonymous));
        assertThat(persistence.unitOfWork().inTransaction(() -> persistence.auditLog().search(EVERYTHING, 10)))
                .containsExactly(denied, anonymous);
    }

    @Test
    void appendAllKeepsEveryEntryAsAppendDoes() {
        UUID target = UUID.randomUUID();
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            entries.add(AuditEntry.of(Clock.offset(CLOCK, java.time.Duration.ofSeconds(i)), Actor.system("import"),
                    "purchase.record", "purchase", i == 2 ? UUID.randomUUID() : target, AuditOutcome.SUCCESS));
        }
        entries.add(AuditEntry.of(CLOCK, Actor.anonymous(), "customer.register", "customer", null,
                AuditOutcome.DENIED));
        persistence.unitOfWork().inTransaction(() -> persistence.auditLog().appendAll(entries));
        persistence.unitOfWork().inTransaction(() -> persistence.auditLog().appendAll(List.of()));

        assertThat(persistence.unitOfWork().inTransaction(() -> persistence.auditLog().findByTarget("purchase",
                target))).containsExactly(entries.get(0), entries.get(1));
        assertThat(persistence.unitOfWork().inTransaction(() -> persistence.auditLog().search(EVERYTHING, 10)))
                .containsExactlyInAnyOrderElementsOf(entries);
    }
}
