package org.crmkit.core.fuzz;

import org.crmkit.core.shared.CustomerId;

/**
 * What a fuzzed call's values are made in: the world, whose records count as the caller's own and whose as another
 * customer's, and while a command record is being made, the first id it names (whose current version an
 * {@code expectedVersion} may be) and the last login named (whose password a password field may be).
 */
final class Ctx {
    final FuzzWorld world;
    /** The customer acting, or customer A when staff or a system acts: whose records count as "own". */
    final CustomerId own;
    /** The other customer: whose records count as "foreign". */
    final CustomerId other;
    /** The caller's own login, when it has an account. */
    final String actorLogin;
    Object firstId;
    String login;
    /** The line number a command's last line took. */
    int lineNumber;

    Ctx(FuzzWorld world, CustomerId own, CustomerId other, String actorLogin) {
        this.world = world;
        this.own = own;
        this.other = other;
        this.actorLogin = actorLogin;
    }

    /** @param id an id just made: the record's first, unless one came before it */
    void named(Object id) {
        if (firstId == null && id != null) {
            firstId = id;
        }
    }
}
