package org.crmkit.persistence.mybatis.internal.support;

import javax.sql.DataSource;
import org.crmkit.core.shared.PersistenceFailureException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * crmkit's schema migrations: Flyway scripts under {@value #LOCATION} in the jar, with their own history table
 * {@value #HISTORY_TABLE}, so they live beside the host's own migrations in the same schema.
 */
public final class Migrations {
    /** Where the scripts live on the classpath. */
    public static final String LOCATION = "classpath:db/crmkit/migration";
    /** crmkit's own Flyway history table. */
    public static final String HISTORY_TABLE = "crm_schema_history";

    private Migrations() {
    }

    /**
     * Brings the schema up to date. A schema that already holds the host's tables is fine: crmkit baselines its
     * own history at version 0 and applies its scripts from version 1.
     *
     * @param dataSource the host's data source
     * @return how many migrations were applied
     */
    public static int migrate(DataSource dataSource) {
        try {
            return Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(LOCATION)
                    .table(HISTORY_TABLE)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate()
                    .migrationsExecuted;
        } catch (FlywayException e) {
            throw new PersistenceFailureException("crmkit schema migration failed: " + e.getClass().getSimpleName(),
                    SqlErrors.withheld(e));
        }
    }
}
