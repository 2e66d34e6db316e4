package org.crmkit.persistence.mybatis;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.crmkit.core.testing.LedgerScript;
import org.crmkit.core.testing.LoyaltyWorld;
import org.crmkit.persistence.mybatis.testing.TestDatabase;

/**
 * The random loyalty scripts of crm-core's property test, with fewer tries, on a real MySQL-compatible server: the
 * stored ledgers (entries, lots, account rows, with the schema's checks) keep their invariants after every step.
 */
class LoyaltyLedgerPropertiesIT {

    @Property(tries = 12)
    void anyScriptKeepsEveryStoredLedgerSound(@ForAll("scripts") List<LedgerScript.Op> script) {
        LedgerScript.run(new LoyaltyWorld(TestDatabase.get().emptyPersistence(), LedgerScript.PROGRAM,
                Instant.parse("2026-03-02T09:00:00Z"), UUID.randomUUID().toString().substring(0, 8)), script);
    }

    @Provide
    Arbitrary<List<LedgerScript.Op>> scripts() {
        return LedgerScript.operations().list().ofMinSize(1).ofMaxSize(30);
    }
}
