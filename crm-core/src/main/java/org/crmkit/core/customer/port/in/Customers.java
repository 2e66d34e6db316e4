package org.crmkit.core.customer.port.in;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmkit.core.shared.AccessDeniedException;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.Page;

/**
 * Customer management: the use cases of the customer area. Every method takes the calling {@link Actor}, checks
 * the command ({@link InvalidCommandException} names each bad field, {@link InvalidValueException} a value a value
 * object refused), asks the access policy ({@link AccessDeniedException}), and writes nothing when any step fails.
 * State changes are audited in their transaction and their events are published after commit. Permissions are
 * listed in docs/authorization.md.
 */
public interface Customers {

    /**
     * Registers a customer, with {@code CUSTOMER_REGISTER} (staff and the host's system processes). What staff enter
     * counts as verified: it is what a lead conversion links to and what a portal invitation is sent to. An anonymous
     * caller is refused: a visitor registers themself through {@code accounts().requestSignUp} and
     * {@code accounts().signUpCustomer}, after proving they own their email.
     *
     * <p>Retry: safe with an idempotency key: a retry with the same key returns the customer the first call registered.
     * Without a key a retry of a stored registration registers no second customer but is refused as {@code duplicate}
     * on {@code email} (naming the first customer's id to staff and system callers).
     *
     * @param actor   the caller
     * @param command the new customer's data
     * @return the new customer
     * @throws ConflictException when the email, phone or external reference is held by a customer that is not
     *                           erased; for staff callers it names that customer's id
     */
    CustomerView register(Actor actor, RegisterCustomerCommand command);

    /**
     * Reads a customer.
     *
     * <p>Retry: safe, it reads only.
     *
     * @param actor      the caller; a customer may only view themself
     * @param customerId the customer
     * @return the customer, or empty when there is none with that id
     */
    Optional<CustomerView> findById(Actor actor, CustomerId customerId);

    /**
     * Finds a customer by the host's own id.
     *
     * <p>Retry: safe, it reads only.
     *
     * @param actor             the caller; a customer may only find themself
     * @param externalReference the host's id of a customer (as registered)
     * @return the customer who is not erased and holds that reference, or empty
     * @throws org.crmkit.core.shared.AccessDeniedException for a caller who may view only some customers (a customer,
     *                                                      a sales rep), when the reference is not one of theirs,
     *                                                      whether someone else holds it or no one: the refusal names
     *                                                      no id
     */
    Optional<CustomerView> findByExternalReference(Actor actor, String externalReference);

    /**
     * Many references at once (a bulk import resolving a batch's lines), in one transaction: what
     * {@link #findByExternalReference} finds for each, for a caller who may view every customer.
     *
     * <p>Retry: safe, it reads only.
     *
     * @param actor              the caller; needs a grant of CUSTOMER_VIEW on every customer
     * @param externalReferences 1 to {@value #MOST_REFERENCES} references, each 1 to 100 characters
     * @return the customers who are not erased and hold one of them, by the reference as asked (stripped)
     * @throws AccessDeniedException for a caller who may view only some customers
     */
    Map<String, CustomerView> findByExternalReferences(Actor actor, List<String> externalReferences);

    /** The most references {@link #findByExternalReferences} takes in one call. */
    int MOST_REFERENCES = 1_000;

    /**
     * Replaces contact details, address and personal details. When the customer changes their own email or phone,
     * the new one is not stored yet: a single-use token goes to it through the host's
     * {@code ContactVerificationNotifier}, and {@link #confirmContact} makes it theirs (and, for an email, their
     * login). The other details change at once; the returned view shows the details in force. Staff changes take
     * effect at once, and a new email becomes the customer's login too.
     *
     * <p>Retry: safe: the command carries the {@code expectedVersion} it requires, so a retry of a change that was
     * stored fails with {@code stale_version} and changes nothing twice.
     *
     * @param actor   staff with {@code CUSTOMER_UPDATE_CONTACT}, or the customer themself
     * @param command the new details and the version the caller read
     * @return the updated customer
     * @throws ConflictException for a stale version or a duplicate email or phone
     * @throws NotFoundException for an unknown id
     * @throws BusinessRuleViolationException for an erased customer
     */
    CustomerView updateContactDetails(Actor actor, UpdateContactDetailsCommand command);

    /**
     * Confirms a customer's own new email or phone with the token delivered to it: the address becomes theirs (a new
     * email also becomes their login), and every other open token for the same change is used up. The token is the
     * proof, so there is no actor: the link in a message works whether or not the person is logged in. Audited as
     * the customer.
     *
     * <p>Retry: a token is single-use: a retry of a stored confirmation fails with {@code verification_token_invalid}
     * and changes nothing.
     *
     * @param token the token as delivered
     * @throws BusinessRuleViolationException ({@code verification_token_invalid}) for an unknown, expired, used or
     *                                        replaced token
     * @throws ConflictException              ({@code duplicate}) when another customer or another account holds the
     *                                        address by now; the holder is not named
     */
    void confirmContact(String token);

    /**
     * Deactivates an active customer.
     *
     * <p>Retry: safe when the command carries {@code expectedVersion}: a retry of a change that was stored fails with
     * {@code stale_version}; without it, the retry is refused with {@code customer_not_active}. Either way nothing
     * changes twice.
     *
     * @param actor   staff with {@code CUSTOMER_CHANGE_STATUS}
     * @param command the customer
     * @return the now inactive customer
     * @throws BusinessRuleViolationException unless the customer is active
     */
    CustomerView deactivate(Actor actor, CustomerStatusCommand command);

    /**
     * Reactivates an inactive customer.
     *
     * <p>Retry: safe when the command carries {@code expectedVersion}: a retry of a change that was stored fails with
     * {@code stale_version}; without it, the retry is refused with {@code customer_not_inactive}. Either way nothing
     * changes twice.
     *
     * @param actor   staff with {@code CUSTOMER_CHANGE_STATUS}
     * @param command the customer
     * @return the active customer
     * @throws BusinessRuleViolationException unless the customer is inactive
     */
    CustomerView reactivate(Actor actor, CustomerStatusCommand command);

    /**
     * Makes an active staff user the customer's account manager.
     *
     * <p>Retry: safe when the command carries {@code expectedVersion}: a retry of a change that was stored fails with
     * {@code stale_version}; without it, the retry assigns the same manager again: the same state, with one more audit
     * entry and event.
     *
     * @param actor   staff with {@code CUSTOMER_ASSIGN_MANAGER}
     * @param command the customer and the staff user
     * @return the updated customer
     */
    CustomerView assignAccountManager(Actor actor, AssignAccountManagerCommand command);

    /**
     * Adds a tag to a customer; a tag already there changes nothing.
     *
     * <p>Retry: safe when the command carries {@code expectedVersion}: a retry of a change that was stored fails with
     * {@code stale_version}; without it, the retry changes and writes nothing (the tag is there).
     *
     * @param actor   staff with {@code CUSTOMER_TAG}
     * @param command the customer and the tag
     * @return the updated customer
     */
    CustomerView addTag(Actor actor, CustomerTagCommand command);

    /**
     * Removes a tag from a customer; an absent tag changes nothing.
     *
     * <p>Retry: safe when the command carries {@code expectedVersion}: a retry of a change that was stored fails with
     * {@code stale_version}; without it, the retry changes and writes nothing (the tag is gone).
     *
     * @param actor   staff with {@code CUSTOMER_TAG}
     * @param command the customer and the tag
     * @return the updated customer
     */
    CustomerView removeTag(Actor actor, CustomerTagCommand command);

    /**
     * Gives or withdraws consent to marketing; the time of the change is kept.
     *
     * <p>Retry: safe when the command carries {@code expectedVersion}: a retry of a change that was stored fails with
     * {@code stale_version}; without it, the retry changes and writes nothing: the decision stands, with the time of
     * the first call.
     *
     * @param actor   staff with {@code CUSTOMER_CONSENT}, or the customer themself
     * @param command the customer and the decision
     * @return the updated customer
     */
    CustomerView changeMarketingConsent(Actor actor, MarketingConsentCommand command);

    /**
     * Filters, sorts and pages customers by keyset; a page stays correct while rows are inserted between calls.
     *
     * <p>Retry: safe, it reads only.
     *
     * @param actor staff with {@code CUSTOMER_SEARCH}
     * @param query filters, sort order and page
     * @return one page
     * @throws InvalidValueException for a cursor that was altered or belongs to another query
     */
    Page<CustomerView> search(Actor actor, CustomerSearchQuery query);

    /**
     * Finds other customers that may be the same person: the same name at the same postal code (email and phone are
     * unique, so no two customers share them; see {@link DuplicateReason}).
     *
     * <p>Retry: safe, it reads only.
     *
     * @param actor      staff with {@code CUSTOMER_FIND_DUPLICATES}
     * @param customerId the customer to compare against
     * @return the candidates with every reason that matched
     */
    List<DuplicateCandidate> findPossibleDuplicates(Actor actor, CustomerId customerId);

    /**
     * Everything crmkit holds about a person (GDPR right of access), as a tree of records that serializes to JSON.
     *
     * <p>Retry: safe, it reads only (each call is audited, so a retry appends one more audit entry).
     *
     * @param actor      staff with {@code CUSTOMER_EXPORT}, or the customer themself
     * @param customerId the person
     * @return the export
     */
    PersonalDataExport exportPersonalData(Actor actor, CustomerId customerId);

    /**
     * Replaces every personal field irreversibly (GDPR right to erasure), keeps the id, and marks the customer
     * erased. Audited.
     *
     * <p>Retry: safe: a retry of a stored erasure is refused with {@code customer_erased} and erases nothing twice (the
     * erasure of the customer's records in the other areas runs in the same transaction).
     *
     * @param actor      staff with {@code CUSTOMER_ERASE}
     * @param customerId the person
     * @throws BusinessRuleViolationException when already erased
     */
    void erase(Actor actor, CustomerId customerId);
}
