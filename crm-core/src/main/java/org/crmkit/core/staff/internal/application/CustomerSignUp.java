package org.crmkit.core.staff.internal.application;

import org.crmkit.core.staff.internal.store.AccountStore;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.Customers;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.PersonName;
import org.crmkit.core.shared.PhoneNumber;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.staff.AccessEvent;
import org.crmkit.core.staff.AccessOutcome;
import org.crmkit.core.staff.AccountHolder;
import org.crmkit.core.staff.AccountId;
import org.crmkit.core.staff.internal.domain.Account;
import org.crmkit.core.staff.port.in.AccessContext;
import org.crmkit.core.staff.port.in.CustomerSignUpCommand;
import org.crmkit.core.staff.port.in.SignedUpCustomer;

/**
 * A customer's self-service sign-up: the customer is registered through the customer area and their account opened,
 * logged in, in one transaction. Details an account or a customer already holds are refused as taken, without
 * saying which.
 */
final class CustomerSignUp {
    private final UseCaseSupport support;
    private final AccountStore accounts;
    private final Customers customers;
    private final AccountSteps steps;
    private final AccountSecurity security;

    CustomerSignUp(UseCaseSupport support, AccountStore accounts, Customers customers, AccountSteps steps,
                   AccountSecurity security) {
        this.support = support;
        this.accounts = accounts;
        this.customers = customers;
        this.steps = steps;
        this.security = security;
    }

    SignedUpCustomer signUpCustomer(CustomerSignUpCommand command, AccessContext context) {
        Actor anonymous = Actor.anonymous();
        // the constraints, the context, the name, phone and email the customer area will check, and the password
        // policy together: every bad field in one refusal, before anything is read or hashed
        EmailAddress email = support.validate(anonymous, command, checks -> {
            checks.attempt(() -> Arguments.requireContext(context));
            checks.attempt(() -> new PersonName(command.firstName(), command.lastName()));
            if (command.phone() != null && !command.phone().isBlank()) {
                checks.attempt(() -> PhoneNumber.parse(command.phone()));
            }
            EmailAddress address = checks.attempt(() -> EmailAddress.of(command.email()));
            checks.attempt(() -> {
                security.passwordPolicy().check("password", command.password(), address);
                return null;
            });
            return address;
        });
        String hash = security.hasher().hash(command.password());
        try {
            return signUp(command, context, anonymous, email, hash);
        } catch (ConflictException e) {
            if (!"duplicate".equals(e.code())) {
                throw e;
            }
            throw ConflictException.signUpTaken();
        }
    }

    private SignedUpCustomer signUp(CustomerSignUpCommand command, AccessContext context, Actor anonymous,
                                    EmailAddress email, String hash) {
        return support.transaction(() -> {
            if (accounts.findByLoginForUpdate(email).isPresent()) {
                throw ConflictException.signUpTaken();
            }
            CustomerView customer = customers.register(anonymous, RegisterCustomerCommand.selfSignUp(
                    command.firstName(), command.lastName(), command.email(), command.phone(),
                    command.marketingConsent()));
            Account account = Account.open(AccountId.next(support.clock()), AccountHolder.of(customer.id()), email,
                    hash, support.now());
            account.recordSuccess(support.now());
            accounts.add(account);
            Actor actor = Actor.customer(customer.id());
            support.audit(actor, "account.sign_up", AccountSteps.TYPE, account.id().value());
            steps.log(AccessEvent.LOGIN, AccessOutcome.SUCCESS, account, context);
            return new SignedUpCustomer(customer.id(), actor);
        });
    }
}
