package org.crmkit.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.crmkit.core.product.port.in.CreateCategoryCommand;
import org.crmkit.core.shared.AccessDeniedException;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AuditEntry;
import org.crmkit.core.shared.AuditLog;
import org.crmkit.core.shared.AuditOutcome;
import org.crmkit.core.shared.CrmException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.staff.port.in.ChangePasswordCommand;
import org.crmkit.core.staff.port.in.CreateStaffCommand;
import org.crmkit.core.staff.port.in.CustomerSignUpCommand;
import org.crmkit.core.staff.port.in.ResetPasswordCommand;
import org.crmkit.core.testing.CrmTestAccess;

/**
 * The fuzz test over every public use case (issue 17): random sequences of calls to every method of every use-case
 * interface {@code Crm} hands out, on a world of two customers with records ({@link FuzzWorld}) and on an empty
 * installation, as every kind of caller, with nulls, extremes, control characters, unpaired surrogates, huge texts and
 * lists, far dates and other customers' ids among valid values ({@link Values}). Every call is held to these rules:
 *
 * <ol>
 *   <li>the only exception that escapes is a {@link CrmException}: an {@link InvalidCommandException} naming at least
 *       one field, an {@link InvalidValueException} naming its field (each a path of the call's arguments, as a host
 *       maps it to its form: {@link Fields}), any other with its error code (never a
 *       {@code NullPointerException}, {@code IllegalArgumentException}, {@code DateTimeException},
 *       {@code ArithmeticException} ...);</li>
 *   <li>a refused call writes nothing and publishes nothing ({@link WriteWatch} sees every committed write): a refusal
 *       of the access policy may add its one DENIED audit entry, and a failed login, password change or reset its
 *       access-log entry and failure count ({@link #SECURITY_RECORDS}), both documented;</li>
 *   <li>an accepted call's texts read back unchanged, or exactly as documented ({@link ReadBack}), and what it returned
 *       is what is stored; it returns something (an {@code Optional}, an empty list), never {@code null};</li>
 *   <li>an accepted call of a customer returns no other customer's id and writes nothing of another customer's
 *       records; an unknown or deactivated staff actor, whatever roles it claims, is accepted nowhere;</li>
 *   <li>whatever a call stores, accepted or refused (a DENIED audit entry, a failed login's access-log entry), keeps
 *       the one text rule: no control characters but line breaks and tabs, no unpaired surrogates (architecture:
 *       "text is stored exactly as returned, or refused by name"), so that MySQL stores what memory does.</li>
 * </ol>
 *
 * <p>The counts of calls and outcomes are printed when the class is done (the closing note quotes them), with
 * the use cases no call got accepted by and why. The seeds are fixed, so a run is repeatable; jqwik reports the seed
 * and the shrunk sequence of calls with any failure.
 */
class UseCaseFuzzTest {
    /**
     * Refusals that write by design: a failed login, password change or reset, or a wrong code of a second factor, is
     * recorded (the access log, and the failure count that locks an account or its second factor) before the caller
     * hears of it (see {@code Logins}, {@code SecondFactorLogins}, {@code MfaEnrolments}, {@code PasswordChanges},
     * {@code PasswordResets}); so is the refused {@code authenticate} of an account that needs a second step.
     */
    private static final Map<String, Set<String>> SECURITY_RECORDS = Map.of(
            "authentication_failed", Set.of("AccessLog.append", "AccountRepository.update",
                    "SecondFactorRepository.update"),
            "reset_token_invalid", Set.of("AccessLog.append"),
            "second_factor_required", Set.of("AccessLog.append"));

    private static final AtomicLong CALLS = new AtomicLong();
    private static final AtomicLong ACCEPTED = new AtomicLong();
    private static final AtomicLong TEXTS = new AtomicLong();
    private static final Map<String, AtomicLong> REFUSED = new ConcurrentHashMap<>();
    private static final Map<String, AtomicLong> ACCEPTED_BY_USE_CASE = new ConcurrentHashMap<>();
    private static final Map<String, AtomicLong> CALLS_BY_USE_CASE = new ConcurrentHashMap<>();
    /** Per use case, how its calls were refused: what the report shows for a use case never accepted. */
    private static final Map<String, Map<String, AtomicLong>> REFUSALS_BY_USE_CASE = new ConcurrentHashMap<>();

    @Example
    void everyUseCaseHasAGenerator() {
        List<UseCases.Operation> all = UseCases.all();
        assertThat(UseCases.interfaces()).containsExactlyInAnyOrder("AuditTrail", "Customers", "ProductFeedback",
                "Interactions", "Leads", "Loyalty", "Products", "Quotes", "Sales", "Accounts", "Departments",
                "StaffUsers", "Tasks", "Tickets");
        assertThat(all).hasSizeGreaterThan(100);
        Values values = new Values();
        List<String> missing = new ArrayList<>();
        for (UseCases.Operation operation : all) {
            try {
                UseCases.calls(operation, values);
            } catch (Values.NoGenerator e) {
                missing.add(operation + ": " + e.getMessage());
            }
        }
        assertThat(missing).as("use cases with an argument no generator makes").isEmpty();
    }

    @Example
    void theWatchSeesWhatACallKeepsAndNothingOfWhatItRolledBack() {
        FuzzWorld world = new FuzzWorld(true);
        int mark = world.watch.mark();
        world.crm.products().createCategory(world.admin, new CreateCategoryCommand("Hall", null));
        assertThat(world.watch.committedSince(mark)).extracting(WriteWatch.Write::toString)
                .containsExactly("CategoryRepository.add", "AuditLog.append");

        mark = world.watch.mark();
        assertThat(catchThrowable(() -> world.crm.products().createCategory(Actor.customer(world.a),
                new CreateCategoryCommand("Porch", null)))).isInstanceOf(AccessDeniedException.class);
        assertThat(world.watch.committedSince(mark)).singleElement().matches(WriteWatch.Write::isDeniedAudit);

        mark = world.watch.mark();
        AuditLog audit = CrmTestAccess.persistence(world.crm).auditLog();
        assertThat(catchThrowable(() -> world.watch.unitOfWork().inTransaction(() -> {
            audit.append(AuditEntry.of(world.clock, world.admin, "fuzz.self-test", "none", null, AuditOutcome.SUCCESS));
            throw new IllegalStateException("rolled back");
        }))).hasMessage("rolled back");
        assertThat(world.watch.committedSince(mark)).isEmpty();
    }

    @Property(tries = 400, seed = "20260302", edgeCases = EdgeCasesMode.NONE)
    void everyCallIsRefusedByACrmExceptionWithoutWritingOrStoresItsTextAsSent(
            @ForAll("calls") List<UseCases.Call> calls) {
        FuzzWorld world = new FuzzWorld(true);
        for (UseCases.Call call : calls) {
            run(world, call);
        }
    }

    /** The same on an installation with nothing in it yet: the one place {@code bootstrapAdmin} is accepted. */
    @Property(tries = 100, seed = "20260302", edgeCases = EdgeCasesMode.NONE)
    void theSameHoldsOnAnEmptyInstallation(@ForAll("calls") List<UseCases.Call> calls) {
        FuzzWorld world = new FuzzWorld(false);
        for (UseCases.Call call : calls) {
            run(world, call);
        }
    }

    @Provide
    Arbitrary<List<UseCases.Call>> calls() {
        Values values = new Values();
        List<Arbitrary<UseCases.Call>> each = UseCases.all().stream().map(o -> UseCases.calls(o, values)).toList();
        return Arbitraries.oneOf(each).list().ofMinSize(1).ofMaxSize(30);
    }

    private static void run(FuzzWorld world, UseCases.Call call) {
        String name = call.operation().toString();
        CALLS.incrementAndGet();
        CALLS_BY_USE_CASE.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
        Ctx ctx = world.context(call.caller());
        Object[] args;
        int mark = world.watch.mark();
        try {
            args = call.make(ctx);
        } catch (RuntimeException | Error e) {
            // a command record refused what it was built from: a host sees this when it builds the command
            refused(call, e, world.watch.committedSince(mark), List.of());
            return;
        }
        mark = world.watch.mark();
        world.publisher.clear();
        Object result;
        try {
            result = call.operation().invoke(world.crm, args);
        } catch (Throwable e) {
            refused(call, e, world.watch.committedSince(mark), world.publisher.events());
            return;
        }
        accepted(world, call, args, result, world.watch.committedSince(mark));
    }

    private static void refused(UseCases.Call call, Throwable thrown, List<WriteWatch.Write> writes,
                                List<?> events) {
        if (!(thrown instanceof CrmException refusal)) {
            throw new AssertionError(call + " let a " + thrown.getClass().getName() + " escape", thrown);
        }
        storedTextsKeepTheRule(call, writes);
        REFUSED.computeIfAbsent(refusal.code(), k -> new AtomicLong()).incrementAndGet();
        String why = refusal instanceof InvalidCommandException invalid ? "invalid_command " + invalid.fields()
                : refusal instanceof InvalidValueException invalid ? "invalid_value " + invalid.field()
                : refusal.code();
        REFUSALS_BY_USE_CASE.computeIfAbsent(call.operation().toString(), k -> new ConcurrentHashMap<>())
                .computeIfAbsent(why, k -> new AtomicLong()).incrementAndGet();
        assertThat(refusal.code()).as("the code of %s", call).isNotBlank();
        if (refusal instanceof InvalidCommandException invalid) {
            assertThat(invalid.errors()).as("the fields %s names", call).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.field()).isNotBlank());
            invalid.fields().forEach(field -> assertThat(Fields.resolves(call.operation(), field))
                    .as("%s names %s, no field of its arguments", call, field).isTrue());
        } else if (refusal instanceof InvalidValueException invalid) {
            assertThat(invalid.field()).as("the field %s names", call).isNotBlank();
            assertThat(Fields.resolves(call.operation(), invalid.field()))
                    .as("%s names %s, no field of its arguments", call, invalid.field()).isTrue();
        }
        List<WriteWatch.Write> written = new ArrayList<>(writes);
        long denials = written.stream().filter(WriteWatch.Write::isDeniedAudit).count();
        written.removeIf(WriteWatch.Write::isDeniedAudit);
        assertThat(denials).as("DENIED audit entries of %s refused with %s", call, refusal.code())
                .isLessThanOrEqualTo(refusal instanceof AccessDeniedException ? 1 : 0);
        written.removeIf(w -> SECURITY_RECORDS.getOrDefault(refusal.code(), Set.of()).contains(w.toString()));
        assertThat(written).as("what %s wrote, refused with %s", call, refusal.getMessage()).isEmpty();
        assertThat(events).as("what %s published, refused", call).isEmpty();
    }

    private static void accepted(FuzzWorld world, UseCases.Call call, Object[] args, Object result,
                                 List<WriteWatch.Write> writes) {
        ACCEPTED.incrementAndGet();
        ACCEPTED_BY_USE_CASE.computeIfAbsent(call.operation().toString(), k -> new AtomicLong()).incrementAndGet();
        storedTextsKeepTheRule(call, writes);
        if (call.operation().method().getReturnType() != void.class) {
            assertThat(result).as("what %s returned (queries return Optional, never null)", call).isNotNull();
        }
        boolean takesActor = Arrays.asList(call.operation().method().getParameterTypes()).contains(Actor.class);
        assertThat(takesActor && world.refusedEverywhereNow(call.caller()))
                .as("%s accepted for %s, whatever it claims", call, call.caller()).isFalse();
        Actor actor = Arrays.stream(args).filter(Actor.class::isInstance).map(Actor.class::cast).findFirst()
                .orElse(null);
        if (actor instanceof Actor.Customer customer) {
            keptToTheirOwn(world, call, customer.id(), result, writes);
        }
        if (world.admin.equals(actor) && !writes.isEmpty()) {
            returnedAsStored(world, call, result);
        }
        world.harvest(result, actor instanceof Actor.Customer c ? c.id() : null);
        remember(world, actor, args);
        if (writes.stream().allMatch(w -> w.port().equals("AuditLog"))) {
            return; // it changed nothing (a retry, a move to where it is), so it stored none of its texts
        }
        for (ReadBack.Comparison text : ReadBack.compare(world, call.operation().toString(), args, result)) {
            TEXTS.incrementAndGet();
            assertThat(text.holds()).as("%s sent %s, read back %s%s, in %s", text.field(), Val.quote(text.sent()),
                    text.stored().stream().map(Val::quote).toList(), text.absent() ? " (it must be gone)" : "", call)
                    .isTrue();
        }
    }

    /** A customer's accepted call returns no other customer's id and writes nothing of another customer's records. */
    private static void keptToTheirOwn(FuzzWorld world, UseCases.Call call, CustomerId self, Object result,
                                       List<WriteWatch.Write> writes) {
        eachId(result, id -> assertThat(id).as("another customer's id returned to %s", call)
                .isNotInstanceOf(CustomerId.class), self);
        for (WriteWatch.Write write : writes) {
            eachId(write.args(), id -> assertThat(world.ownerOf(id))
                    .as("%s of another customer's, written by %s for customer %s", id, call, self)
                    .isIn(null, self), null);
        }
    }

    /** A change returns its record as stored (compared as the administrator who called reads it: views differ). */
    private static void returnedAsStored(FuzzWorld world, UseCases.Call call, Object result) {
        if (result instanceof Record view && view.getClass().getSimpleName().endsWith("View")
                && FuzzWorld.components(view).get("id") instanceof Record id && FuzzWorld.isId(id.getClass())) {
            world.read(id).ifPresent(stored -> assertThat(stored).as("%s as stored, after %s", id, call)
                    .isEqualTo(result));
        }
    }

    /** Every text a call stored keeps the rule every text a host sends is held to. */
    private static void storedTextsKeepTheRule(UseCases.Call call, List<WriteWatch.Write> writes) {
        for (WriteWatch.Write write : writes) {
            eachText(write.args(), text -> assertThat(org.crmkit.core.shared.internal.Texts.problem(text, true))
                    .as("%s stored by %s through %s", Val.quote(text), call, write).isNull(), 0);
        }
    }

    private static void eachText(Object value, Consumer<String> check, int depth) {
        if (value == null || depth > 8) {
            return;
        }
        if (value instanceof String text) {
            check.accept(text);
        } else if (value instanceof java.util.Optional<?> optional) {
            optional.ifPresent(v -> eachText(v, check, depth + 1));
        } else if (value instanceof java.util.Collection<?> collection) {
            collection.forEach(v -> eachText(v, check, depth + 1));
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                eachText(k, check, depth + 1);
                eachText(v, check, depth + 1);
            });
        } else if (value instanceof Record record
                && java.lang.reflect.Modifier.isPublic(record.getClass().getModifiers())) {
            FuzzWorld.components(record).values().forEach(v -> eachText(v, check, depth + 1));
        }
    }

    /** Walks a value for ids; a customer's own id is skipped when {@code self} is given. */
    private static void eachId(Object value, Consumer<Object> check, CustomerId self) {
        new IdWalk(check, self).walk(value, 0);
    }

    /** Notes what an accepted call made known: keys, references, SKUs, emails, logins and passwords. */
    private static void remember(FuzzWorld world, Actor actor, Object[] args) {
        for (Object arg : args) {
            if (arg instanceof ChangePasswordCommand change) {
                world.passwordChanged(actor, change.newPassword());
            } else if (arg instanceof ResetPasswordCommand reset) {
                world.passwordReset(reset.token(), reset.newPassword());
            } else if (arg instanceof CustomerSignUpCommand signUp) {
                world.accountMade(signUp.email(), signUp.password());
            } else if (arg instanceof CreateStaffCommand create) {
                world.accountMade(create.workEmail(), create.initialPassword());
            }
            if (arg instanceof Record record) {
                FuzzWorld.components(record).forEach((field, value) -> {
                    if (value instanceof String text) {
                        switch (field) {
                            case "idempotencyKey" -> world.remember(FuzzWorld.Known.KEY, text);
                            case "externalReference", "reference" -> world.remember(FuzzWorld.Known.REFERENCE, text);
                            case "sku" -> world.remember(FuzzWorld.Known.SKU, text);
                            case "email", "workEmail" -> world.remember(FuzzWorld.Known.EMAIL, text);
                            default -> { }
                        }
                    }
                });
            }
        }
    }

    @AfterContainer
    static void report() {
        long calls = CALLS.get();
        if (calls == 0) {
            return;
        }
        Map<String, Long> refused = new TreeMap<>();
        REFUSED.forEach((code, n) -> refused.put(code, n.get()));
        List<String> neverAccepted = CALLS_BY_USE_CASE.keySet().stream()
                .filter(u -> !ACCEPTED_BY_USE_CASE.containsKey(u)).sorted()
                .map(u -> u + " " + REFUSALS_BY_USE_CASE.getOrDefault(u, Map.of()).entrySet().stream()
                        .sorted((x, y) -> Long.compare(y.getValue().get(), x.getValue().get())).limit(3)
                        .map(e -> e.getKey() + " x" + e.getValue().get()).toList()).toList();
        System.out.printf("use-case fuzz: %,d calls of %d use cases (%d called), %,d accepted, %,d refused %s; "
                        + "%,d texts read back; never accepted: %s%n", calls, UseCases.all().size(),
                CALLS_BY_USE_CASE.size(), ACCEPTED.get(), refused.values().stream().mapToLong(Long::longValue).sum(),
                refused, TEXTS.get(), neverAccepted);
    }

    /** Finds every id in a result or a write: in records, optionals, collections and maps. */
    private static final class IdWalk {
        private final Consumer<Object> check;
        private final CustomerId self;

        IdWalk(Consumer<Object> check, CustomerId self) {
            this.check = check;
            this.self = self;
        }

        void walk(Object value, int depth) {
            if (value == null || depth > 8) {
                return;
            }
            if (FuzzWorld.isId(value.getClass())) {
                if (!value.equals(self)) {
                    check.accept(value);
                }
            } else if (value instanceof java.util.Optional<?> optional) {
                optional.ifPresent(v -> walk(v, depth + 1));
            } else if (value instanceof java.util.Collection<?> collection) {
                collection.forEach(v -> walk(v, depth + 1));
            } else if (value instanceof Map<?, ?> map) {
                map.values().forEach(v -> walk(v, depth + 1));
            } else if (value instanceof org.crmkit.core.shared.Page<?> page) {
                walk(page.items(), depth + 1);
            } else if (value instanceof Record record
                    && java.lang.reflect.Modifier.isPublic(record.getClass().getModifiers())) {
                FuzzWorld.components(record).values().forEach(v -> walk(v, depth + 1));
            }
        }
    }
}
