package org.crmkit.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.crmkit.core.testing.KeyedCreations;
import org.crmkit.core.testing.TicketWorld;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every creating use case that takes an idempotency key (issue 17, finding 3): a retry with the key returns what the
 * first call created and creates nothing more; the key sent with other content is refused and writes nothing; without
 * a key each call creates.
 */
class IdempotentCreationTest {
    private static final TicketWorld WORLD = TicketWorld.inMemory();
    private static final KeyedCreations CREATIONS = new KeyedCreations(WORLD);

    static Stream<KeyedCreations.Creation> creations() {
        return CREATIONS.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("creations")
    void aRetryWithTheKeyReturnsWhatTheFirstCallCreatedAndCreatesNothingMore(KeyedCreations.Creation creation) {
        int before = CREATIONS.count(creation);
        String key = "retry-" + creation.action();

        java.util.UUID first = creation.call(key);
        java.util.UUID retried = creation.call(key);

        assertThat(retried).isEqualTo(first);
        assertThat(CREATIONS.count(creation)).isEqualTo(before + 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("creations")
    void theKeySentAgainWithOtherContentIsRefusedAndWritesNothing(KeyedCreations.Creation creation) {
        String key = "reused-" + creation.action();
        creation.call(key);
        int before = CREATIONS.count(creation);

        ConflictException refused = catchThrowableOfType(ConflictException.class, () -> creation.callOther(key));

        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.code()).isEqualTo("duplicate");
        assertThat(refused.field()).isEqualTo("idempotencyKey");
        assertThat(CREATIONS.count(creation)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("creations")
    void withoutAKeyOrWithAnotherEachCallCreates(KeyedCreations.Creation creation) {
        int before = CREATIONS.count(creation);

        creation.call(null);
        creation.call(null);
        creation.call("one-" + creation.action());
        creation.call("two-" + creation.action());

        assertThat(CREATIONS.count(creation)).isEqualTo(before + 4);
    }
}
