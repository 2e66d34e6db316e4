package org.crmkit.persistence.mybatis.internal.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CrmException;
import org.crmkit.core.shared.PersistenceFailureException;
import org.junit.jupiter.api.Test;

/** How driver and MyBatis exceptions reach the host: as crmkit exceptions, without the driver's text. */
class SqlErrorsTest {

    @Test
    void aDuplicateKeyNamesTheFieldOfTheIndexInBothServersSpellings() {
        assertThat(duplicate("Duplicate entry 'a@b.org' for key 'crm_customer.uq_crm_customer__email'").field())
                .isEqualTo("email");
        assertThat(duplicate("Duplicate entry '+41446681800' for key 'uq_crm_customer__phone'").field())
                .isEqualTo("phone");
    }

    @Test
    void theFieldIsNeverTakenFromTheQuotedValueNorIsTheValueRepeated() {
        ConflictException e = duplicate(
                "Duplicate entry 'uq_crm_a__b' for key 'crm_customer.uq_crm_customer__externalReference'");
        assertThat(e.field()).isEqualTo("externalReference");
        assertThat(e.getMessage()).doesNotContain("uq_crm_a__b");
    }

    @Test
    void aDeadlockIsAConcurrentWriteConflict() {
        CrmException e = SqlErrors.translate(new PersistenceException(
                new SQLTransactionRollbackException("Deadlock found", "40001", 1213)), "update");
        assertThat(e.code()).isEqualTo("concurrent_write");
        assertThat(e.retriable()).isTrue();
    }

    @Test
    void aTiDbWriteConflictIsAConcurrentWriteConflict() {
        CrmException e = SqlErrors.translate(new PersistenceException(new java.sql.SQLException(
                "Write conflict, txnStartTS=1, conflictStartTS=2 [try again later]", "HY000", 9007)), "update");
        assertThat(e.code()).isEqualTo("concurrent_write");
    }

    @Test
    void aGaleraNodeThatIsNotServingIsAPersistenceFailureSayingSoAndNothingWritten() {
        CrmException e = SqlErrors.translate(new PersistenceException(new java.sql.SQLException(
                "WSREP has not yet prepared node for application use", "08S01", 1047)), "insert");
        assertThat(e.code()).isEqualTo("persistence_failure");
        assertThat(e.getMessage()).contains("not serving", "nothing was written").doesNotContain("WSREP");
        assertThat(e.retriable()).isTrue();
    }

    @Test
    void anErrorDuringCommitIsAnUnknownOutcomeAndNotRetriedAsItIs() {
        java.sql.SQLException cause = new java.sql.SQLException(
                "Got error 6 \"No such device or address\" during COMMIT", "HY000", 1180);
        for (CrmException e : new CrmException[] {SqlErrors.translateCommit(new PersistenceException(cause)),
                SqlErrors.translate(new PersistenceException(cause), "update")}) {
            assertThat(e.code()).isEqualTo("outcome_unknown");
            assertThat(e.retriable()).isFalse();
            assertThat(e.getMessage()).contains("may or may not be stored").doesNotContain("No such device");
        }
    }

    @Test
    void otherFailuresAndRefusalsAreNotRetriable() {
        assertThat(SqlErrors.translate(new PersistenceException(new java.sql.SQLException("gone", "HY000", 1146)),
                "select").retriable()).isFalse();
        assertThat(duplicate("Duplicate entry 'x' for key 'uq_crm_customer__email'").retriable()).isFalse();
        assertThat(SqlErrors.translateCommit(new PersistenceException(new java.sql.SQLException("reset", "08S01", 0)))
                .retriable()).isFalse();
    }

    @Test
    void anythingElseIsAPersistenceFailureWhoseCausesHoldNoDriverOrMyBatisExceptionNorMessage() {
        CrmException e = SqlErrors.translate(new PersistenceException("Error querying: secret@example.org",
                new IllegalArgumentException("secret@example.org")), "search");
        assertThat(e).isInstanceOf(PersistenceFailureException.class);
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(t).isNotInstanceOf(PersistenceException.class);
            assertThat(String.valueOf(t.getMessage())).doesNotContain("secret");
        }
    }

    private static ConflictException duplicate(String message) {
        CrmException e = SqlErrors.translate(new PersistenceException(
                new SQLIntegrityConstraintViolationException(message, "23000", 1062)), "insert");
        assertThat(e).isInstanceOf(ConflictException.class);
        assertThat(e.getMessage()).doesNotContain("Duplicate entry");
        return (ConflictException) e;
    }
}
