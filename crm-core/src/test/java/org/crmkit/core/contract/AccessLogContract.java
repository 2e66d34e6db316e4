package org.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.core.shared.UuidV7;
import org.crmkit.core.staff.AccessEvent;
import org.crmkit.core.staff.AccessLogEntry;
import org.crmkit.core.staff.AccessOutcome;
import org.crmkit.core.staff.internal.domain.Account;
import org.crmkit.core.staff.port.out.AccessLog;
import org.crmkit.core.staff.port.out.AccessLog.LoginCounts;
import org.crmkit.core.staff.port.out.AccessLogCriteria;
import org.crmkit.core.staff.port.in.AccessContext;
import org.junit.jupiter.api.Test;

/** What every {@link AccessLog} must do. Subclasses hand over an empty store before each test. */
public abstract class AccessLogContract extends PortContract {
    private static final Instant T0 = StaffFixtures.T0;
    private static final AccessLogCriteria EVERYTHING = new AccessLogCriteria(null, null, null, null);

    private AccessLog log() {
        return persistence.accessLog();
    }

    private <T> T tx(Supplier<T> work) {
        return persistence.unitOfWork().inTransaction(work);
    }

    private void append(AccessLogEntry... entries) {
        persistence.unitOfWork().inTransaction(() -> {
            for (AccessLogEntry entry : entries) {
                log().append(entry);
            }
        });
    }

    private List<UUID> ids(AccessLogCriteria criteria) {
        return tx(() -> log().search(criteria, 100)).stream().map(AccessLogEntry::id).toList();
    }

    private static AccessLogEntry login(Instant at, Account account) {
        return StaffFixtures.accessEntry(at, AccessEvent.LOGIN, AccessOutcome.SUCCESS, account);
    }

    @Test
    void keepsEveryFieldIncludingTheOptionalOnes() {
        Account account = StaffFixtures.storedAccount(persistence);
        // an address as long as AccessContext keeps (255 code points), with a character outside the BMP
        String forwarded = "\uD83E\uDD8A 203.0.113.7, 2001:db8::42, unknown, ünïcode-proxy ✓ ";
        forwarded += "x".repeat(AccessContext.MAX_SOURCE_ADDRESS - forwarded.codePointCount(0, forwarded.length()));
        AccessLogEntry full = new AccessLogEntry(UuidV7.next(StaffFixtures.IDS), T0, AccessEvent.PASSWORD_RESET,
                AccessOutcome.INVALID_TOKEN, account.id(), account.holder(), forwarded,
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Version/17.5 Safari/605.1.15 ✓");
        AccessLogEntry bare = new AccessLogEntry(UuidV7.next(StaffFixtures.IDS), T0.plusSeconds(1),
                AccessEvent.LOGIN, AccessOutcome.UNKNOWN_ACCOUNT, null, null, null, null);
        append(full, bare);
        assertThat(tx(() -> log().search(EVERYTHING, 10))).containsExactly(bare, full);
    }

    @Test
    void searchListsNewestFirstAndTiesByIdBytesDescending() {
        Account account = StaffFixtures.storedAccount(persistence);
        Instant tie = T0.plusSeconds(10).plusNanos(5000);
        AccessLogEntry oldest = login(T0, account);
        AccessLogEntry tieLow = login(tie, account);
        AccessLogEntry tieMid = StaffFixtures.accessEntry(tie, AccessEvent.LOGOUT, AccessOutcome.SUCCESS, account);
        AccessLogEntry tieHigh = StaffFixtures.accessEntry(StaffFixtures.withHighBit(UuidV7.next(StaffFixtures.IDS)),
                tie, AccessEvent.LOGIN, AccessOutcome.BAD_CREDENTIALS, account);
        AccessLogEntry newest = login(T0.plusSeconds(20), account);
        append(tieMid, newest, oldest, tieHigh, tieLow);

        List<UUID> ordinaryTies = new ArrayList<>(List.of(tieLow.id(), tieMid.id()));
        ordinaryTies.sort(UuidV7::compareBytes);
        assertThat(ids(EVERYTHING)).containsExactly(newest.id(), tieHigh.id(), ordinaryTies.get(1),
                ordinaryTies.get(0), oldest.id());
    }

    @Test
    void searchFiltersByAccountAndTimeFromInclusiveToBeforeExclusive() {
        Account ada = StaffFixtures.storedAccount(persistence);
        Account bob = StaffFixtures.storedAccount(persistence);
        AccessLogEntry a0 = login(T0, ada);
        AccessLogEntry a1 = login(T0.plusSeconds(60), ada);
        AccessLogEntry b1 = login(T0.plusSeconds(90), bob);
        AccessLogEntry a2 = StaffFixtures.accessEntry(T0.plusSeconds(120), AccessEvent.LOGOUT, AccessOutcome.SUCCESS,
                ada);
        AccessLogEntry unknown = StaffFixtures.accessEntry(T0.plusSeconds(150), AccessEvent.LOGIN,
                AccessOutcome.UNKNOWN_ACCOUNT, null);
        append(a0, a1, b1, a2, unknown);

        assertThat(ids(new AccessLogCriteria(ada.id(), null, null, null)))
                .containsExactly(a2.id(), a1.id(), a0.id());
        assertThat(ids(new AccessLogCriteria(bob.id(), null, null, null))).containsExactly(b1.id());
        assertThat(ids(new AccessLogCriteria(null, T0.plusSeconds(60), T0.plusSeconds(120), null)))
                .containsExactly(b1.id(), a1.id());
        assertThat(ids(new AccessLogCriteria(null, T0.plusSeconds(60).plusNanos(1000), null, null)))
                .containsExactly(unknown.id(), a2.id(), b1.id());
        assertThat(ids(new AccessLogCriteria(ada.id(), null, T0.plusSeconds(60), null))).containsExactly(a0.id());
        assertThat(ids(new AccessLogCriteria(bob.id(), T0, T0.plusSeconds(90), null))).isEmpty();
    }

    @Test
    void searchPagesStrictlyAfterAPositionAndHonoursTheLimit() {
        Account account = StaffFixtures.storedAccount(persistence);
        Instant tie = T0.plusSeconds(30);
        List<AccessLogEntry> entries = new ArrayList<>();
        entries.add(login(T0, account));
        entries.add(login(T0.plusSeconds(10), account));
        entries.add(login(tie, account));
        entries.add(login(tie, account));
        entries.add(StaffFixtures.accessEntry(StaffFixtures.withHighBit(UuidV7.next(StaffFixtures.IDS)), tie,
                AccessEvent.LOGIN, AccessOutcome.SUCCESS, account));
        entries.add(login(T0.plusSeconds(40), account));
        entries.add(login(T0.plusSeconds(50), account));
        append(entries.toArray(AccessLogEntry[]::new));
        List<UUID> all = ids(EVERYTHING);
        assertThat(all).hasSize(7);

        List<UUID> paged = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        EntryPosition after = null;
        for (int page = 0; page < 10; page++) {
            AccessLogCriteria criteria = new AccessLogCriteria(account.id(), null, null, after);
            List<AccessLogEntry> found = tx(() -> log().search(criteria, 3));
            sizes.add(found.size());
            if (found.isEmpty()) {
                break;
            }
            found.forEach(e -> paged.add(e.id()));
            AccessLogEntry last = found.get(found.size() - 1);
            after = new EntryPosition(last.at(), last.id());
        }
        assertThat(sizes).containsExactly(3, 3, 1, 0);
        assertThat(paged).containsExactlyElementsOf(all);

        // resuming inside the tie: only the tied entries with smaller ids, then the older ones
        AccessLogEntry highTie = entries.get(4);
        assertThat(all.get(2)).isEqualTo(highTie.id());
        assertThat(ids(new AccessLogCriteria(null, null, null, new EntryPosition(tie, highTie.id()))))
                .containsExactlyElementsOf(all.subList(3, 7));
        assertThat(ids(new AccessLogCriteria(null, null, null, new EntryPosition(tie.plusSeconds(5),
                highTie.id())))).containsExactlyElementsOf(all.subList(2, 7));
    }

    @Test
    void countsSuccessfulLoginsFromInclusiveToBeforeExclusiveAndDistinctAccounts() {
        Account ada = StaffFixtures.storedAccount(persistence);
        Account bob = StaffFixtures.storedAccount(persistence);
        Account cy = StaffFixtures.storedAccount(persistence);
        Instant from = T0;
        Instant before = T0.plusSeconds(86_400);
        append(login(from, ada),
                login(from.plusSeconds(3600), ada),
                login(before.minusNanos(1000), bob),
                login(from.minusNanos(1000), cy),
                login(before, cy),
                StaffFixtures.accessEntry(from.plusSeconds(1), AccessEvent.LOGIN, AccessOutcome.BAD_CREDENTIALS, cy),
                StaffFixtures.accessEntry(from.plusSeconds(2), AccessEvent.LOGIN, AccessOutcome.LOCKED, cy),
                StaffFixtures.accessEntry(from.plusSeconds(3), AccessEvent.LOGOUT, AccessOutcome.SUCCESS, cy),
                StaffFixtures.accessEntry(from.plusSeconds(4), AccessEvent.PASSWORD_RESET, AccessOutcome.SUCCESS, cy),
                StaffFixtures.accessEntry(from.plusSeconds(5), AccessEvent.LOGIN, AccessOutcome.UNKNOWN_ACCOUNT,
                        null));

        assertThat(tx(() -> log().countLogins(from, before))).isEqualTo(new LoginCounts(3, 2));
        assertThat(tx(() -> log().countLogins(from.minusSeconds(1), before.plusSeconds(1))))
                .isEqualTo(new LoginCounts(5, 3));
        assertThat(tx(() -> log().countLogins(before.plusSeconds(1), before.plusSeconds(2))))
                .isEqualTo(new LoginCounts(0, 0));
    }

    @Test
    void anEmptyLogFindsAndCountsNothing() {
        assertThat(tx(() -> log().search(EVERYTHING, 10))).isEmpty();
        assertThat(tx(() -> log().countLogins(T0, T0.plusSeconds(1)))).isEqualTo(new LoginCounts(0, 0));
    }

    @Test
    void erasingAnAccountsContextBlanksItsAddressesAndUserAgentsAndKeepsTheEntries() {
        Account erased = StaffFixtures.storedAccount(persistence);
        Account other = StaffFixtures.storedAccount(persistence);
        AccessLogEntry login = login(T0, erased);
        AccessLogEntry failed = StaffFixtures.accessEntry(T0.plusSeconds(1), AccessEvent.LOGIN,
                AccessOutcome.BAD_CREDENTIALS, erased);
        AccessLogEntry bare = new AccessLogEntry(UuidV7.next(StaffFixtures.IDS), T0.plusSeconds(2),
                AccessEvent.LOGOUT, AccessOutcome.SUCCESS, erased.id(), erased.holder(), null, null);
        AccessLogEntry agentOnly = new AccessLogEntry(UuidV7.next(StaffFixtures.IDS), T0.plusSeconds(3),
                AccessEvent.PASSWORD_CHANGE, AccessOutcome.SUCCESS, erased.id(), erased.holder(), null, "curl/8");
        AccessLogEntry others = login(T0.plusSeconds(4), other);
        append(login, failed, bare, agentOnly, others);

        assertThat(tx(() -> log().eraseContext(erased.id()))).as("entries that held an address or an agent")
                .isEqualTo(3);

        assertThat(tx(() -> log().search(EVERYTHING, 10))).containsExactly(others, blank(agentOnly), bare,
                blank(failed), blank(login));
        assertThat(tx(() -> log().eraseContext(erased.id()))).as("a second erasure finds nothing").isZero();
        assertThat(tx(() -> log().countLogins(T0, T0.plusSeconds(10)))).isEqualTo(new LoginCounts(2, 2));
    }

    @Test
    void theRetentionBlanksTheOldestEntriesBeforeAnInstantInBatchesAndKeepsThem() {
        Account account = StaffFixtures.storedAccount(persistence);
        List<AccessLogEntry> old = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            old.add(login(T0.plusSeconds(i), account));
        }
        AccessLogEntry unknown = new AccessLogEntry(UuidV7.next(StaffFixtures.IDS), T0.plusSeconds(5),
                AccessEvent.LOGIN, AccessOutcome.UNKNOWN_ACCOUNT, null, null, "198.51.100.1", null);
        AccessLogEntry atTheCutOff = login(T0.plusSeconds(10), account);
        AccessLogEntry recent = login(T0.plusSeconds(11), account);
        append(old.toArray(AccessLogEntry[]::new));
        append(unknown, atTheCutOff, recent);
        Instant cutOff = T0.plusSeconds(10);

        assertThat(tx(() -> log().eraseContextBefore(cutOff, 4))).as("a full batch").isEqualTo(4);
        assertThat(tx(() -> log().search(EVERYTHING, 10))).as("the oldest four first")
                .containsExactly(recent, atTheCutOff, unknown, old.get(4), blank(old.get(3)), blank(old.get(2)),
                        blank(old.get(1)), blank(old.get(0)));
        assertThat(tx(() -> log().eraseContextBefore(cutOff, 4))).as("what is left before the cut-off").isEqualTo(2);
        assertThat(tx(() -> log().eraseContextBefore(cutOff, 4))).isZero();

        assertThat(tx(() -> log().search(EVERYTHING, 10))).containsExactly(recent, atTheCutOff, blank(unknown),
                blank(old.get(4)), blank(old.get(3)), blank(old.get(2)), blank(old.get(1)), blank(old.get(0)));
        assertThat(tx(() -> log().countLogins(T0, T0.plusSeconds(20)))).isEqualTo(new LoginCounts(7, 1));
    }

    private static AccessLogEntry blank(AccessLogEntry e) {
        return new AccessLogEntry(e.id(), e.at(), e.event(), e.outcome(), e.account(), e.holder(), null, null);
    }
}
