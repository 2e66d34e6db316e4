package org.crmkit.core.loyalty;

import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.crmkit.core.internal.inmemory.InMemoryCrmPersistence;
import org.crmkit.core.testing.LedgerScript;
import org.crmkit.core.testing.LoyaltyWorld;

/**
 * Random sequences of purchases, returns, redemptions, adjustments, expiry runs, tier reviews and waiting keep every
 * ledger sound on the in-memory adapter (the MySQL adapter runs the same scripts with fewer tries).
 */
class LoyaltyLedgerPropertiesTest {

    @Property(tries = 150)
    void anyScriptKeepsEveryLedgerSound(@ForAll("scripts") List<LedgerScript.Op> script) {
        LedgerScript.run(new LoyaltyWorld(InMemoryCrmPersistence.create(), LedgerScript.PROGRAM,
                Instant.parse("2026-03-02T09:00:00Z"), "p"), script);
    }

    @Provide
    Arbitrary<List<LedgerScript.Op>> scripts() {
        return LedgerScript.operations().list().ofMinSize(1).ofMaxSize(60);
    }
}
