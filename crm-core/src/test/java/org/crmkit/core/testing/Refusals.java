package org.crmkit.core.testing;

import org.crmkit.core.testing.CrmTestAccess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.crmkit.core.Crm;
import org.crmkit.core.shared.AccessDeniedException;
import org.crmkit.core.shared.AuditCriteria;
import org.crmkit.core.shared.AuditOutcome;
import org.crmkit.core.shared.CrmException;

/**
 * The "nothing was written" check of the bad-input tests: a refused call leaves the stored state a test names
 * unchanged, adds no SUCCESS audit entry, publishes no event, and adds either no audit entry at all (bad input) or
 * exactly one DENIED entry (a refusal of the policy).
 */
public final class Refusals {
    private final Crm crm;
    private final RecordingPublisher publisher;
    private final Supplier<?> storedState;

    /**
     * @param crm         the instance under test
     * @param publisher   the publisher it was built with
     * @param storedState reads the state the test's calls could change (run inside a transaction); compared with
     *                    {@code equals}
     */
    public Refusals(Crm crm, RecordingPublisher publisher, Supplier<?> storedState) {
        this.crm = crm;
        this.publisher = publisher;
        this.storedState = storedState;
    }

    /**
     * @param type the expected exception
     * @param call a call that must fail with it
     * @param <T>  the exception type
     * @return the exception, for more assertions
     */
    public <T extends CrmException> T withoutEffect(Class<T> type, ThrowingCallable call) {
        return type.cast(refused(type, call, 0));
    }

    /**
     * @param call a call the policy must refuse
     * @return the exception, for more assertions
     */
    public AccessDeniedException deniedAndAuditedOnce(ThrowingCallable call) {
        return (AccessDeniedException) refused(AccessDeniedException.class, call, 1);
    }

    private Throwable refused(Class<? extends CrmException> type, ThrowingCallable call, long auditEntriesAdded) {
        State before = state();
        publisher.clear();
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(type);
        State after = state();
        assertThat(after.stored()).as("stored state").isEqualTo(before.stored());
        assertThat(after.successes()).as("SUCCESS audit entries").isEqualTo(before.successes());
        assertThat(after.audited()).as("audit entries").isEqualTo(before.audited() + auditEntriesAdded);
        assertThat(publisher.events()).as("published events").isEmpty();
        return thrown;
    }

    private State state() {
        return CrmTestAccess.persistence(crm).unitOfWork().inTransaction(() -> new State(storedState.get(),
                CrmTestAccess.persistence(crm).auditLog().count(),
                CrmTestAccess.persistence(crm).auditLog().search(new AuditCriteria(null, null, null, null, null, null, null, null,
                        AuditOutcome.SUCCESS), Integer.MAX_VALUE).size()));
    }

    private record State(Object stored, long audited, long successes) {
    }
}
