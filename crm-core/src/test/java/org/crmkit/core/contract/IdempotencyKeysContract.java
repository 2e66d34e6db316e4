package org.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.crmkit.core.shared.IdempotencyKeys;
import org.crmkit.core.shared.IdempotentRequest;
import org.junit.jupiter.api.Test;

/** What every {@link IdempotencyKeys} must do. */
public abstract class IdempotencyKeysContract extends PortContract {
    private static final Instant AT = Instant.parse("2026-05-01T10:00:00.000001Z");
    private static final String PRINT = "a".repeat(64);

    private IdempotencyKeys keys() {
        return persistence.idempotencyKeys();
    }

    private static IdempotentRequest request(String operation, String caller, String key) {
        return new IdempotentRequest(operation, caller, key, PRINT, null, AT);
    }

    private Optional<IdempotentRequest> claim(IdempotentRequest request) {
        return persistence.unitOfWork().inTransaction(() -> keys().claim(request));
    }

    @Test
    void aNewKeyIsClaimedAndAfterItsCommitAnotherClaimFindsItWithItsResult() {
        IdempotentRequest first = request("customer.register", "STAFF:" + UUID.randomUUID(), "k-1");
        UUID created = UUID.randomUUID();
        persistence.unitOfWork().inTransaction(() -> {
            assertThat(keys().claim(first)).isEmpty();
            keys().complete(first, created);
        });

        IdempotentRequest retry = new IdempotentRequest(first.operation(), first.caller(), first.key(),
                "b".repeat(64), null, AT.plusSeconds(5));
        assertThat(claim(retry)).contains(first.completedWith(created));
    }

    @Test
    void theSameKeyOfAnotherCallerOrUseCaseOrInOtherCaseIsAnotherKey() {
        String caller = "CUSTOMER:" + UUID.randomUUID();
        persistence.unitOfWork().inTransaction(() -> {
            IdempotentRequest first = request("ticket.submit", caller, "Key-1");
            assertThat(keys().claim(first)).isEmpty();
            keys().complete(first, UUID.randomUUID());
        });

        assertThat(claim(request("ticket.submit", "CUSTOMER:" + UUID.randomUUID(), "Key-1"))).isEmpty();
        assertThat(claim(request("ticket.comment", caller, "Key-1"))).isEmpty();
        assertThat(claim(request("ticket.submit", caller, "key-1"))).isEmpty();
        // a process name of any script, compared exactly
        assertThat(claim(request("ticket.submit", "SYSTEM:Intégration 東京 \uD83D\uDE00", "Key-1"))).isEmpty();
        assertThat(claim(request("ticket.submit", "SYSTEM:Integration 東京 \uD83D\uDE00", "Key-1"))).isEmpty();
        assertThat(claim(request("ticket.submit", "SYSTEM:Intégration 東京 \uD83D\uDE00", "Key-1"))).isPresent();
    }

    @Test
    void aClaimRolledBackLeavesTheKeyFree() {
        IdempotentRequest request = request("lead.create", "STAFF:" + UUID.randomUUID(), "retry-me");
        assertThatThrownBy(() -> persistence.unitOfWork().inTransaction(() -> {
            assertThat(keys().claim(request)).isEmpty();
            keys().complete(request, UUID.randomUUID());
            throw new IllegalStateException("the change failed");
        })).hasMessage("the change failed");

        UUID created = UUID.randomUUID();
        persistence.unitOfWork().inTransaction(() -> {
            assertThat(keys().claim(request)).isEmpty();
            keys().complete(request, created);
        });
        assertThat(claim(request)).map(IdempotentRequest::resultId).contains(created);
    }

    @Test
    void keepsTheLongestCallerAndKey() {
        String caller = "SYSTEM:" + "p".repeat(64);
        String key = "~".repeat(64);
        IdempotentRequest request = request("interaction.log", caller, key);
        UUID created = UUID.randomUUID();
        persistence.unitOfWork().inTransaction(() -> {
            assertThat(keys().claim(request)).isEmpty();
            keys().complete(request, created);
        });
        assertThat(claim(request)).contains(request.completedWith(created));
    }
}
