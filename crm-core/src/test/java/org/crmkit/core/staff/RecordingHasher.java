package org.crmkit.core.staff;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.crmkit.core.staff.port.out.PasswordHasher;
import org.crmkit.core.staff.port.out.Pbkdf2PasswordHasher;

/**
 * A PBKDF2 hasher (1,000 iterations) that counts password checks and remembers the hashes it made, so a test can tell
 * whether a check was made against a real hash (a full key derivation) or against something that costs nothing to
 * refuse. Its settings can be "raised", after which every hash it made before needs a rehash; and it can run an
 * action in the middle of its next hash, to put another call between a login's check and its re-hash.
 */
final class RecordingHasher implements PasswordHasher {
    private static final String RAISED = "raised:";

    private final PasswordHasher real = Pbkdf2PasswordHasher.withIterations(1_000);
    private final Set<String> made = ConcurrentHashMap.newKeySet();
    private final AtomicInteger checks = new AtomicInteger();
    private final AtomicReference<String> lastChecked = new AtomicReference<>();
    private final AtomicReference<Runnable> duringNextHash = new AtomicReference<>();
    private volatile boolean raised;

    @Override
    public String hash(String password) {
        Runnable action = duringNextHash.getAndSet(null);
        if (action != null) {
            action.run();
        }
        String hash = raised ? RAISED + real.hash(password) : real.hash(password);
        made.add(hash);
        return hash;
    }

    @Override
    public boolean verify(String password, String stored) {
        checks.incrementAndGet();
        lastChecked.set(stored);
        return real.verify(password, stored != null && stored.startsWith(RAISED) ? stored.substring(RAISED.length())
                : stored);
    }

    @Override
    public boolean needsRehash(String stored) {
        return raised ? stored == null || !stored.startsWith(RAISED) : real.needsRehash(stored);
    }

    /** @return the password checks so far */
    int checks() {
        return checks.get();
    }

    /** @return whether the last check was made against a hash this hasher made (and so cost a full derivation) */
    boolean lastCheckWasAgainstARealHash() {
        String stored = lastChecked.get();
        return stored != null && made.contains(stored);
    }

    /** Raises the settings: every hash made so far needs a rehash. */
    void raiseSettings() {
        raised = true;
    }

    /** @param action run once, at the start of the next hash */
    void duringNextHash(Runnable action) {
        duringNextHash.set(action);
    }
}
