package org.crmkit.core.staff.port.out;

/**
 * Hashes and verifies passwords. The stored form describes itself (algorithm and parameters): crmkit re-hashes at a
 * successful login when {@link #needsRehash} says the stored form is older than the current settings. The default
 * is {@link Pbkdf2PasswordHasher}.
 *
 * <p>A host that switches to another algorithm, for example Argon2id, keeps existing passwords working by letting
 * its hasher verify the forms it does not write itself: for a stored {@code $pbkdf2-sha256$...} form, delegate
 * {@link #verify} to {@link Pbkdf2PasswordHasher} and answer {@code true} from {@link #needsRehash}; each account
 * then moves to the new algorithm at its next login.
 */
public interface PasswordHasher {

    /** @param password the plain password @return its self-describing hash, with a fresh random salt */
    String hash(String password);

    /**
     * Compares in constant time. A stored form this hasher cannot read verifies as {@code false}.
     *
     * @param password the plain password
     * @param stored   a stored hash
     * @return whether the password matches
     */
    boolean verify(String password, String stored);

    /** @param stored a stored hash @return whether it was made with other or weaker settings than the current ones */
    boolean needsRehash(String stored);
}
