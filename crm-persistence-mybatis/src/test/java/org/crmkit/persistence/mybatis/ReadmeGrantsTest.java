package org.crmkit.persistence.mybatis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How {@link ReadmeGrants} reads docs/embedding.md's grant block; {@link ReadmeGrantsIT} runs it on the server. */
class ReadmeGrantsTest {
    private static final String MARKER = "<!-- " + ReadmeGrants.MARKER + " -->";

    @Test
    void readsTheReadmesBlockWithItsColumnPrivileges() {
        ReadmeGrants grants = ReadmeGrants.read();

        assertThat(grants.appPrivileges()).containsEntry("crm_audit_entry", "SELECT, INSERT")
                .containsEntry("crm_ticket_history", "SELECT, INSERT, UPDATE (reason)")
                .containsEntry("crm_access_log", "SELECT, INSERT, UPDATE (source_address, user_agent)")
                .doesNotContainKey("crm_schema_history");
        assertThat(grants.adaptedTo(ReadmeGrants.OWNER, "s", "o", "localhost", "pw")).containsExactly(
                "CREATE USER 'o'@'localhost' IDENTIFIED BY 'pw'",
                "GRANT ALL PRIVILEGES ON s.* TO 'o'@'localhost'");
    }

    @Test
    void dropsCommentsButNotDashesInsideQuotes() {
        ReadmeGrants grants = ReadmeGrants.parse(List.of(MARKER, "", "```sql",
                "CREATE USER 'crm_app'@'%' IDENTIFIED BY 'a--b';  -- the application",
                "-- a comment line",
                "GRANT SELECT, INSERT ON crm.crm_customer", "  TO 'crm_app'@'%';", "```"));

        assertThat(grants.statements()).containsExactly("CREATE USER 'crm_app'@'%' IDENTIFIED BY 'a--b'",
                "GRANT SELECT, INSERT ON crm.crm_customer TO 'crm_app'@'%'");
        assertThat(grants.adaptedTo(ReadmeGrants.APP, "s", "a", "h", "pw"))
                .containsExactly("CREATE USER 'a'@'h' IDENTIFIED BY 'pw'",
                        "GRANT SELECT, INSERT ON s.crm_customer TO 'a'@'h'");
    }

    @Test
    void refusesAStatementItDoesNotKnow() {
        assertThatThrownBy(() -> ReadmeGrants.parse(List.of(MARKER, "```sql",
                "GRANT SELECT ON crm.crm_customer TO 'crm_app'@'%';", "DROP TABLE crm.crm_customer;", "```")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("DROP TABLE crm.crm_customer");
        assertThatThrownBy(() -> ReadmeGrants.parse(List.of(MARKER, "```sql",
                "GRANT SELECT ON crm.* TO 'crm_app'@'%';", "```")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("whole schema");
    }

    @Test
    void refusesAReadmeWithoutTheMarkedBlock() {
        assertThatThrownBy(() -> ReadmeGrants.parse(List.of("```sql", "GRANT SELECT ON crm.t TO 'crm_app'@'%';",
                "```"))).isInstanceOf(IllegalStateException.class).hasMessageContaining("lost the line");
        assertThatThrownBy(() -> ReadmeGrants.parse(List.of(MARKER, "some text", "```sql", "```")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not followed by a ```sql block");
    }
}
