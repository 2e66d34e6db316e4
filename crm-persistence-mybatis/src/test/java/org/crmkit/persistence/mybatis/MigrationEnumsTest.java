package org.crmkit.persistence.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.crmkit.core.interaction.Direction;
import org.crmkit.core.interaction.InteractionType;
import org.crmkit.core.lead.LeadSource;
import org.crmkit.core.lead.LeadStage;
import org.crmkit.core.loyalty.EntryKind;
import org.crmkit.core.product.ProductStatus;
import org.crmkit.core.sales.SalesChannel;
import org.crmkit.core.shared.ActorType;
import org.crmkit.core.shared.AuditOutcome;
import org.crmkit.core.shared.Role;
import org.crmkit.core.staff.AccessEvent;
import org.crmkit.core.staff.AccessOutcome;
import org.crmkit.core.staff.AccountHolder;
import org.crmkit.core.staff.SecondFactorStatus;
import org.crmkit.core.task.TaskLinkKind;
import org.crmkit.core.task.TaskPriority;
import org.crmkit.core.task.TaskStatus;
import org.junit.jupiter.api.Test;

/**
 * The CHECK constraints that limit enum columns list exactly the names of the Java constants: a constant added in
 * crm-core without a migration would be stored by the in-memory adapter and refused by MySQL.
 */
class MigrationEnumsTest {
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/crmkit/migration");

    @Test
    void everyEnumCheckListsExactlyTheConstantsOfItsEnum() throws IOException {
        String sql = allMigrations();
        assertThat(names(sql, "ck_crm_staff_role_role")).isEqualTo(constants(Role.class));
        assertThat(names(sql, "ck_crm_account_holder_kind")).isEqualTo(constants(AccountHolder.Kind.class));
        assertThat(names(sql, "ck_crm_access_log_event")).isEqualTo(constants(AccessEvent.class));
        assertThat(names(sql, "ck_crm_access_log_outcome")).isEqualTo(constants(AccessOutcome.class));
        assertThat(names(sql, "ck_crm_access_log_holder")).isEqualTo(constants(AccountHolder.Kind.class));
        assertThat(names(sql, "ck_crm_second_factor_status")).isEqualTo(constants(SecondFactorStatus.class));
        assertThat(names(sql, "ck_crm_audit_actor")).isEqualTo(constants(ActorType.class));
        assertThat(names(sql, "ck_crm_audit_outcome")).isEqualTo(constants(AuditOutcome.class));
        assertThat(names(sql, "ck_crm_product_status")).isEqualTo(constants(ProductStatus.class));
        assertThat(names(sql, "ck_crm_purchase_channel")).isEqualTo(constants(SalesChannel.class));
        assertThat(names(sql, "ck_crm_loyalty_entry_kind")).isEqualTo(constants(EntryKind.class));
        assertThat(names(sql, "ck_crm_quote_status")).isEqualTo(constants(
                org.crmkit.core.quote.QuoteStatus.class));
        assertThat(names(sql, "ck_crm_lead_source")).isEqualTo(constants(LeadSource.class));
        assertThat(names(sql, "ck_crm_lead_stage")).isEqualTo(constants(LeadStage.class));
        assertThat(names(sql, "ck_crm_lead_stage_change_from")).isEqualTo(constants(LeadStage.class));
        assertThat(names(sql, "ck_crm_lead_stage_change_to")).isEqualTo(constants(LeadStage.class));
        assertThat(names(sql, "ck_crm_lead_stage_change_actor")).isEqualTo(constants(ActorType.class));
        assertThat(names(sql, "ck_crm_interaction_type")).isEqualTo(constants(InteractionType.class));
        assertThat(names(sql, "ck_crm_interaction_direction")).isEqualTo(constants(Direction.class));
        assertThat(names(sql, "ck_crm_task_priority")).isEqualTo(constants(TaskPriority.class));
        assertThat(names(sql, "ck_crm_task_status")).isEqualTo(constants(TaskStatus.class));
        assertThat(names(sql, "ck_crm_task_link_kind")).isEqualTo(constants(TaskLinkKind.class));
        assertThat(names(sql, "ck_crm_ticket_priority"))
                .isEqualTo(constants(org.crmkit.core.ticket.TicketPriority.class));
        assertThat(names(sql, "ck_crm_ticket_channel"))
                .isEqualTo(constants(org.crmkit.core.ticket.TicketChannel.class));
        assertThat(names(sql, "ck_crm_ticket_status"))
                .isEqualTo(constants(org.crmkit.core.ticket.TicketStatus.class));
        assertThat(names(sql, "ck_crm_ticket_history_kind"))
                .isEqualTo(constants(org.crmkit.core.ticket.HistoryKind.class));
        assertThat(names(sql, "ck_crm_ticket_comment_author")).isEqualTo(constants(ActorType.class));
        assertThat(names(sql, "ck_crm_ticket_history_by")).isEqualTo(constants(ActorType.class));
    }

    private static String allMigrations() throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            StringBuilder sql = new StringBuilder();
            // in the order Flyway runs them: by version number (V18 after V2), so a later definition comes later
            for (Path file : files.filter(f -> f.toString().endsWith(".sql"))
                    .sorted(java.util.Comparator.comparingInt(MigrationEnumsTest::version)).toList()) {
                sql.append(Files.readString(file)).append('\n');
            }
            return sql.toString();
        }
    }

    private static int version(Path migration) {
        String name = migration.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    /**
     * The quoted words of one named CHECK constraint, up to its closing parenthesis: its last definition, since a later
     * migration may drop and add it again with more names.
     */
    private static Set<String> names(String sql, String constraint) {
        int start = sql.lastIndexOf("CONSTRAINT " + constraint + " CHECK");
        assertThat(start).as(constraint + " exists").isNotNegative();
        int open = sql.indexOf('(', start);
        int depth = 0;
        int end = open;
        do {
            char c = sql.charAt(end++);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        } while (depth > 0);
        Set<String> names = new LinkedHashSet<>();
        Matcher m = Pattern.compile("'([A-Z_]+)'").matcher(sql.substring(open, end));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names.stream().sorted().collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Set<String> constants(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).sorted()
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
