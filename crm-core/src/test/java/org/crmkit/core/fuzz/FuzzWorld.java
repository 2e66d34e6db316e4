package org.crmkit.core.fuzz;

import org.crmkit.core.testing.SignUps;
import org.crmkit.core.testing.CrmTestAccess;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.CustomerSource;
import org.crmkit.core.customer.Gender;
import org.crmkit.core.customer.port.in.AddressData;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.feedback.port.in.GiveFeedbackCommand;
import org.crmkit.core.interaction.Direction;
import org.crmkit.core.interaction.InteractionType;
import org.crmkit.core.interaction.port.in.LogInteractionCommand;
import org.crmkit.core.internal.inmemory.InMemoryCrmPersistence;
import org.crmkit.core.lead.LeadSource;
import org.crmkit.core.customer.port.in.CustomerStatusCommand;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.lead.LeadStage;
import org.crmkit.core.lead.port.in.ChangeLeadStageCommand;
import org.crmkit.core.lead.port.in.CreateLeadCommand;
import org.crmkit.core.lead.port.in.LeadView;
import org.crmkit.core.staff.port.in.StaffStatusCommand;
import org.crmkit.core.ticket.TicketStatus;
import org.crmkit.core.ticket.port.in.ChangeTicketStatusCommand;
import org.crmkit.core.ticket.port.in.TicketView;
import org.crmkit.core.lead.port.in.MoneyData;
import org.crmkit.core.loyalty.port.in.OpenLoyaltyAccountCommand;
import org.crmkit.core.product.port.in.CategoryView;
import org.crmkit.core.product.port.in.CreateCategoryCommand;
import org.crmkit.core.product.port.in.CreateProductCommand;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.quote.port.in.AnswerQuoteCommand;
import org.crmkit.core.quote.port.in.QuoteView;
import org.crmkit.core.quote.port.in.RequestQuoteCommand;
import org.crmkit.core.sales.SalesChannel;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.sales.port.in.RecordPurchaseCommand;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.CommandValidator;
import org.crmkit.core.shared.CrmException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.staff.port.in.AccessContext;
import org.crmkit.core.staff.port.in.CreateDepartmentCommand;
import org.crmkit.core.staff.port.in.CreateStaffCommand;
import org.crmkit.core.staff.port.in.CustomerSignUpCommand;
import org.crmkit.core.staff.port.in.SignedUpCustomer;
import org.crmkit.core.staff.port.in.StaffView;
import org.crmkit.core.staff.port.out.PasswordResetNotifier;
import org.crmkit.core.staff.port.out.Pbkdf2PasswordHasher;
import org.crmkit.core.task.TaskLinkKind;
import org.crmkit.core.task.TaskPriority;
import org.crmkit.core.task.port.in.CreateTaskCommand;
import org.crmkit.core.task.port.in.TaskLinkData;
import org.crmkit.core.testing.MutableClock;
import org.crmkit.core.testing.RecordingPublisher;
import org.crmkit.core.testing.TestStaff;
import org.crmkit.core.ticket.TicketChannel;
import org.crmkit.core.ticket.TicketPriority;
import org.crmkit.core.ticket.port.in.SubmitTicketCommand;

/**
 * What one try of the fuzz test runs on: a {@link Crm} on the watched in-memory store ({@link WriteWatch}), empty or
 * through the use cases with two customers who each have a purchase, a loyalty account, a quote, a ticket, feedback,
 * an interaction and a task; staff of every role, an administrator and a clerk with an account; a lead; products.
 * Customer A signed up (so has a login), customer B was registered with an address and an external reference.
 *
 * <p>It keeps the pools the generators draw from: every id it has seen, with the customer it belongs to (so a call
 * can name the caller's own records or another customer's), the emails, logins, passwords, references, SKUs,
 * idempotency keys, reset tokens and page cursors it has seen.
 */
final class FuzzWorld {
    /** Monday 2 March 2026, 09:00 UTC; the clock stands still. */
    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    static final String PASSWORD = "Fuzz-World-Passw0rd!";
    static final Actor SYSTEM = Actor.system("fuzz-world");
    static final AccessContext CONTEXT = new AccessContext("203.0.113.7", "fuzz");
    /** One validator for every world: building Hibernate Validator's factory is most of what a world costs. */
    private static final CommandValidator VALIDATOR = CommandValidator.createDefault();

    /** How a generated id is chosen. */
    enum Pick {
        /** one of the calling customer's records (customer A's when staff or a system calls), or a shared one */
        OWN,
        /** one of the other customer's records */
        FOREIGN,
        /** any record seen */
        ANY,
        /** the record seen last */
        LATEST,
        /** an id no record has */
        RANDOM
    }

    /** Texts of the world a generator may name. */
    enum Known {
        EMAIL, LOGIN, REFERENCE, SKU, KEY, TOKEN, CURSOR
    }

    /** Who calls. */
    enum Caller {
        ADMIN, SYSTEM, SYSTEM_NAMED, ROLE, CLERK, CUSTOMER_A, CUSTOMER_B, ANONYMOUS,
        /** a staff id crmkit does not know, claiming to be an administrator */
        UNKNOWN_STAFF,
        /** a deactivated staff user, claiming to be an administrator */
        DEACTIVATED_STAFF,
        NULL;

        /** @return whether crmkit must refuse this caller in every use case that takes an actor */
        boolean refusedEverywhere() {
            return this == UNKNOWN_STAFF || this == DEACTIVATED_STAFF || this == NULL;
        }
    }

    /**
     * An id seen, with whose it is.
     *
     * @param id    the id record
     * @param owner the customer it belongs to, or {@code null} for shared records (products, staff, leads)
     */
    private record Owned(Object id, CustomerId owner) {
    }

    final MutableClock clock = new MutableClock(START);
    final RecordingPublisher publisher = new RecordingPublisher();
    final WriteWatch watch = new WriteWatch(InMemoryCrmPersistence.create());
    final Crm crm;
    /** The administrator; in an empty installation the system actor, the one actor that may act there. */
    Actor admin;
    final Map<Role, Actor> staff = new EnumMap<>(Role.class);
    Actor clerk;
    CustomerId a;
    CustomerId b;
    DepartmentId support;
    private StaffId deactivated;

    /**
     * @param caller a kind of caller
     * @return whether every use case must refuse it now: a random call may have reactivated the deactivated user
     */
    boolean refusedEverywhereNow(Caller caller) {
        if (caller != Caller.DEACTIVATED_STAFF) {
            return caller.refusedEverywhere();
        }
        return CrmTestAccess.persistence(crm).unitOfWork().inTransaction(() -> CrmTestAccess.persistence(crm)
                .staff().findById(deactivated).map(s -> !s.active()).orElse(true));
    }
    private final String loginA = "alice@example.org";
    private final String clerkLogin = "clara@crmkit.test";
    private final Map<Class<?>, List<Owned>> pools = new LinkedHashMap<>();
    private final Set<Object> seen = new HashSet<>();
    private final Map<Known, List<String>> known = new EnumMap<>(Known.class);
    private final Map<String, String> passwords = new HashMap<>();
    private final Map<String, String> tokenLogins = new HashMap<>();
    private final Map<Class<?>, Reader> readers = new HashMap<>();
    private final Set<UUID> notPooled = new HashSet<>();
    private long counter;

    /**
     * @param populated whether to make the records described above, or to leave the installation empty (no staff, no
     *                  administrator yet, no customers): where {@code bootstrapAdmin} is accepted, and every report and
     *                  batch runs on nothing
     */
    FuzzWorld(boolean populated) {
        for (Known k : Known.values()) {
            known.put(k, new ArrayList<>());
        }
        PasswordResetNotifier tokens = message -> {
            known.get(Known.TOKEN).add(message.token());
            tokenLogins.put(message.token(), message.login().value());
        };
        crm = Crm.builder().persistence(watch).clock(clock).eventPublisher(publisher).validator(VALIDATOR)
                .passwordHasher(Pbkdf2PasswordHasher.withIterations(1)).passwordResetNotifier(tokens).build();
        findReaders();
        if (populated) {
            populate();
        } else {
            admin = SYSTEM;
            clerk = Actor.staff(StaffId.next(clock), Set.of(Role.SUPPORT_AGENT));
            a = CustomerId.next(clock);
            b = CustomerId.next(clock);
            deactivated = StaffId.next(clock);
            for (Role role : Role.values()) {
                staff.put(role, Actor.staff(StaffId.next(clock), Set.of(role)));
            }
        }
        publisher.clear();
    }

    private void populate() {
        StaffId adminId = StaffId.next(clock);
        notPooled.add(adminId.value());
        admin = TestStaff.enrol(crm, adminId, Role.ADMIN);
        support = setup(() -> crm.departments().create(admin, new CreateDepartmentCommand("Support", null))).id();
        DepartmentId sales = setup(() -> crm.departments().create(admin, new CreateDepartmentCommand("Sales", null)))
                .id();
        for (Role role : Role.values()) {
            String login = role.name().toLowerCase(Locale.ROOT).replace('_', '-') + "@crmkit.test";
            StaffView user = setup(() -> crm.staff().create(admin, new CreateStaffCommand("Role", role.name(), login,
                    role.name().startsWith("SALES") ? sales : support, Set.of(role.name()), PASSWORD)));
            staff.put(role, Actor.staff(user.id(), user.roles()));
        }
        StaffView clara = setup(() -> crm.staff().create(admin, new CreateStaffCommand("Clara", "Clerk", clerkLogin,
                support, Set.of("SUPPORT_AGENT"), PASSWORD)));
        clerk = Actor.staff(clara.id(), clara.roles());
        SignedUpCustomer alice = setup(() -> crm.accounts().signUpCustomer(SignUps.command(crm, "Alice", "Able",
                loginA, "+44 20 7946 0001", true, PASSWORD), CONTEXT));
        a = alice.customerId();
        b = setup(() -> crm.customers().register(admin, new RegisterCustomerCommand("Bob", "Baker", "bob@example.org",
                "+44 20 7946 0002", new AddressData("2 High St", null, "LS1 4AP", "Leeds", null, "GB"),
                LocalDate.of(1980, 1, 2), Gender.MALE, CustomerSource.REFERRAL, "B-REF-1", false))).id();
        passwords.put(loginA, PASSWORD);
        passwords.put(clerkLogin, PASSWORD);
        known.get(Known.LOGIN).addAll(List.of(loginA, clerkLogin));
        known.get(Known.EMAIL).addAll(List.of(loginA, clerkLogin, "bob@example.org"));
        known.get(Known.REFERENCE).addAll(List.of("B-REF-1", "ORDER-A", "ORDER-B"));
        known.get(Known.SKU).addAll(List.of("MUG-1", "LAMP-1"));
        CategoryView kitchen = setup(() -> crm.products().createCategory(admin, new CreateCategoryCommand("Kitchen",
                null)));
        ProductView mug = setup(() -> crm.products().create(admin, new CreateProductCommand("MUG-1", "Mug", "A mug",
                kitchen.id(), new BigDecimal("12.00"), "EUR")));
        ProductView lamp = setup(() -> crm.products().create(admin, new CreateProductCommand("LAMP-1", "Lamp", null,
                null, new BigDecimal("30.00"), "EUR")));
        Actor salesRep = staff.get(Role.SALES_REP);
        for (CustomerId customer : List.of(a, b)) {
            String side = customer.equals(a) ? "A" : "B";
            Actor self = Actor.customer(customer);
            try {
                setup(() -> crm.loyalty().openAccount(admin, new OpenLoyaltyAccountCommand(customer)));
            } catch (CrmException alreadyOpen) {
                // opened by the sign-up; either way it exists
            }
            PurchaseView purchase = setup(() -> crm.sales().recordPurchase(admin, new RecordPurchaseCommand(customer,
                    START.minus(Duration.ofDays(1)), SalesChannel.STORE, "shop", "ORDER-" + side, "EUR",
                    List.of(new RecordPurchaseCommand.Line(1, mug.id(), 2, new BigDecimal("12.00")),
                            new RecordPurchaseCommand.Line(2, lamp.id(), 1, new BigDecimal("30.00"))))));
            QuoteView quote = setup(() -> crm.quotes().request(self, new RequestQuoteCommand(customer, "EUR",
                    List.of(new RequestQuoteCommand.Line(mug.id(), 3)), "Please quote " + side)));
            if (customer.equals(a)) {
                setup(() -> crm.quotes().answer(admin, new AnswerQuoteCommand(quote.id(), quote.version(), "EUR",
                        List.of(new AnswerQuoteCommand.LinePrice(1, new BigDecimal("11.00"))),
                        START.plus(Duration.ofDays(14)), "Delivery in 5 days")));
            }
            setup(() -> crm.tickets().submit(self, new SubmitTicketCommand(customer, "Mug broken " + side,
                    "It cracked.", "hardware", TicketPriority.NORMAL, TicketChannel.WEB, purchase.id(), mug.id(), null,
                    support)));
            setup(() -> crm.feedback().give(self, new GiveFeedbackCommand(customer, purchase.id(), mug.id(), 4,
                    "Nice mug " + side)));
            setup(() -> crm.interactions().log(admin, new LogInteractionCommand(InteractionType.CALL, customer, null,
                    START.minus(Duration.ofHours(1)), 300L, Direction.INBOUND, "Called " + side, "About mugs", null,
                    "ok")));
            setup(() -> crm.tasks().create(admin, new CreateTaskCommand("Call back " + side, "About the mug",
                    START.plus(Duration.ofDays(1)), TaskPriority.MEDIUM, ((Actor.Staff) staff.get(Role.SUPPORT_AGENT))
                    .id(), new TaskLinkData(TaskLinkKind.CUSTOMER, customer.value()), null)));
        }
        setup(() -> crm.leads().create(admin, new CreateLeadCommand("Lee", "Lead", "Acme", "lee@acme.example",
                "+44 20 7946 0003", LeadSource.WEB_FORM, new MoneyData(new BigDecimal("1000"), "EUR"), "Interested",
                ((Actor.Staff) salesRep).id())));
        inLaterStates(salesRep, sales);
        crm.accounts().requestPasswordReset(loginA, CONTEXT);
    }

    /**
     * Records in the states that only a sequence of calls reaches otherwise, so that a single fuzzed call may take
     * them on: a qualified lead (to convert), a lost one (to reopen), a resolved ticket (to reopen), a deactivated
     * customer and staff user (to reactivate), a department without members (to deactivate), a second category.
     */
    private void inLaterStates(Actor salesRep, DepartmentId sales) {
        StaffId rep = ((Actor.Staff) salesRep).id();
        LeadView referral = setup(() -> crm.leads().create(admin, new CreateLeadCommand("Rita", "Referral", null,
                "rita@example.org", null, LeadSource.REFERRAL, null, null, rep)));
        setup(() -> crm.leads().changeStage(admin, new ChangeLeadStageCommand(referral.id(), LeadStage.QUALIFIED,
                null)));
        LeadView gone = setup(() -> crm.leads().create(admin, new CreateLeadCommand("Gil", "Gone", null,
                "gil@example.org", null, LeadSource.CAMPAIGN, null, null, rep)));
        setup(() -> crm.leads().changeStage(admin, new ChangeLeadStageCommand(gone.id(), LeadStage.LOST,
                "Chose a competitor")));
        TicketView ticket = setup(() -> crm.tickets().submit(Actor.customer(a), new SubmitTicketCommand(a,
                "Lamp flickers", "Now and then.", "hardware", TicketPriority.LOW, TicketChannel.EMAIL, null, null,
                null, support)));
        setup(() -> crm.tickets().changeStatus(admin, new ChangeTicketStatusCommand(ticket.id(),
                TicketStatus.RESOLVED, "New bulb")));
        CustomerView carol = setup(() -> crm.customers().register(admin, new RegisterCustomerCommand("Carol", "Gone",
                "carol@example.org", null, null, null, null, CustomerSource.WEB, null, false)));
        setup(() -> crm.customers().deactivate(admin, new CustomerStatusCommand(carol.id())));
        StaffView dan = setup(() -> crm.staff().create(admin, new CreateStaffCommand("Dan", "Departed",
                "dan@crmkit.test", sales, Set.of("SALES_REP"), PASSWORD)));
        setup(() -> crm.staff().deactivate(admin, new StaffStatusCommand(dan.id())));
        deactivated = dan.id();
        setup(() -> crm.departments().create(admin, new CreateDepartmentCommand("Empty", null)));
        setup(() -> crm.products().createCategory(admin, new CreateCategoryCommand("Garden", null)));
    }

    private <T> T setup(Supplier<T> call) {
        T result = call.get();
        harvest(result, null);
        return result;
    }

    // ---- callers ----------------------------------------------------------------------------------------------------

    /** @param caller who @param index which role, for {@link Caller#ROLE} @return the actor, or {@code null} */
    Actor actor(Caller caller, int index) {
        return switch (caller) {
            case ADMIN -> admin;
            case SYSTEM, SYSTEM_NAMED -> SYSTEM;
            case ROLE -> staff.get(Role.values()[index % Role.values().length]);
            case CLERK -> clerk;
            case CUSTOMER_A -> Actor.customer(a);
            case CUSTOMER_B -> Actor.customer(b);
            case ANONYMOUS -> Actor.anonymous();
            case UNKNOWN_STAFF -> Actor.staff(new StaffId(new UUID(0x7000_0000_0000_0000L | index, index)),
                    Set.of(Role.ADMIN));
            case DEACTIVATED_STAFF -> Actor.staff(deactivated, Set.of(Role.ADMIN));
            case NULL -> null;
        };
    }

    /** @param caller who calls @return the context its call's values are made in */
    Ctx context(Caller caller) {
        return switch (caller) {
            case CUSTOMER_A -> new Ctx(this, a, b, loginA);
            case CUSTOMER_B -> new Ctx(this, b, a, null);
            case CLERK -> new Ctx(this, a, b, clerkLogin);
            default -> new Ctx(this, a, b, null);
        };
    }

    // ---- pools ------------------------------------------------------------------------------------------------------

    /** @param type a type @return whether it is an id: a record of one {@code UUID value} */
    static boolean isId(Class<?> type) {
        if (!type.isRecord()) {
            return false;
        }
        RecordComponent[] components = type.getRecordComponents();
        return components.length == 1 && components[0].getType() == UUID.class
                && components[0].getName().equals("value");
    }

    /**
     * @param type  an id type
     * @param how   how to choose
     * @param index which one of those that fit
     * @param ctx   the running call
     * @return an id of the type
     */
    Object pick(Class<?> type, Pick how, int index, Ctx ctx) {
        List<Owned> pool = pools.getOrDefault(type, List.of());
        List<Owned> fit = switch (how) {
            case OWN -> pool.stream().filter(o -> o.owner() == null || o.owner().equals(ctx.own)).toList();
            case FOREIGN -> pool.stream().filter(o -> ctx.other.equals(o.owner())).toList();
            case ANY -> pool;
            case LATEST -> pool.isEmpty() ? List.of() : List.of(pool.get(pool.size() - 1));
            case RANDOM -> List.of();
        };
        if (fit.isEmpty() && how == Pick.FOREIGN) {
            fit = pool;
        }
        if (fit.isEmpty()) {
            return newId(type, new UUID(0x7000_0000_0000_0000L | index, 0x8000_0000_0000_0000L | index));
        }
        return fit.get(index % fit.size()).id();
    }

    /** @param index which @return the UUID of an id seen, or a new one when none was */
    UUID anyUuid(int index) {
        List<Object> all = pools.values().stream().flatMap(List::stream).map(Owned::id).toList();
        return all.isEmpty() ? new UUID(0, index) : uuidOf(all.get(index % all.size()));
    }

    /** @param kind what @param index which @return a text of that kind seen in this world */
    String existing(Known kind, int index) {
        List<String> texts = known.get(kind);
        if (texts.isEmpty()) {
            return kind == Known.CURSOR ? null : "none-seen-" + kind.name().toLowerCase(Locale.ROOT);
        }
        return texts.get(index % texts.size());
    }

    /** @param kind what @param text a text of that kind the fuzzed calls made */
    void remember(Known kind, String text) {
        if (text != null && !known.get(kind).contains(text)) {
            known.get(kind).add(text);
        }
    }

    /** @param login a login as typed @return its password as the world knows it */
    String passwordOf(String login) {
        return login == null ? "No-Such-Passw0rd!"
                : passwords.getOrDefault(login.strip().toLowerCase(Locale.ROOT), "No-Such-Passw0rd!");
    }

    /** @param actor whose password changed @param password the new one */
    void passwordChanged(Actor actor, String password) {
        if (actor != null && actor.equals(Actor.customer(a))) {
            passwords.put(loginA, password);
        } else if (actor instanceof Actor.Staff s && s.id().equals(((Actor.Staff) clerk).id())) {
            passwords.put(clerkLogin, password);
        }
    }

    /** @param token a used reset token @param password the password it set */
    void passwordReset(String token, String password) {
        String login = tokenLogins.get(token == null ? null : token.strip());
        if (login != null) {
            passwords.put(login, password);
        }
    }

    /** @param login the login of an account a fuzzed call made @param password its password */
    void accountMade(String login, String password) {
        if (login != null && password != null) {
            String normalized = login.strip().toLowerCase(Locale.ROOT);
            passwords.put(normalized, password);
            remember(Known.LOGIN, normalized);
        }
    }

    /** @param id an id @return the customer whose record it is, or {@code null} for shared or unknown records */
    CustomerId ownerOf(Object id) {
        if (id instanceof CustomerId customer) {
            return customer;
        }
        return pools.getOrDefault(id.getClass(), List.of()).stream().filter(o -> o.id().equals(id)).findFirst()
                .map(Owned::owner).orElse(null);
    }

    /** @return a number not handed out before, for unique emails, SKUs, references and keys */
    long next() {
        return ++counter;
    }

    private void add(Object id, CustomerId owner) {
        if (notPooled.contains(uuidOf(id)) || !seen.add(id)) {
            return;
        }
        pools.computeIfAbsent(id.getClass(), k -> new ArrayList<>()).add(new Owned(id, owner));
    }

    /**
     * Adds every id and cursor in a result to the pools: an id inside a record that names a customer belongs to that
     * customer (a customer's id to themself), else to the owner given.
     *
     * @param result what an accepted call returned
     * @param owner  whose records it holds, when it does not say
     */
    void harvest(Object result, CustomerId owner) {
        walk(result, owner, 0);
    }

    private void walk(Object value, CustomerId owner, int depth) {
        if (value == null || depth > 6) {
            return;
        }
        if (value instanceof CustomerId customer) {
            add(customer, customer);
        } else if (isId(value.getClass())) {
            add(value, owner);
        } else if (value instanceof Page<?> page) {
            page.nextCursor().ifPresent(c -> remember(Known.CURSOR, c));
            page.items().forEach(item -> walk(item, owner, depth + 1));
        } else if (value instanceof Optional<?> optional) {
            optional.ifPresent(v -> walk(v, owner, depth + 1));
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(v -> walk(v, owner, depth + 1));
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> walk(v, owner, depth + 1));
        } else if (value instanceof Record record && Modifier.isPublic(record.getClass().getModifiers())) {
            Map<String, Object> parts = components(record);
            CustomerId holder = parts.values().stream().filter(CustomerId.class::isInstance)
                    .map(CustomerId.class::cast).findFirst().orElse(owner);
            parts.values().forEach(v -> walk(v, holder, depth + 1));
        }
    }

    /** @param record a public record @return its components by name, in order */
    static Map<String, Object> components(Record record) {
        Map<String, Object> parts = new LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            try {
                parts.put(component.getName(), component.getAccessor().invoke(record));
            } catch (IllegalAccessException e) {
                return Map.of();
            } catch (InvocationTargetException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        return parts;
    }

    private static UUID uuidOf(Object id) {
        return (UUID) components((Record) id).get("value");
    }

    private static Object newId(Class<?> type, UUID value) {
        try {
            return type.getDeclaredConstructor(UUID.class).newInstance(value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + type.getName(), e);
        }
    }

    // ---- reads ------------------------------------------------------------------------------------------------------

    /** A use case's {@code findById}: how the world reads a record back. */
    private record Reader(Method accessor, Method findById) {
    }

    private void findReaders() {
        for (Method accessor : Crm.class.getMethods()) {
            Class<?> type = accessor.getReturnType();
            if (!type.isInterface() || !type.getPackageName().endsWith(".port.in")) {
                continue;
            }
            for (Method method : type.getMethods()) {
                if (method.getName().equals("findById") && method.getParameterCount() == 2
                        && method.getParameterTypes()[0] == Actor.class) {
                    readers.put(method.getParameterTypes()[1], new Reader(accessor, method));
                }
            }
        }
    }

    /** @param id an id @return the record's view as an administrator (or the system) reads it, if it can */
    Optional<Object> read(Object id) {
        Reader reader = readers.get(id.getClass());
        if (reader == null) {
            return Optional.empty();
        }
        for (Actor reading : List.of(admin, SYSTEM)) {
            try {
                Optional<?> found = (Optional<?>) reader.findById().invoke(reader.accessor().invoke(crm), reading, id);
                return found.map(Object.class::cast);
            } catch (InvocationTargetException e) {
                if (!(e.getCause() instanceof CrmException)) {
                    throw new IllegalStateException("reading " + id + " failed", e.getCause());
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return Optional.empty();
    }

    /** @param id an id @return the record's current version, or 0 when it cannot be read */
    long versionOf(Object id) {
        return read(id).filter(Record.class::isInstance).map(v -> components((Record) v).get("version"))
                .filter(Long.class::isInstance).map(Long.class::cast).orElse(0L);
    }
}
