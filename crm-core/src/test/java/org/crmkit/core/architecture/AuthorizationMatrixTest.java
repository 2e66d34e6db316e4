package org.crmkit.core.architecture;

import org.crmkit.core.testing.SignUps;
import org.crmkit.core.staff.port.in.AcceptInvitationCommand;

import org.crmkit.core.lead.internal.store.LeadStore;
import org.crmkit.core.ticket.internal.store.TicketStore;
import org.crmkit.core.quote.internal.store.QuoteStore;
import org.crmkit.core.task.internal.store.TaskStore;
import org.crmkit.core.feedback.internal.store.FeedbackStore;
import org.crmkit.core.customer.internal.store.CustomerStore;
import org.crmkit.core.testing.CrmTestAccess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.crmkit.core.Crm;
import org.crmkit.core.audit.port.in.AuditQuery;
import org.crmkit.core.customer.internal.domain.Customer;
import org.crmkit.core.customer.port.in.AssignAccountManagerCommand;
import org.crmkit.core.customer.port.in.CustomerSearchQuery;
import org.crmkit.core.customer.port.in.CustomerSort;
import org.crmkit.core.customer.port.in.CustomerStatusCommand;
import org.crmkit.core.customer.port.in.CustomerTagCommand;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.MarketingConsentCommand;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.customer.port.in.UpdateContactDetailsCommand;
import org.crmkit.core.interaction.Direction;
import org.crmkit.core.interaction.InteractionType;
import org.crmkit.core.interaction.port.in.LogInteractionCommand;
import org.crmkit.core.interaction.port.in.TimelineQuery;
import org.crmkit.core.lead.LeadSource;
import org.crmkit.core.lead.LeadStage;
import org.crmkit.core.lead.port.in.AssignLeadCommand;
import org.crmkit.core.lead.port.in.AssignRoundRobinCommand;
import org.crmkit.core.lead.port.in.ChangeLeadStageCommand;
import org.crmkit.core.lead.port.in.CreateLeadCommand;
import org.crmkit.core.lead.port.in.LeadCommand;
import org.crmkit.core.lead.port.in.LeadSearchQuery;
import org.crmkit.core.lead.port.in.LeadSort;
import org.crmkit.core.lead.port.in.LeadView;
import org.crmkit.core.lead.port.in.UpdateLeadCommand;
import org.crmkit.core.feedback.port.in.AnswerFeedbackCommand;
import org.crmkit.core.feedback.port.in.CustomerFeedbackQuery;
import org.crmkit.core.feedback.port.in.FeedbackStatisticsQuery;
import org.crmkit.core.feedback.port.in.FeedbackView;
import org.crmkit.core.feedback.port.in.GiveFeedbackCommand;
import org.crmkit.core.feedback.port.in.ProductFeedbackEntry;
import org.crmkit.core.feedback.port.in.ProductFeedbackQuery;
import org.crmkit.core.feedback.port.in.UnansweredFeedbackQuery;
import org.crmkit.core.loyalty.LoyaltyAccountSnapshot;
import org.crmkit.core.loyalty.port.in.AdjustPointsCommand;
import org.crmkit.core.loyalty.port.in.BatchResult;
import org.crmkit.core.loyalty.port.in.ExpirePointsCommand;
import org.crmkit.core.loyalty.port.in.LedgerEntryView;
import org.crmkit.core.loyalty.port.in.LoyalCustomersQuery;
import org.crmkit.core.loyalty.port.in.LoyaltyRanking;
import org.crmkit.core.loyalty.port.in.LoyaltyStatement;
import org.crmkit.core.loyalty.port.in.LoyaltyStatementQuery;
import org.crmkit.core.loyalty.port.in.OpenLoyaltyAccountCommand;
import org.crmkit.core.loyalty.port.in.RedeemPointsCommand;
import org.crmkit.core.loyalty.port.in.ReevaluateTiersCommand;
import org.crmkit.core.product.port.in.CategoryView;
import org.crmkit.core.product.port.in.CreateCategoryCommand;
import org.crmkit.core.product.port.in.CreateProductCommand;
import org.crmkit.core.product.port.in.MoveCategoryCommand;
import org.crmkit.core.product.port.in.MoveProductCommand;
import org.crmkit.core.product.port.in.ProductSearchQuery;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.product.port.in.RenameCategoryCommand;
import org.crmkit.core.product.port.in.RepriceProductCommand;
import org.crmkit.core.product.port.in.RetireProductCommand;
import org.crmkit.core.product.port.in.UpdateProductCommand;
import org.crmkit.core.sales.internal.domain.Purchase;
import org.crmkit.core.sales.SalesChannel;
import org.crmkit.core.sales.port.in.PurchaseHistoryQuery;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.sales.port.in.RecordPurchaseCommand;
import org.crmkit.core.sales.port.in.RecordReturnCommand;
import org.crmkit.core.sales.port.in.TopCustomersQuery;
import org.crmkit.core.shared.AccessDeniedException;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AuditCriteria;
import org.crmkit.core.shared.AuditEntry;
import org.crmkit.core.shared.AuditOutcome;
import org.crmkit.core.product.CategoryId;
import org.crmkit.core.shared.CommandValidator;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.feedback.FeedbackId;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.shared.UuidV7;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.CrmException;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.staff.AccountId;
import org.crmkit.core.staff.PasswordPolicy;
import org.crmkit.core.staff.port.in.AccessContext;
import org.crmkit.core.staff.port.in.AccessLogQuery;
import org.crmkit.core.staff.port.in.BootstrapAdminCommand;
import org.crmkit.core.staff.port.in.ChangeDepartmentManagerCommand;
import org.crmkit.core.staff.port.in.ChangePasswordCommand;
import org.crmkit.core.staff.port.in.CreateDepartmentCommand;
import org.crmkit.core.staff.port.in.CreateStaffCommand;
import org.crmkit.core.staff.port.in.CustomerSignUpCommand;
import org.crmkit.core.staff.port.in.DailyActivityQuery;
import org.crmkit.core.staff.port.in.DeactivateDepartmentCommand;
import org.crmkit.core.staff.port.in.LoginResult;
import org.crmkit.core.staff.port.in.MfaCodeCommand;
import org.crmkit.core.staff.port.in.ResetMfaCommand;
import org.crmkit.core.staff.port.in.SecondFactorCommand;
import org.crmkit.core.staff.port.in.MoveStaffCommand;
import org.crmkit.core.staff.port.in.RenameDepartmentCommand;
import org.crmkit.core.staff.port.in.ResetPasswordCommand;
import org.crmkit.core.staff.port.in.StaffRoleCommand;
import org.crmkit.core.staff.port.in.StaffSearchQuery;
import org.crmkit.core.staff.port.in.StaffStatusCommand;
import org.crmkit.core.staff.port.in.StaffView;
import org.crmkit.core.staff.port.in.UpdateStaffCommand;
import org.crmkit.core.staff.port.out.AccessLogCriteria;
import org.crmkit.core.staff.port.out.Pbkdf2PasswordHasher;
import org.crmkit.core.task.TaskId;
import org.crmkit.core.task.internal.domain.Task;
import org.crmkit.core.task.TaskPriority;
import org.crmkit.core.task.TaskStatus;
import org.crmkit.core.task.port.in.CreateTaskCommand;
import org.crmkit.core.task.port.in.MyTasksQuery;
import org.crmkit.core.task.port.in.OverdueTasksQuery;
import org.crmkit.core.task.port.in.ReassignTaskCommand;
import org.crmkit.core.task.port.in.SendDueRemindersCommand;
import org.crmkit.core.task.port.in.TaskStatusCommand;
import org.crmkit.core.task.port.in.TaskView;
import org.crmkit.core.task.port.in.UpdateTaskCommand;
import org.crmkit.core.testing.RecordingPublisher;
import org.crmkit.core.testing.TotpCodes;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Holds {@code docs/authorization.md} and the code to each other. The matrix is read from the document, the use
 * cases are found on {@link Crm} by reflection, and every cell is one dynamic test that calls the real use case, as
 * the column's caller, on a fresh in-memory {@link Crm} with fixtures made through the use cases themselves:
 *
 * <ul>
 *   <li>{@code yes}: not denied on a record the caller neither owns nor shares a department with;</li>
 *   <li>{@code own}: not denied on the caller's own record, denied on a department colleague's and on another
 *       department's;</li>
 *   <li>{@code dept}: not denied on the caller's own and on a colleague's record, denied on another department's;</li>
 *   <li>{@code –}: denied even on the caller's own record (where the caller can have one);</li>
 *   <li>{@code public}: the use case takes no actor and runs.</li>
 * </ul>
 *
 * Use cases without a record to name (creations, searches, lists, the caller's own account) check only "allowed" or
 * "denied"; so do the use cases on a record of the catalog (a category, a product), which belongs to nobody, but a
 * denied call on one must leave that record's version unchanged. A purchase is its customer's record, owned by the
 * customer's account manager: the caller's own purchase is a purchase of a customer they manage (for a customer, their
 * own purchase); an anonymous sale belongs to nobody, so on one every column is checked like a {@code yes} cell
 * would be and only {@code yes} cells may reach it (a customer never). An allowed call must succeed outright, so the
 * fixtures make every allowed call valid. A denied call must throw {@link AccessDeniedException}, add exactly one
 * {@code DENIED} audit entry and nothing else (no access log entry, no event either), and leave its target record
 * unchanged (a denied recording leaves no purchase under its reference). A loyalty account is its customer's record
 * like their purchases; a denied call on one must leave the account's version unchanged (a denied opening leaves no
 * account), and so must a denied batch on the account it would have changed. A lead is its owner's record (the
 * caller's own lead is one they own; customers have none); a denied call on one must leave its version unchanged, and
 * an interaction is the record of its lead or customer, so a denied logging leaves the lead's version unchanged. The
 * {@code customer (other)} cell of a use case on the caller's own account ({@code changePassword}, {@code logout})
 * cannot be called: no parameter can name another account, and that is what its test checks.
 *
 * <p>To see the test fail against a changed matrix, point {@code -Dcrmkit.authorizationDoc=...} at a copy.
 */
class AuthorizationMatrixTest {
    private static final Pattern USE_CASE_NAME = Pattern.compile("`([^`]+)`");
    private static final Pattern INBOUND_PORT_PACKAGE = Pattern.compile("org\\.crmkit\\.core\\.[a-z]+\\.port\\.in");
    /** Earlier than the other tests' clocks, so this test does not push the JVM-wide UuidV7 sequence past them. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-02T10:00:00Z"), ZoneOffset.UTC);
    /** Shared across the many instances only because building a validator is slow; it holds no state. */
    private static final CommandValidator VALIDATOR = CommandValidator.createDefault();
    private static final PasswordPolicy PASSWORD_POLICY = PasswordPolicy.standard();
    static final String PASSWORD = "correct horse battery staple 42";
    static final String NEW_PASSWORD = "a quite different passphrase 77";
    private static final String DASH = "\u2013";
    static final String DOC_PROPERTY = "crmkit.authorizationDoc";

    // ---- the document ------------------------------------------------------------------------------------------

    /** A caller column of the matrix. */
    enum Column {
        ADMIN("ADMIN", Role.ADMIN),
        CRM_MANAGER("CRM_MANAGER", Role.CRM_MANAGER),
        SALES_MANAGER("SALES_MANAGER", Role.SALES_MANAGER),
        SALES_REP("SALES_REP", Role.SALES_REP),
        SUPPORT_MANAGER("SUPPORT_MANAGER", Role.SUPPORT_MANAGER),
        SUPPORT_AGENT("SUPPORT_AGENT", Role.SUPPORT_AGENT),
        PRODUCT_MANAGER("PRODUCT_MANAGER", Role.PRODUCT_MANAGER),
        CUSTOMER_OWN("customer (own)", null),
        CUSTOMER_OTHER("customer (other)", null),
        SYSTEM("system", null),
        ANONYMOUS("anonymous", null),
        DEACTIVATED("deactivated", null);

        final String label;
        final Role role;

        Column(String label, Role role) {
            this.label = label;
            this.role = role;
        }

        /** @return whether the caller is a staff user (one of the roles, or the deactivated one) */
        boolean isStaff() {
            return role != null || this == DEACTIVATED;
        }

        static Optional<Column> byLabel(String label) {
            return Arrays.stream(values()).filter(c -> c.label.equals(label)).findFirst();
        }
    }

    /** A cell's value, as defined in the document's "Cells" table. */
    enum Cell {
        YES("yes"), OWN("own"), DEPT("dept"), NO(DASH), PUBLIC("public");

        final String text;

        Cell(String text) {
            this.text = text;
        }

        boolean grants() {
            return this == YES || this == OWN || this == DEPT;
        }

        static Optional<Cell> parse(String text) {
            return Arrays.stream(values()).filter(c -> c.text.equals(text)).findFirst();
        }
    }

    /** One documented row: the use case and its cell per column. */
    record Row(String useCase, Map<Column, Cell> cells, int line) {
    }

    /** The rows of every table of the document whose first header cell is {@code use case}, in document order. */
    static List<Row> documentedRows() {
        Path doc = locateDocument();
        List<String> lines;
        try {
            lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + doc, e);
        }
        List<Row> rows = new ArrayList<>();
        List<String> header = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith("|")) {
                header = null;
                continue;
            }
            List<String> cells = splitRow(line);
            if (header == null) {
                header = cells;
                if ("use case".equals(header.get(0))) {
                    checkHeader(header, i + 1);
                }
                continue;
            }
            if (!"use case".equals(header.get(0)) || cells.stream().allMatch(c -> c.matches(":?-+:?"))) {
                continue;
            }
            rows.add(parseRow(header, cells, i + 1));
        }
        return rows;
    }

    /** The document, or the file the system property {@value #DOC_PROPERTY} names (to see this test fail). */
    private static Path locateDocument() {
        String override = System.getProperty(DOC_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        for (String candidate : List.of("docs/authorization.md", "../docs/authorization.md")) {
            Path path = Path.of(candidate);
            if (Files.isRegularFile(path)) {
                return path;
            }
        }
        throw new IllegalStateException("docs/authorization.md not found from " + Path.of("").toAbsolutePath());
    }

    private static List<String> splitRow(String line) {
        String inner = line.substring(1, line.endsWith("|") && line.length() > 1 ? line.length() - 1 : line.length());
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
    }

    private static void checkHeader(List<String> header, int line) {
        List<String> callers = header.subList(2, header.size());
        List<String> expected = Arrays.stream(Column.values()).map(c -> c.label).toList();
        if (!"permission".equals(header.get(1)) || !callers.equals(expected)) {
            throw new IllegalStateException("docs/authorization.md:" + line + ": the header should be "
                    + "use case | permission | " + String.join(" | ", expected) + " but is " + header);
        }
    }

    private static Row parseRow(List<String> header, List<String> cells, int line) {
        if (cells.size() != header.size()) {
            throw new IllegalStateException("docs/authorization.md:" + line + ": " + cells.size()
                    + " cells under a header of " + header.size());
        }
        Matcher name = USE_CASE_NAME.matcher(cells.get(0));
        if (!name.find()) {
            throw new IllegalStateException("docs/authorization.md:" + line + ": no `use case` in " + cells.get(0));
        }
        Map<Column, Cell> byColumn = new EnumMap<>(Column.class);
        for (int i = 2; i < header.size(); i++) {
            Column column = Column.byLabel(header.get(i)).orElseThrow();
            String text = cells.get(i);
            Cell cell = Cell.parse(text).orElseThrow(() -> new IllegalStateException("docs/authorization.md:" + line
                    + ": cell '" + text + "' is none of yes, own, dept, " + DASH + ", public"));
            byColumn.put(column, cell);
        }
        return new Row(name.group(1), byColumn, line);
    }

    // ---- the code ----------------------------------------------------------------------------------------------

    /**
     * @return every use case of {@link Crm}: {@code accessor.method} for each public abstract method of each inbound
     * port a public no-argument method of {@code Crm} returns, with the methods of that name (overloads share it)
     */
    static Map<String, List<Method>> discoveredUseCases() {
        Map<String, List<Method>> found = new TreeMap<>();
        for (Method accessor : Crm.class.getMethods()) {
            Class<?> port = accessor.getReturnType();
            if (Modifier.isStatic(accessor.getModifiers()) || accessor.getParameterCount() != 0 || !port.isInterface()
                    || !INBOUND_PORT_PACKAGE.matcher(port.getPackageName()).matches()) {
                continue;
            }
            for (Method method : port.getMethods()) {
                if (Modifier.isAbstract(method.getModifiers())) {
                    found.computeIfAbsent(accessor.getName() + "." + method.getName(), k -> new ArrayList<>())
                            .add(method);
                }
            }
        }
        return found;
    }

    private static boolean takesAnActor(List<Method> methods) {
        return methods.stream().anyMatch(m -> Arrays.asList(m.getParameterTypes()).contains(Actor.class));
    }

    // ---- the structural checks -----------------------------------------------------------------------------------

    @Test
    void everyUseCaseOfCrmHasARowAndEveryRowAUseCase() {
        Set<String> discovered = discoveredUseCases().keySet();
        List<String> documented = documentedRows().stream().map(Row::useCase).toList();
        Set<String> withoutRow = new TreeSet<>(discovered);
        withoutRow.removeAll(documented);
        Set<String> withoutUseCase = new TreeSet<>(documented);
        withoutUseCase.removeAll(discovered);
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(discovered).as("use cases found on Crm").isNotEmpty();
            softly.assertThat(documented).as("use cases documented twice").doesNotHaveDuplicates();
            softly.assertThat(withoutRow).as("use cases of Crm without a row in docs/authorization.md").isEmpty();
            softly.assertThat(withoutUseCase).as("rows of docs/authorization.md without a use case of Crm")
                    .isEmpty();
        });
    }

    @Test
    void everyUseCaseHasAnInvokerAndEveryInvokerAUseCase() {
        Set<String> discovered = discoveredUseCases().keySet();
        Set<String> withoutInvoker = new TreeSet<>(discovered);
        withoutInvoker.removeAll(Invokers.ALL.keySet());
        Set<String> stale = new TreeSet<>(Invokers.ALL.keySet());
        stale.removeAll(discovered);
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(withoutInvoker).as("use cases of Crm without an invoker in AuthorizationMatrixTest")
                    .isEmpty();
            softly.assertThat(stale).as("invokers of AuthorizationMatrixTest without a use case of Crm").isEmpty();
        });
    }

    @Test
    void publicRowsAreExactlyTheUseCasesThatTakeNoActor() {
        Map<String, List<Method>> useCases = discoveredUseCases();
        for (Row row : documentedRows()) {
            boolean anyPublic = row.cells().containsValue(Cell.PUBLIC);
            if (anyPublic) {
                assertThat(row.cells().values()).as("%s: a public row is public in every column", row.useCase())
                        .containsOnly(Cell.PUBLIC);
            }
            List<Method> methods = useCases.get(row.useCase());
            if (methods != null) {
                assertThat(takesAnActor(methods)).as("%s takes an Actor", row.useCase()).isEqualTo(!anyPublic);
                UseCase invoker = Invokers.ALL.get(row.useCase());
                if (invoker != null) {
                    assertThat(invoker.target() == Target.PUBLIC)
                            .as("%s: the invoker is public exactly when the row is", row.useCase())
                            .isEqualTo(anyPublic);
                }
            }
        }
    }

    // ---- the matrix ----------------------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicNode> matrix() {
        Map<String, List<Method>> useCases = discoveredUseCases();
        return documentedRows().stream().map(row -> {
            UseCase useCase = Invokers.ALL.get(row.useCase());
            if (useCase == null) {
                return DynamicTest.dynamicTest(row.useCase() + " → no invoker", () -> fail(
                        "docs/authorization.md:" + row.line() + " documents " + row.useCase()
                                + " but AuthorizationMatrixTest has no invoker for it"));
            }
            List<DynamicTest> tests = new ArrayList<>();
            if (useCase.target() == Target.PUBLIC) {
                tests.add(DynamicTest.dynamicTest(row.useCase() + " × every column (public) → runs",
                        () -> checkAllowed(row.useCase(), null, useCase, null)));
            } else {
                for (Column column : Column.values()) {
                    tests.addAll(cellTests(row, column, useCase, useCases.getOrDefault(row.useCase(), List.of())));
                }
            }
            return DynamicContainer.dynamicContainer(row.useCase(), tests.stream());
        });
    }

    /** The checks of one cell; see the class comment. */
    private static List<DynamicTest> cellTests(Row row, Column column, UseCase useCase, List<Method> methods) {
        Cell cell = row.cells().get(column);
        String prefix = row.useCase() + " × " + column.label + " (" + cell.text + ") → ";
        List<DynamicTest> tests = new ArrayList<>();
        if (cell == Cell.PUBLIC) {
            tests.add(DynamicTest.dynamicTest(prefix + "inconsistent", () -> fail(
                    "a public cell in a row whose use case takes an actor")));
            return tests;
        }
        Target target = useCase.target();
        if (!target.namesARecord()) {
            if (target == Target.OWN_ACCOUNT && column == Column.CUSTOMER_OTHER) {
                // there is no way to name another customer's account: the cell holds by the signature
                tests.add(DynamicTest.dynamicTest(prefix + (cell.grants() ? "allowed" : "denied")
                        + " (no parameter can name another's account)", () -> {
                            assertThat(cell.grants()).as("a customer cannot act on another customer's account "
                                    + "through %s: the cell cannot read %s", row.useCase(), cell.text).isFalse();
                            assertNamesNoRecord(row.useCase(), methods);
                        }));
                return tests;
            }
            tests.add(check(prefix, row.useCase(), column, useCase, null, cell.grants()));
            return tests;
        }
        if (target == Target.PURCHASE && useCase.anonymousSale()) {
            // an anonymous sale is nobody's record: only yes cells reach it, and no customer
            boolean reaches = column == Column.CUSTOMER_OWN ? row.cells().get(Column.CUSTOMER_OTHER) == Cell.YES
                    : cell == Cell.YES;
            tests.add(check(prefix, row.useCase(), column, useCase, Kind.NOBODY, reaches));
        }
        if (column == Column.CUSTOMER_OWN) {
            Kind kind = target.customersHaveOne() ? Kind.OWN : Kind.OTHER;
            tests.add(check(prefix, row.useCase(), column, useCase, kind, cell.grants()));
        } else if (column == Column.CUSTOMER_OTHER || !column.isStaff()) {
            tests.add(check(prefix, row.useCase(), column, useCase, Kind.OTHER, cell == Cell.YES));
        } else {
            switch (cell) {
                case YES:
                    tests.add(check(prefix, row.useCase(), column, useCase, Kind.OTHER, true));
                    break;
                case OWN:
                    tests.add(check(prefix, row.useCase(), column, useCase, Kind.OWN, true));
                    if (target != Target.DEPARTMENT) {
                        tests.add(check(prefix, row.useCase(), column, useCase, Kind.SAME_DEPARTMENT, false));
                    }
                    tests.add(check(prefix, row.useCase(), column, useCase, Kind.OTHER, false));
                    break;
                case DEPT:
                    tests.add(check(prefix, row.useCase(), column, useCase, Kind.OWN, true));
                    if (target != Target.DEPARTMENT) {
                        tests.add(check(prefix, row.useCase(), column, useCase, Kind.SAME_DEPARTMENT, true));
                    }
                    tests.add(check(prefix, row.useCase(), column, useCase, Kind.OTHER, false));
                    break;
                default:
                    tests.add(check(prefix, row.useCase(), column, useCase, Kind.OWN, false));
                    break;
            }
        }
        return tests;
    }

    private static DynamicTest check(String prefix, String name, Column column, UseCase useCase, Kind kind,
                                     boolean allowed) {
        String where = kind == null ? "" : " on " + kind.describe(column);
        return DynamicTest.dynamicTest(prefix + (allowed ? "allowed" : "denied") + where, () -> {
            if (allowed) {
                checkAllowed(name, column, useCase, kind);
            } else {
                checkDenied(name, column, useCase, kind);
            }
        });
    }

    private static void checkAllowed(String name, Column column, UseCase useCase, Kind kind) throws Exception {
        Fixture f = useCase.target() == Target.PUBLIC && useCase.emptyInstallation() ? Fixture.empty()
                : Fixture.forColumn(column == null ? Column.ANONYMOUS : column);
        Call call = useCase.invocation().prepare(f, kind);
        try {
            call.run();
        } catch (AccessDeniedException denied) {
            throw new AssertionError(name + " as " + describe(column) + (kind == null ? "" : " on "
                    + kind.describe(column)) + " was denied, but docs/authorization.md allows it: "
                    + denied.getMessage(), denied);
        } catch (Exception | AssertionError other) {
            throw new AssertionError(name + " as " + describe(column) + (kind == null ? "" : " on "
                    + kind.describe(column)) + " is allowed, so it should succeed with the fixture, but threw "
                    + other, other);
        }
    }

    private static void checkDenied(String name, Column column, UseCase useCase, Kind kind) throws Exception {
        Fixture f = Fixture.forColumn(column);
        Call call = useCase.invocation().prepare(f, kind);
        Optional<Long> versionBefore = f.targetVersion();
        Map<UUID, AuditEntry> before = f.auditEntries();
        int accessLogBefore = f.accessLogSize();
        f.publisher.clear();
        try {
            call.run();
        } catch (AccessDeniedException expected) {
            Map<UUID, AuditEntry> after = f.auditEntries();
            List<AuditEntry> added = after.entrySet().stream().filter(e -> !before.containsKey(e.getKey()))
                    .map(Map.Entry::getValue).toList();
            assertThat(CrmTestAccess.persistence(f.crm).auditLog().count()).as("audit entries after the refused %s", name)
                    .isEqualTo(before.size() + 1L);
            assertThat(added).as("audit entries the refused %s added", name).hasSize(1)
                    .allSatisfy(e -> {
                        assertThat(e.outcome()).isEqualTo(AuditOutcome.DENIED);
                        assertThat(e.actorType()).isEqualTo(f.actor.type());
                        assertThat(e.actorRef()).isEqualTo(f.actor.reference());
                    });
            assertThat(added).as("a refused call writes no SUCCESS entry")
                    .noneMatch(e -> e.outcome() == AuditOutcome.SUCCESS);
            assertThat(f.targetVersion()).as("version of the target of the refused %s", name)
                    .isEqualTo(versionBefore);
            assertThat(f.accessLogSize()).as("access log entries after the refused %s", name)
                    .isEqualTo(accessLogBefore);
            assertThat(f.publisher.events()).as("events published by the refused %s", name).isEmpty();
            return;
        } catch (Exception other) {
            throw new AssertionError(name + " as " + describe(column) + (kind == null ? "" : " on "
                    + kind.describe(column)) + " should be denied (AccessDeniedException) but threw " + other, other);
        }
        throw new AssertionError(name + " as " + describe(column) + (kind == null ? "" : " on "
                + kind.describe(column)) + " should be denied by docs/authorization.md, but succeeded");
    }

    private static String describe(Column column) {
        return column == null ? "anyone" : column.label;
    }

    /** Fails unless no parameter (nor component of a record parameter) of the methods is an id of a record. */
    private static void assertNamesNoRecord(String name, List<Method> methods) {
        Set<Class<?>> ids = Set.of(CustomerId.class, StaffId.class, DepartmentId.class, AccountId.class, UUID.class);
        assertThat(methods).as("methods of %s", name).isNotEmpty();
        for (Method method : methods) {
            for (Class<?> parameter : method.getParameterTypes()) {
                if (parameter == Actor.class) {
                    continue;
                }
                List<Class<?>> types = new ArrayList<>(List.of(parameter));
                if (parameter.isRecord()) {
                    Arrays.stream(parameter.getRecordComponents()).map(RecordComponent::getType).forEach(types::add);
                }
                assertThat(types).as("%s: parameter %s names a record", name, parameter.getSimpleName())
                        .doesNotContainAnyElementsOf(ids);
            }
        }
    }

    // ---- invokers --------------------------------------------------------------------------------------------

    /** What kind of record a use case acts on. */
    enum Target {
        /** No record: a creation, a search, a list. */
        NONE,
        /** The caller's own account, which is never named. */
        OWN_ACCOUNT,
        /** A customer. */
        CUSTOMER,
        /** A staff user's profile. */
        STAFF,
        /** A department. */
        DEPARTMENT,
        /** A record of the catalog (a category, a product): it belongs to nobody, so the cell is yes or no. */
        CATALOG,
        /**
         * A purchase, or a customer's purchases: the customer's record, owned by their account manager. An anonymous
         * sale belongs to nobody.
         */
        PURCHASE,
        /** A lead, owned by its owner (a staff user). Customers have none. */
        LEAD,
        /**
         * A task: the record of its assignee, in the department it belongs to (and of its creator; the fixture's
         * tasks are made by the system, so the assignee decides).
         */
        TASK,
        /** Takes no actor. */
        PUBLIC,
        /**
         * A ticket: its customer's record, owned by its assignee, in its department's queue. The caller's own ticket
         * is one assigned to them (for a customer, their own ticket); a colleague's is one in department A's queue
         * assigned to the colleague; another department's is in department B's queue.
         */
        TICKET;

        boolean namesARecord() {
            return this == CUSTOMER || this == STAFF || this == DEPARTMENT || this == PURCHASE || this == LEAD
                    || this == TASK || this == TICKET;
        }

        /** @return whether a customer caller has a record of this kind of their own */
        boolean customersHaveOne() {
            return this == CUSTOMER || this == PURCHASE || this == TICKET;
        }
    }

    /** Whose record a call acts on, seen from the caller. */
    enum Kind {
        OWN, SAME_DEPARTMENT, OTHER,
        /** A record of nobody: an anonymous sale. */
        NOBODY;

        String describe(Column column) {
            switch (this) {
                case OWN:
                    return "own record";
                case SAME_DEPARTMENT:
                    return "a department colleague's record";
                case NOBODY:
                    return "an anonymous sale (nobody's record)";
                default:
                    return column.isStaff() ? "another department's record" : "someone else's record";
            }
        }
    }

    /** A prepared use case call. */
    @FunctionalInterface
    interface Call {
        void run() throws Exception;
    }

    /** Sets up what a call needs (before the audit trail is looked at) and returns the call. */
    @FunctionalInterface
    interface Invocation {
        Call prepare(Fixture f, Kind kind) throws Exception;
    }

    /**
     * @param target            what the use case acts on
     * @param invocation        the call
     * @param emptyInstallation whether a public use case needs an installation without any administrator
     * @param anonymousSale     whether the invoker can also act on an anonymous sale ({@link Kind#NOBODY})
     */
    record UseCase(Target target, Invocation invocation, boolean emptyInstallation, boolean anonymousSale) {
    }

    /** One invoker per use case of {@link Crm}. */
    static final class Invokers {
        static final Map<String, UseCase> ALL = build();

        private Invokers() {
        }

        private static UseCase on(Target target, Invocation invocation) {
            return new UseCase(target, invocation, false, false);
        }

        /** @return a use case on a purchase that can also be called on an anonymous sale */
        private static UseCase onAnySale(Invocation invocation) {
            return new UseCase(Target.PURCHASE, invocation, false, true);
        }

        private static Map<String, UseCase> build() {
            Map<String, UseCase> m = new LinkedHashMap<>();
            AccessContext ctx = AccessContext.unknown();

            // customers
            m.put("customers.register", on(Target.NONE, (f, k) -> () -> f.crm.customers().register(f.actor,
                    RegisterCustomerCommand.selfSignUp("Rita", "Registered", f.nextEmail(), null, false))));
            m.put("customers.findById", on(Target.CUSTOMER, (f, k) -> {
                CustomerId id = f.customer(k);
                return () -> assertThat(f.crm.customers().findById(f.actor, id)).isPresent();
            }));
            m.put("customers.findByExternalReference", on(Target.CUSTOMER, (f, k) -> {
                String reference = f.externalReferenceOf(f.customer(k));
                return () -> assertThat(f.crm.customers().findByExternalReference(f.actor, reference)).isPresent();
            }));
            m.put("customers.findByExternalReferences", on(Target.NONE, (f, k) -> {
                String reference = f.externalReferenceOf(f.customer(k));
                return () -> assertThat(f.crm.customers().findByExternalReferences(f.actor, List.of(reference)))
                        .containsKey(reference);
            }));
            m.put("customers.search", on(Target.NONE, (f, k) -> () -> f.crm.customers().search(f.actor,
                    CustomerSearchQuery.all(CustomerSort.NAME_ASC, 50))));
            m.put("customers.updateContactDetails", on(Target.CUSTOMER, (f, k) -> {
                CustomerView v = f.customerView(f.customer(k));
                return () -> f.crm.customers().updateContactDetails(f.actor, UpdateContactDetailsCommand.of(v.id(),
                        v.version()).firstName("Changed").build());
            }));
            m.put("customers.deactivate", on(Target.CUSTOMER, (f, k) -> {
                CustomerId id = f.customer(k);
                return () -> f.crm.customers().deactivate(f.actor, new CustomerStatusCommand(id, null));
            }));
            m.put("customers.reactivate", on(Target.CUSTOMER, (f, k) -> {
                CustomerId id = f.customer(k);
                f.crm.customers().deactivate(f.system, new CustomerStatusCommand(id, null));
                return () -> f.crm.customers().reactivate(f.actor, new CustomerStatusCommand(id, null));
            }));
            m.put("customers.assignAccountManager", on(Target.CUSTOMER, (f, k) -> {
                CustomerId id = f.customer(k);
                return () -> f.crm.customers().assignAccountManager(f.actor,
                        new AssignAccountManagerCommand(id, f.admin.id(), null));
            }));
            m.put("customers.addTag", on(Target.CUSTOMER, (f, k) -> {
                CustomerId id = f.customer(k);
                return () -> f.crm.customers().addTag(f.actor, new CustomerTagCommand(id, "vip", null));
            }));
            m.put("customers.removeTag", on(Target.CUSTOMER, (f, k) -> {
                CustomerId id = f.customer(k);
                f.crm.customers().addTag(f.system, new CustomerTagCommand(id, "vip", null));
                return () -> f.crm.customers().removeTag(f.actor, new CustomerTagCommand(id, "vip", null));
            }));
            m.put("customers.changeMarketingConsent", on(Target.CUSTOMER, (f, k) -> {
                CustomerId id = f.customer(k);
                return () -> f.crm.customers().changeMarketingConsent(f.actor,
                        new MarketingConsentCommand(id, true, null));
            }));
            m.put("customers.findPossibleDuplicates", on(Target.CUSTOMER, (f, k) -> {
                CustomerId id = f.customer(k);
                return () -> f.crm.customers().findPossibleDuplicates(f.actor, id);
            }));
            m.put("customers.exportPersonalData", on(Target.CUSTOMER, (f, k) -> {
                CustomerId id = f.customer(k);
                return () -> f.crm.customers().exportPersonalData(f.actor, id);
            }));
            m.put("customers.confirmContact", on(Target.PUBLIC, (f, k) -> {
                CustomerView own = f.crm.customers().register(f.system, RegisterCustomerCommand.selfSignUp("Cyd",
                        "Changing", f.nextEmail(), null, false));
                String wanted = f.nextEmail();
                f.crm.customers().updateContactDetails(Actor.customer(own.id()),
                        UpdateContactDetailsCommand.of(own.id(), own.version()).email(wanted).build());
                String token = f.verificationTokens.get(0);
                return () -> {
                    f.crm.customers().confirmContact(token);
                    assertThat(f.crm.customers().findById(f.system, own.id()).orElseThrow().email())
                            .isEqualTo(wanted);
                };
            }));
            m.put("customers.erase", on(Target.CUSTOMER, (f, k) -> {
                CustomerId id = f.customer(k);
                return () -> f.crm.customers().erase(f.actor, id);
            }));

            // departments
            m.put("departments.create", on(Target.NONE, (f, k) -> () -> f.crm.departments().create(f.actor,
                    new CreateDepartmentCommand("Department " + f.next(), null))));
            m.put("departments.rename", on(Target.DEPARTMENT, (f, k) -> {
                DepartmentId id = f.department(k);
                return () -> f.crm.departments().rename(f.actor,
                        new RenameDepartmentCommand(id, "Renamed " + f.next(), null));
            }));
            m.put("departments.changeManager", on(Target.DEPARTMENT, (f, k) -> {
                DepartmentId id = f.department(k);
                return () -> f.crm.departments().changeManager(f.actor,
                        new ChangeDepartmentManagerCommand(id, f.admin.id(), null));
            }));
            m.put("departments.deactivate", on(Target.DEPARTMENT, (f, k) -> {
                DepartmentId id = f.department(k);
                return () -> f.crm.departments().deactivate(f.actor, new DeactivateDepartmentCommand(id, null));
            }));
            m.put("departments.findById", on(Target.DEPARTMENT, (f, k) -> {
                DepartmentId id = f.department(k);
                return () -> assertThat(f.crm.departments().findById(f.actor, id)).isPresent();
            }));
            m.put("departments.list", on(Target.NONE, (f, k) -> () -> assertThat(
                    f.crm.departments().list(f.actor)).isNotEmpty()));

            // staff users
            m.put("staff.bootstrapAdmin", new UseCase(Target.PUBLIC, (f, k) -> () -> f.crm.staff().bootstrapAdmin(
                    new BootstrapAdminCommand("First", "Admin", "first-admin@crmkit.test", PASSWORD)), true, false));
            m.put("staff.create", on(Target.NONE, (f, k) -> () -> f.crm.staff().create(f.actor,
                    new CreateStaffCommand("New", "Hire", f.nextEmail(), f.departmentB, Set.of("SALES_REP"), null))));
            m.put("staff.update", on(Target.STAFF, (f, k) -> {
                StaffId id = f.staff(k);
                return () -> f.crm.staff().update(f.actor,
                        new UpdateStaffCommand(id, "Renamed", "Person", f.nextEmail(), null));
            }));
            m.put("staff.grantRole", on(Target.STAFF, (f, k) -> {
                StaffId id = f.staff(k);
                return () -> f.crm.staff().grantRole(f.actor, new StaffRoleCommand(id, "PRODUCT_MANAGER", null));
            }));
            m.put("staff.revokeRole", on(Target.STAFF, (f, k) -> {
                StaffId id = f.staff(k);
                String role = f.staffView(id).roles().stream().map(Role::name).sorted().findFirst()
                        .orElse("SALES_REP");
                return () -> f.crm.staff().revokeRole(f.actor, new StaffRoleCommand(id, role, null));
            }));
            m.put("staff.moveToDepartment", on(Target.STAFF, (f, k) -> {
                StaffId id = f.staff(k);
                return () -> f.crm.staff().moveToDepartment(f.actor, new MoveStaffCommand(id, f.departmentC, null));
            }));
            m.put("staff.deactivate", on(Target.STAFF, (f, k) -> {
                StaffId id = f.staff(k);
                return () -> f.crm.staff().deactivate(f.actor, new StaffStatusCommand(id, null));
            }));
            m.put("staff.reactivate", on(Target.STAFF, (f, k) -> {
                StaffId id = f.staff(k);
                if (f.staffView(id).active() && !id.equals(f.callerStaff)) {
                    f.crm.staff().deactivate(f.system, new StaffStatusCommand(id, null));
                }
                return () -> f.crm.staff().reactivate(f.actor, new StaffStatusCommand(id, null));
            }));
            m.put("staff.findById", on(Target.STAFF, (f, k) -> {
                StaffId id = f.staff(k);
                return () -> assertThat(f.crm.staff().findById(f.actor, id)).isPresent();
            }));
            m.put("staff.search", on(Target.NONE, (f, k) -> () -> f.crm.staff().search(f.actor,
                    StaffSearchQuery.all(50))));

            // accounts
            m.put("accounts.authenticate", on(Target.PUBLIC, (f, k) -> () -> assertThat(
                    f.crm.accounts().authenticate(f.admin.workEmail(), PASSWORD, ctx)).isInstanceOf(Actor.Staff.class)));
            m.put("accounts.signUpCustomer", on(Target.PUBLIC, (f, k) -> () -> assertThat(
                    f.crm.accounts().signUpCustomer(SignUps.command(f.crm, "Sam", "Signup", f.nextEmail(), null,
                            false, PASSWORD), ctx).actor()).isInstanceOf(Actor.Customer.class)));
            m.put("accounts.requestSignUp", on(Target.PUBLIC, (f, k) -> () -> {
                f.crm.accounts().requestSignUp(f.nextEmail(), ctx);
                assertThat(f.verificationTokens).as("delivered sign-up tokens").hasSize(1);
            }));
            m.put("accounts.inviteCustomer", on(Target.CUSTOMER, (f, k) -> {
                CustomerId id = f.customer(k);
                return () -> {
                    f.crm.accounts().inviteCustomer(f.actor, id);
                    assertThat(f.verificationTokens).as("delivered invitations").hasSize(1);
                };
            }));
            m.put("accounts.acceptInvitation", on(Target.PUBLIC, (f, k) -> {
                CustomerId id = f.crm.customers().register(f.system, RegisterCustomerCommand.selfSignUp("Ivy",
                        "Invited", f.nextEmail(), null, false)).id();
                f.crm.accounts().inviteCustomer(f.system, id);
                String token = f.verificationTokens.get(0);
                return () -> assertThat(f.crm.accounts().acceptInvitation(new AcceptInvitationCommand(token,
                        PASSWORD), ctx).customerId()).isEqualTo(id);
            }));
            m.put("accounts.requestPasswordReset", on(Target.PUBLIC, (f, k) -> () -> {
                f.crm.accounts().requestPasswordReset(f.admin.workEmail(), ctx);
                assertThat(f.resetTokens).as("delivered reset tokens").hasSize(1);
            }));
            m.put("accounts.resetPassword", on(Target.PUBLIC, (f, k) -> {
                f.crm.accounts().requestPasswordReset(f.admin.workEmail(), ctx);
                assertThat(f.resetTokens).as("delivered reset tokens").hasSize(1);
                String token = f.resetTokens.get(0);
                return () -> f.crm.accounts().resetPassword(new ResetPasswordCommand(token, NEW_PASSWORD), ctx);
            }));
            m.put("accounts.changePassword", on(Target.OWN_ACCOUNT, (f, k) -> () -> f.crm.accounts().changePassword(
                    f.actor, new ChangePasswordCommand(PASSWORD, NEW_PASSWORD), ctx)));
            m.put("accounts.logout", on(Target.OWN_ACCOUNT, (f, k) -> () -> f.crm.accounts().logout(f.actor, ctx)));
            m.put("accounts.login", on(Target.PUBLIC, (f, k) -> () -> assertThat(f.crm.accounts().login(
                    f.admin.workEmail(), PASSWORD, ctx)).isInstanceOf(LoginResult.LoggedIn.class)));
            m.put("accounts.completeLogin", on(Target.PUBLIC, (f, k) -> {
                String secret = f.enrolledSecret(f.adminActor);
                LoginResult first = f.crm.accounts().login(f.admin.workEmail(), PASSWORD, ctx);
                String challenge = ((LoginResult.SecondFactorRequired) first).challenge();
                return () -> assertThat(f.crm.accounts().completeLogin(new SecondFactorCommand(challenge,
                        Fixture.nextCode(secret)), ctx).actor()).isInstanceOf(Actor.Staff.class);
            }));
            m.put("accounts.startMfaEnrolment", on(Target.OWN_ACCOUNT, (f, k) -> () -> assertThat(
                    f.crm.accounts().startMfaEnrolment(f.actor, ctx).otpauthUri()).startsWith("otpauth://totp/")));
            m.put("accounts.confirmMfaEnrolment", on(Target.OWN_ACCOUNT, (f, k) -> {
                String secret = f.startedSecret(f.actor);
                return () -> assertThat(f.crm.accounts().confirmMfaEnrolment(f.actor, new MfaCodeCommand(
                        secret == null ? "123456" : TotpCodes.at(secret, CLOCK.instant())), ctx)).hasSize(10);
            }));
            m.put("accounts.disableMfa", on(Target.OWN_ACCOUNT, (f, k) -> {
                String secret = f.enrolledSecret(f.actor);
                return () -> f.crm.accounts().disableMfa(f.actor, new MfaCodeCommand(secret == null ? "123456"
                        : Fixture.nextCode(secret)), ctx);
            }));
            m.put("accounts.resetMfa", on(Target.STAFF, (f, k) -> {
                StaffId id = f.staff(k);
                f.enrolledSecret(Actor.staff(id, Set.of()));
                return () -> f.crm.accounts().resetMfa(f.actor, ResetMfaCommand.of(id));
            }));
            m.put("accounts.accessLog", on(Target.NONE, (f, k) -> () -> f.crm.accounts().accessLog(f.actor,
                    new AccessLogQuery(null, null, null, null, PageRequest.first(50)))));
            m.put("accounts.dailyActivity", on(Target.NONE, (f, k) -> () -> f.crm.accounts().dailyActivity(f.actor,
                    new DailyActivityQuery(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2), null))));
            m.put("accounts.expireAccessContext", on(Target.NONE, (f, k) -> () -> f.crm.accounts()
                    .expireAccessContext(f.actor, new org.crmkit.core.staff.port.in.ExpireAccessContextCommand(
                            CLOCK.instant()))));

            // catalog
            m.put("products.createCategory", on(Target.NONE, (f, k) -> () -> f.crm.products().createCategory(f.actor,
                    new CreateCategoryCommand("Category " + f.next(), null))));
            m.put("products.renameCategory", on(Target.CATALOG, (f, k) -> {
                CategoryId id = f.category().id();
                return () -> f.crm.products().renameCategory(f.actor,
                        new RenameCategoryCommand(id, "Renamed " + f.next(), null));
            }));
            m.put("products.moveCategory", on(Target.CATALOG, (f, k) -> {
                CategoryId parent = f.category().id();
                CategoryId id = f.category().id();
                return () -> assertThat(f.crm.products().moveCategory(f.actor,
                        new MoveCategoryCommand(id, parent, null)).parent()).isEqualTo(parent);
            }));
            m.put("products.categories", on(Target.NONE, (f, k) -> {
                f.category();
                return () -> assertThat(f.crm.products().categories(f.actor)).isNotEmpty();
            }));
            m.put("products.create", on(Target.NONE, (f, k) -> () -> f.crm.products().create(f.actor,
                    new CreateProductCommand("SKU-" + f.next(), "Product", null, null, new BigDecimal("9.90"),
                            "EUR"))));
            m.put("products.update", on(Target.CATALOG, (f, k) -> {
                ProductId id = f.product().id();
                return () -> f.crm.products().update(f.actor,
                        new UpdateProductCommand(id, "Renamed " + f.next(), "Described", null));
            }));
            m.put("products.moveToCategory", on(Target.CATALOG, (f, k) -> {
                CategoryId category = f.category().id();
                ProductId id = f.product().id();
                return () -> f.crm.products().moveToCategory(f.actor, new MoveProductCommand(id, category, null));
            }));
            m.put("products.reprice", on(Target.CATALOG, (f, k) -> {
                ProductId id = f.product().id();
                return () -> f.crm.products().reprice(f.actor,
                        new RepriceProductCommand(id, new BigDecimal("12.50"), "EUR", null));
            }));
            m.put("products.retire", on(Target.CATALOG, (f, k) -> {
                ProductId id = f.product().id();
                return () -> f.crm.products().retire(f.actor, new RetireProductCommand(id, null));
            }));
            m.put("products.findById", on(Target.CATALOG, (f, k) -> {
                ProductId id = f.product().id();
                return () -> assertThat(f.crm.products().findById(f.actor, id)).isPresent();
            }));
            m.put("products.findBySku", on(Target.CATALOG, (f, k) -> {
                String sku = f.product().sku().toLowerCase(Locale.ROOT);
                return () -> assertThat(f.crm.products().findBySku(f.actor, sku)).isPresent();
            }));
            m.put("products.findBySkus", on(Target.CATALOG, (f, k) -> {
                String sku = f.product().sku().toLowerCase(Locale.ROOT);
                return () -> assertThat(f.crm.products().findBySkus(f.actor, List.of(sku))).containsKey(sku);
            }));
            m.put("products.search", on(Target.NONE, (f, k) -> {
                f.product();
                return () -> assertThat(f.crm.products().search(f.actor, ProductSearchQuery.all(50)).items())
                        .isNotEmpty();
            }));

            // purchases and returns
            m.put("sales.recordPurchase", onAnySale((f, k) -> {
                CustomerId customer = f.purchaseCustomer(k);
                RecordPurchaseCommand command = f.purchaseCommand(customer);
                return () -> {
                    PurchaseView recorded = f.crm.sales().recordPurchase(f.actor, command);
                    assertThat(recorded.customer()).isEqualTo(customer);
                    assertThat(recorded.version()).isZero();
                };
            }));
            m.put("sales.recordReturn", onAnySale((f, k) -> {
                PurchaseView p = f.purchase(k);
                return () -> assertThat(f.crm.sales().recordReturn(f.actor, new RecordReturnCommand(p.id(),
                        List.of(new RecordReturnCommand.Line(1, 1)), p.version())).returns()).hasSize(1);
            }));
            m.put("sales.findById", onAnySale((f, k) -> {
                PurchaseView p = f.purchase(k);
                return () -> assertThat(f.crm.sales().findById(f.actor, p.id())).contains(p);
            }));
            m.put("sales.history", on(Target.PURCHASE, (f, k) -> {
                PurchaseView p = f.purchase(k);
                return () -> assertThat(f.crm.sales().history(f.actor, new PurchaseHistoryQuery(p.customer(),
                        PageRequest.first(50))).items()).containsExactly(p);
            }));
            m.put("sales.totals", on(Target.PURCHASE, (f, k) -> {
                PurchaseView p = f.purchase(k);
                return () -> assertThat(f.crm.sales().totals(f.actor, p.customer()).currencies())
                        .singleElement().satisfies(t -> assertThat(t.amount().amount()).isEqualTo(p.total().amount()));
            }));

            m.put("sales.importSales", on(Target.NONE, (f, k) -> {
                ProductView product = f.product();
                return () -> assertThat(f.crm.sales().importSales(f.actor,
                        org.crmkit.core.sales.port.in.SalesImportOptions.strict("matrix", "EUR"),
                        List.of(new org.crmkit.core.sales.port.in.SaleLine(2, "M-" + f.next(), 1, product.sku(),
                                null, 2, new BigDecimal("3.00"), Instant.parse("2025-06-01T10:00:00Z"), null, null,
                                false)), org.crmkit.core.sales.port.in.ImportProgress.none()).purchases())
                        .isEqualTo(1);
            }));
            m.put("sales.topCustomers", on(Target.NONE, (f, k) -> {
                PurchaseView p = f.purchase(Kind.OTHER);
                return () -> assertThat(f.crm.sales().topCustomers(f.actor, new TopCustomersQuery(
                        Instant.parse("2025-05-01T00:00:00Z"), CLOCK.instant(), true, "EUR", 10)))
                        .singleElement().satisfies(t -> {
                            assertThat(t.customerId()).isEqualTo(p.customer());
                            assertThat(t.purchases()).isEqualTo(1);
                            assertThat(t.amount().amount()).isEqualTo(p.total().amount());
                        });
            }));

            // tickets
            m.put("tickets.submit", on(Target.CUSTOMER, (f, k) -> {
                CustomerId id = f.customer(k);
                return () -> assertThat(f.crm.tickets().submit(f.actor, f.ticketCommand(id)).status())
                        .isEqualTo(org.crmkit.core.ticket.TicketStatus.OPEN);
            }));
            m.put("tickets.findById", on(Target.TICKET, (f, k) -> {
                org.crmkit.core.ticket.TicketId id = f.ticket(k, true);
                return () -> assertThat(f.crm.tickets().findById(f.actor, id)).isPresent();
            }));
            m.put("tickets.search", on(Target.NONE, (f, k) -> () -> f.crm.tickets().search(f.actor,
                    org.crmkit.core.ticket.port.in.TicketSearchQuery.all(50))));
            m.put("tickets.changeStatus", on(Target.TICKET, (f, k) -> {
                org.crmkit.core.ticket.TicketId id = f.ticket(k, true);
                return () -> assertThat(f.crm.tickets().changeStatus(f.actor,
                        new org.crmkit.core.ticket.port.in.ChangeTicketStatusCommand(id,
                                org.crmkit.core.ticket.TicketStatus.IN_PROGRESS, null, null)).status())
                        .isEqualTo(org.crmkit.core.ticket.TicketStatus.IN_PROGRESS);
            }));
            m.put("tickets.reopen", on(Target.TICKET, (f, k) -> {
                org.crmkit.core.ticket.TicketId id = f.ticket(k, true);
                f.crm.tickets().changeStatus(f.system, new org.crmkit.core.ticket.port.in.ChangeTicketStatusCommand(
                        id, org.crmkit.core.ticket.TicketStatus.RESOLVED, null, null));
                return () -> assertThat(f.crm.tickets().reopen(f.actor,
                        new org.crmkit.core.ticket.port.in.ReopenTicketCommand(id, "still broken")).status())
                        .isEqualTo(org.crmkit.core.ticket.TicketStatus.IN_PROGRESS);
            }));
            m.put("tickets.comment", on(Target.TICKET, (f, k) -> {
                org.crmkit.core.ticket.TicketId id = f.ticket(k, true);
                return () -> assertThat(f.crm.tickets().comment(f.actor,
                        new org.crmkit.core.ticket.port.in.CommentTicketCommand(id, false, "A comment")).comments())
                        .hasSize(1);
            }));
            m.put("tickets.assign", on(Target.TICKET, (f, k) -> {
                org.crmkit.core.ticket.TicketId id = f.ticket(k, true);
                return () -> assertThat(f.crm.tickets().assign(f.actor,
                        new org.crmkit.core.ticket.port.in.AssignTicketCommand(id, null, f.departmentC, null, null))
                        .departmentId()).isEqualTo(f.departmentC);
            }));
            m.put("tickets.pickUp", on(Target.TICKET, (f, k) -> {
                org.crmkit.core.ticket.TicketId id = f.ticket(k, false);
                return () -> assertThat(f.crm.tickets().pickUp(f.actor,
                        new org.crmkit.core.ticket.port.in.PickUpTicketCommand(id, null)).assignee())
                        .isEqualTo(f.callerStaff);
            }));
            m.put("tickets.escalate", on(Target.TICKET, (f, k) -> {
                org.crmkit.core.ticket.TicketId id = f.ticket(k, true);
                return () -> assertThat(f.crm.tickets().escalate(f.actor,
                        new org.crmkit.core.ticket.port.in.EscalateTicketCommand(id,
                                org.crmkit.core.ticket.TicketPriority.URGENT, "angry", null, null)).priority())
                        .isEqualTo(org.crmkit.core.ticket.TicketPriority.URGENT);
            }));
            m.put("tickets.atRisk", on(Target.NONE, (f, k) -> () -> f.crm.tickets().atRisk(f.actor,
                    new org.crmkit.core.ticket.port.in.AtRiskQuery(CLOCK.instant(), 0.5, 10))));
            m.put("tickets.checkSla", on(Target.NONE, (f, k) -> () -> f.crm.tickets().checkSla(f.actor,
                    CLOCK.instant())));
            m.put("tickets.report", on(Target.NONE, (f, k) -> {
                f.ticket(Kind.OTHER, true);
                return () -> assertThat(f.crm.tickets().report(f.actor,
                        new org.crmkit.core.ticket.port.in.SupportReportQuery(CLOCK.instant().minusSeconds(86_400),
                                CLOCK.instant().plusSeconds(1))).opened()).isEqualTo(1);
            }));

            // loyalty
            m.put("loyalty.openAccount", on(Target.CUSTOMER, (f, k) -> {
                CustomerId id = f.customer(k);
                f.lastTarget = new Fixture.LoyaltyAccountOf(id);
                return () -> assertThat(f.crm.loyalty().openAccount(f.actor, new OpenLoyaltyAccountCommand(id))
                        .isOpen()).isTrue();
            }));
            m.put("loyalty.statement", on(Target.CUSTOMER, (f, k) -> {
                CustomerId id = f.loyaltyCustomer(k);
                return () -> {
                    LoyaltyStatement statement = f.crm.loyalty().statement(f.actor,
                            new LoyaltyStatementQuery(id, PageRequest.first(50)));
                    assertThat(statement.account().balance()).isEqualTo(Fixture.POINTS);
                    assertThat(statement.entries().items()).hasSize(1);
                };
            }));
            m.put("loyalty.redeem", on(Target.CUSTOMER, (f, k) -> {
                CustomerId id = f.loyaltyCustomer(k);
                String key = "matrix-" + f.next();
                return () -> {
                    LedgerEntryView entry = f.crm.loyalty().redeem(f.actor, new RedeemPointsCommand(id, 5, key,
                            "matrix"));
                    assertThat(entry.points()).isEqualTo(-5);
                    assertThat(entry.balanceAfter()).isEqualTo(Fixture.POINTS - 5);
                };
            }));
            m.put("loyalty.adjust", on(Target.CUSTOMER, (f, k) -> {
                CustomerId id = f.loyaltyCustomer(k);
                return () -> assertThat(f.crm.loyalty().adjust(f.actor, new AdjustPointsCommand(id, 7, "goodwill"))
                        .balanceAfter()).isEqualTo(Fixture.POINTS + 7);
            }));
            m.put("loyalty.expirePoints", on(Target.NONE, (f, k) -> {
                f.lapsedLoyaltyCustomer();
                return () -> {
                    BatchResult result = f.crm.loyalty().expirePoints(f.actor,
                            new ExpirePointsCommand(CLOCK.instant()));
                    assertThat(result.changed()).isEqualTo(1);
                    assertThat(result.points()).isEqualTo(Fixture.LAPSED_POINTS);
                };
            }));
            m.put("loyalty.reevaluateTiers", on(Target.NONE, (f, k) -> {
                f.lapsedLoyaltyCustomer();
                return () -> assertThat(f.crm.loyalty().reevaluateTiers(f.actor,
                        new ReevaluateTiersCommand(Fixture.LAPSED_AT.plusSeconds(86_400))).changed()).isEqualTo(1);
            }));
            m.put("loyalty.loyalCustomers", on(Target.NONE, (f, k) -> {
                CustomerId id = f.loyaltyCustomer(Kind.OTHER);
                return () -> assertThat(f.crm.loyalty().loyalCustomers(f.actor, new LoyalCustomersQuery(
                        Instant.parse("2025-05-01T00:00:00Z"), CLOCK.instant(), LoyaltyRanking.POINTS_EARNED, null,
                        10))).singleElement().satisfies(c -> {
                            assertThat(c.customerId()).isEqualTo(id);
                            assertThat(c.pointsEarned()).isEqualTo(Fixture.POINTS);
                        });
            }));

            // quotes
            m.put("quotes.request", on(Target.CUSTOMER, (f, k) -> {
                CustomerId id = f.customer(k);
                org.crmkit.core.quote.port.in.RequestQuoteCommand command = f.quoteRequest(id);
                f.lastTarget = new Fixture.QuotesOf(id);
                return () -> assertThat(f.crm.quotes().request(f.actor, command).status())
                        .isEqualTo(org.crmkit.core.quote.QuoteStatus.REQUESTED);
            }));
            m.put("quotes.answer", on(Target.CUSTOMER, (f, k) -> {
                org.crmkit.core.quote.port.in.QuoteView q = f.quote(k, false);
                return () -> assertThat(f.crm.quotes().answer(f.actor, f.quoteAnswer(q)).status())
                        .isEqualTo(org.crmkit.core.quote.QuoteStatus.QUOTED);
            }));
            m.put("quotes.accept", on(Target.CUSTOMER, (f, k) -> {
                org.crmkit.core.quote.port.in.QuoteView q = f.quote(k, true);
                return () -> {
                    org.crmkit.core.quote.port.in.QuoteView accepted = f.crm.quotes().accept(f.actor,
                            new org.crmkit.core.quote.port.in.AcceptQuoteCommand(q.id(), q.version()));
                    assertThat(accepted.status()).isEqualTo(org.crmkit.core.quote.QuoteStatus.ACCEPTED);
                    assertThat(f.crm.sales().findById(f.system, accepted.purchase())).isPresent();
                };
            }));
            m.put("quotes.reject", on(Target.CUSTOMER, (f, k) -> {
                org.crmkit.core.quote.port.in.QuoteView q = f.quote(k, true);
                return () -> assertThat(f.crm.quotes().reject(f.actor,
                        new org.crmkit.core.quote.port.in.RejectQuoteCommand(q.id(), q.version(), "too dear"))
                        .status()).isEqualTo(org.crmkit.core.quote.QuoteStatus.REJECTED);
            }));
            m.put("quotes.findById", on(Target.CUSTOMER, (f, k) -> {
                org.crmkit.core.quote.port.in.QuoteView q = f.quote(k, true);
                return () -> assertThat(f.crm.quotes().findById(f.actor, q.id())).contains(q);
            }));
            m.put("quotes.customerQuotes", on(Target.CUSTOMER, (f, k) -> {
                org.crmkit.core.quote.port.in.QuoteView q = f.quote(k, false);
                return () -> assertThat(f.crm.quotes().customerQuotes(f.actor,
                        new org.crmkit.core.quote.port.in.CustomerQuotesQuery(q.customer(), PageRequest.first(50)))
                        .items()).containsExactly(q);
            }));
            m.put("quotes.search", on(Target.NONE, (f, k) -> {
                org.crmkit.core.quote.port.in.QuoteView own = f.quote(Kind.OWN, false);
                org.crmkit.core.quote.port.in.QuoteView other = f.quote(Kind.OTHER, false);
                return () -> {
                    List<org.crmkit.core.quote.port.in.QuoteView> found = f.crm.quotes().search(f.actor,
                            org.crmkit.core.quote.port.in.QuoteSearchQuery.byStatus(
                                    org.crmkit.core.quote.QuoteStatus.REQUESTED, 50)).items();
                    assertThat(found).contains(own);
                    if (new org.crmkit.core.shared.DefaultAccessPolicy().scope(f.actor,
                            org.crmkit.core.quote.QuotePermission.QUOTE_SEARCH) == org.crmkit.core.shared.AccessScope.ANY) {
                        assertThat(found).contains(other);
                    } else {
                        assertThat(found).as("a quote of a customer the caller does not manage").doesNotContain(other);
                    }
                };
            }));
            m.put("quotes.expireQuotes", on(Target.NONE, (f, k) -> {
                f.lapsedQuote();
                return () -> assertThat(f.crm.quotes().expireQuotes(f.actor,
                        new org.crmkit.core.quote.port.in.ExpireQuotesCommand(CLOCK.instant())).expired())
                        .isEqualTo(1);
            }));

            // leads
            m.put("leads.create", on(Target.NONE, (f, k) -> () -> assertThat(f.crm.leads().create(f.actor,
                    CreateLeadCommand.of("Lena", "Lead", f.nextEmail(), LeadSource.WEB_FORM)).stage())
                    .isEqualTo(LeadStage.NEW)));
            m.put("leads.findById", on(Target.LEAD, (f, k) -> {
                LeadId id = f.lead(k);
                return () -> assertThat(f.crm.leads().findById(f.actor, id)).isPresent();
            }));
            m.put("leads.search", on(Target.NONE, (f, k) -> () -> f.crm.leads().search(f.actor,
                    LeadSearchQuery.all(LeadSort.CREATED_DESC, 50))));
            m.put("leads.updateDetails", on(Target.LEAD, (f, k) -> {
                LeadView v = f.leadView(f.lead(k));
                return () -> assertThat(f.crm.leads().updateDetails(f.actor, UpdateLeadCommand.of(v.id())
                        .expectedVersion(v.version()).company("Changed Ltd").notes("changed").build()).company()).isEqualTo("Changed Ltd");
            }));
            m.put("leads.changeStage", on(Target.LEAD, (f, k) -> {
                LeadId id = f.lead(k);
                return () -> assertThat(f.crm.leads().changeStage(f.actor, new ChangeLeadStageCommand(id,
                        LeadStage.CONTACTED, null, null)).stage()).isEqualTo(LeadStage.CONTACTED);
            }));
            m.put("leads.reopen", on(Target.LEAD, (f, k) -> {
                LeadId id = f.lead(k);
                f.crm.leads().changeStage(f.system, new ChangeLeadStageCommand(id, LeadStage.LOST, "no budget",
                        null));
                return () -> assertThat(f.crm.leads().reopen(f.actor, new LeadCommand(id, null)).stage())
                        .isEqualTo(LeadStage.NEW);
            }));
            m.put("leads.assign", on(Target.LEAD, (f, k) -> {
                LeadId id = f.lead(k);
                return () -> assertThat(f.crm.leads().assign(f.actor, new AssignLeadCommand(id, f.admin.id(), null))
                        .owner()).isEqualTo(f.admin.id());
            }));
            m.put("leads.assignRoundRobin", on(Target.LEAD, (f, k) -> {
                LeadId id = f.lead(k);
                return () -> assertThat(f.crm.leads().assignRoundRobin(f.actor, new AssignRoundRobinCommand(id,
                        f.departmentB, null)).owner()).isEqualTo(f.otherDepartment.id());
            }));
            m.put("leads.convert", on(Target.LEAD, (f, k) -> {
                LeadId id = f.lead(k);
                f.crm.leads().changeStage(f.system, new ChangeLeadStageCommand(id, LeadStage.QUALIFIED, null, null));
                return () -> assertThat(f.crm.leads().convert(f.actor, new LeadCommand(id, null)).lead().stage())
                        .isEqualTo(LeadStage.WON);
            }));
            m.put("leads.erase", on(Target.LEAD, (f, k) -> {
                LeadId id = f.lead(k);
                return () -> assertThat(f.crm.leads().erase(f.actor, new LeadCommand(id, null)).lastName())
                        .isEqualTo("[erased]");
            }));

            // interactions
            m.put("interactions.log", on(Target.LEAD, (f, k) -> {
                LeadId id = f.lead(k);
                return () -> assertThat(f.crm.interactions().log(f.actor, new LogInteractionCommand(
                        InteractionType.CALL, null, id, CLOCK.instant(), 120L, Direction.OUTBOUND, "Matrix call", null,
                        f.actor instanceof Actor.Staff s ? s.id() : f.admin.id(), null)).leadId()).isEqualTo(id);
            }));
            m.put("interactions.timeline", on(Target.CUSTOMER, (f, k) -> {
                CustomerId id = f.customer(k);
                f.crm.interactions().log(f.system, new LogInteractionCommand(InteractionType.NOTE, id, null,
                        CLOCK.instant(), null, null, "Matrix note", null, f.admin.id(), null));
                return () -> assertThat(f.crm.interactions().timeline(f.actor, TimelineQuery.ofCustomer(id, 50))
                        .items()).hasSize(1);
            }));

            // tasks
            m.put("tasks.create", on(Target.NONE, (f, k) -> () -> assertThat(f.crm.tasks().create(f.actor,
                    new CreateTaskCommand("Call back " + f.next(), null, Fixture.TASK_DUE, TaskPriority.MEDIUM,
                            f.callerStaff != null ? null : f.colleague.id(), null, null)).status())
                    .isEqualTo(TaskStatus.PENDING)));
            m.put("tasks.update", on(Target.TASK, (f, k) -> {
                TaskId id = f.task(k);
                return () -> f.crm.tasks().update(f.actor, UpdateTaskCommand.of(id).title("Changed " + f.next())
                        .dueAt(Fixture.TASK_DUE).priority(TaskPriority.HIGH).build());
            }));
            m.put("tasks.reassign", on(Target.TASK, (f, k) -> {
                TaskId id = f.task(k);
                return () -> assertThat(f.crm.tasks().reassign(f.actor, new ReassignTaskCommand(id, f.admin.id(),
                        null)).assigneeId()).isEqualTo(f.admin.id());
            }));
            m.put("tasks.start", on(Target.TASK, (f, k) -> {
                TaskId id = f.task(k);
                return () -> assertThat(f.crm.tasks().start(f.actor, new TaskStatusCommand(id, null)).status())
                        .isEqualTo(TaskStatus.IN_PROGRESS);
            }));
            m.put("tasks.complete", on(Target.TASK, (f, k) -> {
                TaskId id = f.task(k);
                return () -> assertThat(f.crm.tasks().complete(f.actor, new TaskStatusCommand(id, null)).status())
                        .isEqualTo(TaskStatus.COMPLETED);
            }));
            m.put("tasks.cancel", on(Target.TASK, (f, k) -> {
                TaskId id = f.task(k);
                return () -> assertThat(f.crm.tasks().cancel(f.actor, new TaskStatusCommand(id, null)).status())
                        .isEqualTo(TaskStatus.CANCELLED);
            }));
            m.put("tasks.findById", on(Target.TASK, (f, k) -> {
                TaskId id = f.task(k);
                return () -> assertThat(f.crm.tasks().findById(f.actor, id)).isPresent();
            }));
            m.put("tasks.myTasks", on(Target.NONE, (f, k) -> {
                if (f.callerStaff != null) {
                    f.task(Kind.OWN);
                }
                return () -> assertThat(f.crm.tasks().myTasks(f.actor, MyTasksQuery.open(50)).items())
                        .hasSize(f.callerStaff != null ? 1 : 0);
            }));
            m.put("tasks.overdue", on(Target.NONE, (f, k) -> () -> f.crm.tasks().overdue(f.actor,
                    OverdueTasksQuery.all(50))));
            m.put("tasks.linkedTo", on(Target.TICKET, (f, k) -> {
                org.crmkit.core.ticket.TicketId id = f.ticket(k, true);
                return () -> f.crm.tasks().linkedTo(f.actor, org.crmkit.core.task.port.in.LinkedTasksQuery.of(
                        org.crmkit.core.task.port.in.TaskLinkData.ticket(id), 50));
            }));
            m.put("tasks.sendDueReminders", on(Target.NONE, (f, k) -> {
                f.taskWithDueReminder();
                return () -> assertThat(f.crm.tasks().sendDueReminders(f.actor,
                        new SendDueRemindersCommand(CLOCK.instant())).sent()).isEqualTo(1);
            }));

            // feedback
            m.put("feedback.give", on(Target.CUSTOMER, (f, k) -> {
                PurchaseView p = f.purchase(k);
                f.lastTarget = new Fixture.FeedbackOf(p.customer());
                ProductId product = p.lines().get(0).product();
                return () -> assertThat(f.crm.feedback().give(f.actor, new GiveFeedbackCommand(p.customer(), p.id(),
                        product, 5, "Great")).rating()).isEqualTo(5);
            }));
            m.put("feedback.answer", on(Target.CUSTOMER, (f, k) -> {
                FeedbackView v = f.feedback(k);
                return () -> assertThat(f.crm.feedback().answer(f.actor, new AnswerFeedbackCommand(v.id(),
                        "Thank you", v.version())).isAnswered()).isTrue();
            }));
            m.put("feedback.findById", on(Target.CUSTOMER, (f, k) -> {
                FeedbackView v = f.feedback(k);
                return () -> assertThat(f.crm.feedback().findById(f.actor, v.id())).contains(v);
            }));
            m.put("feedback.history", on(Target.CUSTOMER, (f, k) -> {
                FeedbackView v = f.feedback(k);
                return () -> assertThat(f.crm.feedback().history(f.actor, new CustomerFeedbackQuery(v.customerId(),
                        PageRequest.first(50))).items()).containsExactly(v);
            }));
            m.put("feedback.forProduct", on(Target.NONE, (f, k) -> {
                FeedbackView v = f.feedback(Kind.OTHER);
                return () -> assertThat(f.crm.feedback().forProduct(f.actor, new ProductFeedbackQuery(v.productId(),
                        PageRequest.first(50))).items()).containsExactly(ProductFeedbackEntry.of(v));
            }));
            m.put("feedback.unanswered", on(Target.NONE, (f, k) -> {
                FeedbackView v = f.feedback(Kind.OTHER);
                return () -> assertThat(f.crm.feedback().unanswered(f.actor, UnansweredFeedbackQuery.first(50))
                        .items()).containsExactly(v);
            }));
            m.put("feedback.statistics", on(Target.NONE, (f, k) -> {
                FeedbackView v = f.feedback(Kind.OTHER);
                return () -> assertThat(f.crm.feedback().statistics(f.actor,
                        FeedbackStatisticsQuery.allTime(v.productId())).count()).isEqualTo(1);
            }));

            // audit trail
            m.put("audit.search", on(Target.NONE, (f, k) -> () -> f.crm.audit().search(f.actor,
                    AuditQuery.all(50))));
            return m;
        }
    }

    // ---- fixtures --------------------------------------------------------------------------------------------

    /**
     * A fresh in-memory {@link Crm} with, made through the use cases: a bootstrap administrator (no department),
     * departments A and B with members and an empty department C, a colleague in A and a staff user in B, and the
     * column's caller: a staff user holding exactly the column's role in A, a deactivated administrator of A, a
     * signed-up customer, the system or the anonymous actor.
     */
    static final class Fixture {
        /** The source of every purchase the fixture records. */
        static final String SALES_SOURCE = "matrix-shop";
        /** The points a purchase of {@link #purchaseCommand} earns under the standard program (20.00 EUR). */
        static final long POINTS = 20;
        /** When the purchase of {@link #lapsedLoyaltyCustomer} was made: its points expired before {@link #CLOCK}. */
        static final Instant LAPSED_AT = Instant.parse("2024-05-01T12:00:00Z");
        /** When the fixture's tasks are due: two days after {@link #CLOCK}. */
        static final Instant TASK_DUE = Instant.parse("2025-06-04T10:00:00Z");
        /** What that purchase earned (1,500.00 EUR): enough for SILVER in a tier window that holds it. */
        static final long LAPSED_POINTS = 1500;
        final Crm crm;
        final RecordingPublisher publisher = new RecordingPublisher();
        final List<String> resetTokens = new ArrayList<>();
        final List<String> verificationTokens = new ArrayList<>();
        final Actor system = Actor.system("matrix-fixture");
        StaffView admin;
        DepartmentId departmentA;
        DepartmentId departmentB;
        DepartmentId departmentC;
        StaffView colleague;
        StaffView otherDepartment;
        Actor actor;
        StaffId callerStaff;
        CustomerId callerCustomer;
        /** The record the invoker chose as the call's target, if any. */
        Object lastTarget;
        private Actor adminActor;
        private ProductId soldProduct;
        private int sequence;

        private Fixture() {
            crm = Crm.builder().clock(CLOCK).passwordHasher(Pbkdf2PasswordHasher.withIterations(1))
                    .validator(VALIDATOR).passwordPolicy(PASSWORD_POLICY).eventPublisher(publisher)
                    .passwordResetNotifier(message -> resetTokens.add(message.token()))
                    .contactVerificationNotifier(message -> verificationTokens.add(message.token())).build();
        }

        /** @return an installation without anyone in it */
        static Fixture empty() {
            return new Fixture();
        }

        /** @param column the caller @return an installation with the common fixtures and that caller */
        static Fixture forColumn(Column column) {
            Fixture f = new Fixture();
            f.admin = f.crm.staff().bootstrapAdmin(new BootstrapAdminCommand("Ada", "Admin", "admin@crmkit.test",
                    PASSWORD));
            f.adminActor = Actor.staff(f.admin.id(), Set.of(Role.ADMIN));
            f.departmentA = f.crm.departments().create(f.adminActor, new CreateDepartmentCommand("Department A",
                    null)).id();
            f.departmentB = f.crm.departments().create(f.adminActor, new CreateDepartmentCommand("Department B",
                    null)).id();
            f.departmentC = f.crm.departments().create(f.adminActor, new CreateDepartmentCommand("Department C",
                    null)).id();
            f.colleague = f.createStaff("Colleague", f.departmentA, Role.SALES_REP);
            f.otherDepartment = f.createStaff("Outsider", f.departmentB, Role.SALES_REP);
            switch (column) {
                case CUSTOMER_OWN:
                case CUSTOMER_OTHER:
                    f.actor = f.crm.accounts().signUpCustomer(SignUps.command(f.crm, "Cora", "Customer",
                            f.nextEmail(), null, false, PASSWORD), AccessContext.unknown()).actor();
                    f.callerCustomer = ((Actor.Customer) f.actor).id();
                    break;
                case SYSTEM:
                    f.actor = Actor.system("matrix-test");
                    break;
                case ANONYMOUS:
                    f.actor = Actor.anonymous();
                    break;
                case DEACTIVATED:
                    StaffView gone = f.createStaff("Deactivated", f.departmentA, Role.ADMIN);
                    f.crm.staff().deactivate(f.adminActor, new StaffStatusCommand(gone.id(), null));
                    f.callerStaff = gone.id();
                    f.actor = Actor.staff(gone.id(), Set.of(Role.ADMIN));
                    break;
                default:
                    StaffView caller = f.createStaff("Caller", f.departmentA, column.role);
                    f.callerStaff = caller.id();
                    f.actor = Actor.staff(caller.id(), Set.of(column.role));
                    break;
            }
            return f;
        }

        private StaffView createStaff(String lastName, DepartmentId department, Role role) {
            return crm.staff().create(adminActor, new CreateStaffCommand("Staff", lastName, nextEmail(), department,
                    Set.of(role.name()), PASSWORD));
        }

        int next() {
            return ++sequence;
        }

        String nextEmail() {
            return "person-" + next() + "@crmkit.test";
        }

        /**
         * @param who a caller
         * @return the secret of the second factor they started to enrol, or {@code null} when they may not
         */
        String startedSecret(Actor who) {
            try {
                return crm.accounts().startMfaEnrolment(who, AccessContext.unknown()).secret();
            } catch (CrmException mayNot) {
                return null;
            }
        }

        /**
         * @param who a caller
         * @return the secret of the second factor they enrolled (confirmed with the code of {@link #CLOCK}'s step),
         *         or {@code null} when they may not
         */
        String enrolledSecret(Actor who) {
            String secret = startedSecret(who);
            if (secret != null) {
                crm.accounts().confirmMfaEnrolment(who, new MfaCodeCommand(TotpCodes.at(secret, CLOCK.instant())),
                        AccessContext.unknown());
            }
            return secret;
        }

        /** @param secret an enrolled secret @return the code of the step after the enrolment's (the clock is fixed) */
        static String nextCode(String secret) {
            return TotpCodes.at(secret, CLOCK.instant().plus(TotpCodes.STEP));
        }

        /**
         * Gives a customer a host reference straight in the store (a signed-up customer has none).
         *
         * @param id a customer
         * @return the reference
         */
        String externalReferenceOf(CustomerId id) {
            String reference = "ext-" + next();
            CrmTestAccess.persistence(crm).unitOfWork().inTransaction(() -> {
                org.crmkit.core.customer.CustomerSnapshot s = new CustomerStore(CrmTestAccess.persistence(crm).customers()).findById(id)
                        .orElseThrow().snapshot();
                Customer changed = Customer.restore(new org.crmkit.core.customer.CustomerSnapshot(s.id(),
                        s.version(), s.contact(), s.personal(), s.registeredAt(), s.status(), s.consent(), s.tags(),
                        s.accountManager(), s.source(), reference, s.erasedAt()));
                new CustomerStore(CrmTestAccess.persistence(crm).customers()).update(changed);
            });
            return reference;
        }

        /** @return a new customer, managed by the given staff user */
        CustomerId managedCustomer(StaffId manager) {
            CustomerView c = crm.customers().register(system, new RegisterCustomerCommand("Carl", "Client " + next(),
                    nextEmail(), null, null, null, null, org.crmkit.core.customer.CustomerSource.REFERRAL, null,
                    false));
            // straight into the store: the manager may be the deactivated caller, whom the use case would refuse
            CrmTestAccess.persistence(crm).unitOfWork().inTransaction(() -> {
                Customer customer = new CustomerStore(CrmTestAccess.persistence(crm).customers()).findById(c.id()).orElseThrow();
                customer.assignAccountManager(manager, customer.snapshot().registeredAt());
                new CustomerStore(CrmTestAccess.persistence(crm).customers()).update(customer);
            });
            return c.id();
        }

        /** @param kind whose @return a customer record of that kind, relative to the caller */
        CustomerId customer(Kind kind) {
            CustomerId id;
            if (kind == Kind.OWN && callerCustomer != null) {
                id = callerCustomer;
            } else if (kind == Kind.OWN) {
                id = managedCustomer(callerStaff != null ? callerStaff : otherDepartment.id());
            } else if (kind == Kind.SAME_DEPARTMENT) {
                id = managedCustomer(colleague.id());
            } else {
                id = managedCustomer(otherDepartment.id());
            }
            lastTarget = id;
            return id;
        }

        /** @param kind whose @return a staff user's profile of that kind, relative to the caller */
        StaffId staff(Kind kind) {
            StaffId id;
            if (kind == Kind.OWN && callerStaff != null) {
                id = callerStaff;
            } else if (kind == Kind.SAME_DEPARTMENT) {
                id = colleague.id();
            } else {
                id = otherDepartment.id();
            }
            lastTarget = id;
            return id;
        }

        /** @param kind whose @return the caller's department, or the empty department C */
        DepartmentId department(Kind kind) {
            DepartmentId id = kind != Kind.OTHER && callerStaff != null ? departmentA : departmentC;
            lastTarget = id;
            return id;
        }

        /** @return a new top-level category, made by the system; it becomes the call's target */
        CategoryView category() {
            CategoryView c = crm.products().createCategory(system, new CreateCategoryCommand("Fixture category "
                    + next(), null));
            lastTarget = c.id();
            return c;
        }

        /** @return a new active product, made by the system; it becomes the call's target */
        ProductView product() {
            ProductView p = crm.products().create(system, new CreateProductCommand("FIX-" + next(), "Fixture product",
                    null, null, new BigDecimal("10.00"), "EUR"));
            lastTarget = p.id();
            return p;
        }

        /** @param kind whose @return the customer of a purchase of that kind, or {@code null} for an anonymous sale */
        CustomerId purchaseCustomer(Kind kind) {
            return kind == Kind.NOBODY ? null : customer(kind);
        }

        /**
         * @param customer the buyer, or {@code null}
         * @return a new purchase of two of a product at 10.00 EUR, under a new reference; that reference becomes
         * the call's target (a denied recording must leave nothing under it)
         */
        RecordPurchaseCommand purchaseCommand(CustomerId customer) {
            if (soldProduct == null) {
                soldProduct = crm.products().create(system, new CreateProductCommand("SOLD-" + next(), "Sold product",
                        null, null, new BigDecimal("10.00"), "EUR")).id();
            }
            String reference = "ORDER-" + next();
            lastTarget = new PurchaseReference(SALES_SOURCE, reference);
            return new RecordPurchaseCommand(customer, Instant.parse("2025-06-01T12:00:00Z"), SalesChannel.STORE,
                    SALES_SOURCE, reference, "EUR", List.of(new RecordPurchaseCommand.Line(1, soldProduct, 2,
                    new BigDecimal("10.00"))));
        }

        /** @param kind whose @return a purchase of that kind, recorded by the system; it becomes the call's target */
        PurchaseView purchase(Kind kind) {
            PurchaseView p = crm.sales().recordPurchase(system, purchaseCommand(purchaseCustomer(kind)));
            lastTarget = p.id();
            return p;
        }

        /**
         * @param kind whose
         * @return a customer of that kind whose loyalty account holds {@link #POINTS}, earned by a purchase the system
         * recorded; the account becomes the call's target
         */
        CustomerId loyaltyCustomer(Kind kind) {
            CustomerId id = customer(kind);
            crm.sales().recordPurchase(system, purchaseCommand(id));
            lastTarget = new LoyaltyAccountOf(id);
            return id;
        }

        /**
         * @return a customer of someone else's whose only points were earned at {@link #LAPSED_AT}: they are due to
         * expire by now but no batch has expired them, and the tier (evaluated when the purchase was recorded, outside
         * its window) is still the lowest; the account becomes the call's target
         */
        CustomerId lapsedLoyaltyCustomer() {
            CustomerId id = customer(Kind.OTHER);
            // straight into the ledger, as it stood before its lot lapsed (the sales use case would expire points
            // that are already lapsed the moment they are earned)
            ProductId product = product().id();
            CrmTestAccess.persistence(crm).unitOfWork().inTransaction(() -> {
                org.crmkit.core.loyalty.internal.store.LoyaltyStore ledger =
                        new org.crmkit.core.loyalty.internal.store.LoyaltyStore(CrmTestAccess.persistence(crm).loyalty());
                ledger.addIfAbsent(org.crmkit.core.loyalty.internal.domain.LoyaltyAccount.open(id,
                        org.crmkit.core.loyalty.LoyaltyProgram.standard().lowestTier(), LAPSED_AT));
                org.crmkit.core.loyalty.internal.domain.LoyaltyAccount account = ledger.lock(id).orElseThrow();
                account.earn(UuidV7.next(CLOCK), UuidV7.next(CLOCK), PurchaseId.next(CLOCK), LAPSED_AT,
                        LAPSED_AT.plusSeconds(365L * 86_400), List.of(new org.crmkit.core.loyalty.EarnedLine(1,
                                product, 150, LAPSED_POINTS, "fixture")), LAPSED_AT);
                ledger.update(account);
            });
            lastTarget = new LoyaltyAccountOf(id);
            return id;
        }

        /** @param customer the customer @return a request for two of the fixture's product, in EUR */
        org.crmkit.core.quote.port.in.RequestQuoteCommand quoteRequest(CustomerId customer) {
            if (soldProduct == null) {
                purchaseCommand(null);
            }
            return new org.crmkit.core.quote.port.in.RequestQuoteCommand(customer, "EUR",
                    List.of(new org.crmkit.core.quote.port.in.RequestQuoteCommand.Line(soldProduct, 2)), "matrix");
        }

        /** @param q a requested quote @return its answer at 9.00 EUR, valid for a week */
        org.crmkit.core.quote.port.in.AnswerQuoteCommand quoteAnswer(org.crmkit.core.quote.port.in.QuoteView q) {
            return new org.crmkit.core.quote.port.in.AnswerQuoteCommand(q.id(), q.version(), "EUR",
                    List.of(new org.crmkit.core.quote.port.in.AnswerQuoteCommand.LinePrice(1, new BigDecimal("9.00"))),
                    CLOCK.instant().plusSeconds(7 * 86_400L), "net 30");
        }

        /**
         * @param kind     whose
         * @param answered whether the system answers it too
         * @return a quote for a customer of that kind, requested by the system; it becomes the call's target
         */
        org.crmkit.core.quote.port.in.QuoteView quote(Kind kind, boolean answered) {
            org.crmkit.core.quote.port.in.QuoteView q = crm.quotes().request(system, quoteRequest(customer(kind)));
            if (answered) {
                q = crm.quotes().answer(system, quoteAnswer(q));
            }
            lastTarget = q.id();
            return q;
        }

        /**
         * Stores a quote of someone else's answered a year ago and valid for a day, which no batch has expired yet
         * (straight into the store: the use case refuses a validity in the past); it becomes the call's target.
         */
        void lapsedQuote() {
            CustomerId customer = customer(Kind.OTHER);
            ProductId product = product().id();
            Instant then = LAPSED_AT;
            org.crmkit.core.quote.internal.domain.Quote q = org.crmkit.core.quote.internal.domain.Quote.request(
                    org.crmkit.core.quote.QuoteId.next(CLOCK), customer, java.util.Currency.getInstance("EUR"),
                    List.of(org.crmkit.core.quote.QuoteLine.requested(1, product, 1)), null, then);
            q.answer(Map.of(1, org.crmkit.core.shared.Money.of("5.00", "EUR")), then.plusSeconds(86_400), null, null,
                    then);
            q.pullEvents();
            CrmTestAccess.persistence(crm).unitOfWork().inTransaction(() -> new QuoteStore(CrmTestAccess.persistence(crm).quotes()).add(q));
            lastTarget = q.id();
        }

        /**
         * @param kind whose
         * @return a new referral lead of that kind (owned by the caller, a colleague or a staff user of another
         * department), created by the system; it becomes the call's target
         */
        LeadId lead(Kind kind) {
            StaffId owner = kind == Kind.OWN && callerStaff != null ? callerStaff
                    : kind == Kind.SAME_DEPARTMENT ? colleague.id() : otherDepartment.id();
            LeadId id = crm.leads().create(system, new CreateLeadCommand("Lou", "Lead " + next(), null, nextEmail(),
                    null, LeadSource.REFERRAL, null, null, null)).id();
            // straight into the store: the owner may be the deactivated caller or one who may not own leads
            CrmTestAccess.persistence(crm).unitOfWork().inTransaction(() -> {
                org.crmkit.core.lead.internal.domain.Lead lead = new LeadStore(CrmTestAccess.persistence(crm).leads()).findById(id).orElseThrow();
                lead.assignTo(owner, CLOCK.instant());
                new LeadStore(CrmTestAccess.persistence(crm).leads()).update(lead);
            });
            lastTarget = id;
            return id;
        }

        LeadView leadView(LeadId id) {
            return crm.leads().findById(system, id).orElseThrow();
        }

        /**
         * @param kind whose
         * @return feedback (4 stars) given by the system on a new purchase of a customer of that kind; it becomes the
         * call's target
         */
        FeedbackView feedback(Kind kind) {
            PurchaseView p = purchase(kind);
            FeedbackView v = crm.feedback().give(system, new GiveFeedbackCommand(p.customer(), p.id(),
                    p.lines().get(0).product(), 4, "Fine"));
            lastTarget = v.id();
            return v;
        }

        /** A customer's feedback, which a giving adds to: the target of {@code feedback.give}. */
        record FeedbackOf(CustomerId customer) {
        }

        /** @param customer whose @return a normal web ticket for them */
        org.crmkit.core.ticket.port.in.SubmitTicketCommand ticketCommand(CustomerId customer) {
            return new org.crmkit.core.ticket.port.in.SubmitTicketCommand(customer, "Subject " + next(),
                    "Description", null, org.crmkit.core.ticket.TicketPriority.NORMAL,
                    org.crmkit.core.ticket.TicketChannel.WEB, null, null, null, null);
        }

        /**
         * @param kind     whose, relative to the caller
         * @param assigned whether a colleague's and another department's ticket are assigned (else only queued)
         * @return a ticket of that kind, submitted by the system; it becomes the call's target
         */
        org.crmkit.core.ticket.TicketId ticket(Kind kind, boolean assigned) {
            CustomerId customer = kind == Kind.OWN && callerCustomer != null ? callerCustomer
                    : managedCustomer(otherDepartment.id());
            org.crmkit.core.ticket.TicketId id = crm.tickets().submit(system, ticketCommand(customer)).id();
            StaffId agent;
            DepartmentId queue;
            if (kind == Kind.OWN) {
                agent = callerStaff;
                queue = departmentB;
            } else if (kind == Kind.SAME_DEPARTMENT) {
                agent = assigned ? colleague.id() : null;
                queue = departmentA;
            } else {
                agent = assigned ? otherDepartment.id() : null;
                queue = departmentB;
            }
            // straight into the store: the agent may be the deactivated caller, whom the use case would refuse
            CrmTestAccess.persistence(crm).unitOfWork().inTransaction(() -> {
                org.crmkit.core.ticket.internal.domain.Ticket t = new TicketStore(CrmTestAccess.persistence(crm).tickets()).findById(id).orElseThrow();
                t.assign(agent, queue, null, system, CLOCK.instant());
                new TicketStore(CrmTestAccess.persistence(crm).tickets()).update(t);
            });
            lastTarget = id;
            return id;
        }

        CustomerView customerView(CustomerId id) {
            return crm.customers().findById(system, id).orElseThrow();
        }

        StaffView staffView(StaffId id) {
            return crm.staff().findById(system, id).orElseThrow();
        }

        /** @return the version of the record the invoker chose as the call's target, read as the system */
        Optional<Long> targetVersion() {
            if (lastTarget instanceof CustomerId c) {
                return crm.customers().findById(system, c).map(CustomerView::version);
            }
            if (lastTarget instanceof StaffId s) {
                return crm.staff().findById(system, s).map(StaffView::version);
            }
            if (lastTarget instanceof DepartmentId d) {
                return crm.departments().findById(system, d).map(v -> v.version());
            }
            if (lastTarget instanceof ProductId p) {
                return crm.products().findById(system, p).map(ProductView::version);
            }
            if (lastTarget instanceof CategoryId c) {
                return crm.products().categories(system).stream().filter(v -> v.id().equals(c)).findFirst()
                        .map(CategoryView::version);
            }
            if (lastTarget instanceof LeadId l) {
                return crm.leads().findById(system, l).map(LeadView::version);
            }
            if (lastTarget instanceof TaskId t) {
                return crm.tasks().findById(system, t).map(TaskView::version);
            }
            if (lastTarget instanceof PurchaseId p) {
                return crm.sales().findById(system, p).map(PurchaseView::version);
            }
            if (lastTarget instanceof org.crmkit.core.ticket.TicketId t) {
                return crm.tickets().findById(system, t).map(v -> v.version());
            }
            if (lastTarget instanceof LoyaltyAccountOf a) {
                return CrmTestAccess.persistence(crm).unitOfWork().inTransaction(() -> CrmTestAccess.persistence(crm).loyalty()
                        .find(a.customer())).map(LoyaltyAccountSnapshot::version);
            }
            if (lastTarget instanceof org.crmkit.core.quote.QuoteId q) {
                return crm.quotes().findById(system, q).map(org.crmkit.core.quote.port.in.QuoteView::version);
            }
            if (lastTarget instanceof QuotesOf q) {
                // a denied request leaves the customer's quotes as they were: compare how many there are
                return Optional.of((long) crm.quotes().customerQuotes(system,
                        new org.crmkit.core.quote.port.in.CustomerQuotesQuery(q.customer(), PageRequest.first(200)))
                        .items().size());
            }
            if (lastTarget instanceof FeedbackId id) {
                return crm.feedback().findById(system, id).map(FeedbackView::version);
            }
            if (lastTarget instanceof FeedbackOf o) {
                // no version before the first: how many feedbacks the customer has stands in for it
                return Optional.of((long) crm.feedback().history(system, new CustomerFeedbackQuery(o.customer(),
                        PageRequest.first(PageRequest.MAX_SIZE))).items().size());
            }
            if (lastTarget instanceof PurchaseReference r) {
                return CrmTestAccess.persistence(crm).unitOfWork().inTransaction(() -> CrmTestAccess.persistence(crm).purchases()
                        .findByReference(r.source(), r.externalReference())).map(org.crmkit.core.sales.PurchaseSnapshot::version);
            }
            return Optional.empty();
        }

        /**
         * @param kind whose
         * @return a new pending task assigned to the caller, a department colleague or a staff user of another
         * department (stored straight: the caller may be the deactivated one); it becomes the call's target
         */
        TaskId task(Kind kind) {
            return storeTask(kind, null);
        }

        /** @return a task of someone else's whose reminder is due now; it becomes the call's target */
        TaskId taskWithDueReminder() {
            return storeTask(Kind.OTHER, CLOCK.instant());
        }

        private TaskId storeTask(Kind kind, Instant remindAt) {
            StaffId assignee = kind == Kind.OWN && callerStaff != null ? callerStaff
                    : kind == Kind.OTHER ? otherDepartment.id() : colleague.id();
            DepartmentId department = kind == Kind.OTHER ? departmentB : departmentA;
            Task task = Task.create(TaskId.next(CLOCK), "Fixture task " + next(), null, TASK_DUE,
                    TaskPriority.MEDIUM, assignee, department, null, null, remindAt, CLOCK.instant());
            CrmTestAccess.persistence(crm).unitOfWork().inTransaction(() -> new TaskStore(CrmTestAccess.persistence(crm).tasks()).add(task));
            lastTarget = task.id();
            return task.id();
        }

        /** A purchase not recorded yet: the target of a recording. */
        record PurchaseReference(String source, String externalReference) {
        }

        /** A customer's quotes: the target of a request, which must leave them as they were when denied. */
        record QuotesOf(CustomerId customer) {
        }

        /** A customer's loyalty account, which may not be open yet: the target of a loyalty use case. */
        record LoyaltyAccountOf(CustomerId customer) {
        }

        /** @return how many entries the access log holds */
        int accessLogSize() {
            return CrmTestAccess.persistence(crm).accessLog().search(new AccessLogCriteria(null, null, null, null),
                    Integer.MAX_VALUE).size();
        }

        /** @return every audit entry by id */
        Map<UUID, AuditEntry> auditEntries() {
            return CrmTestAccess.persistence(crm).auditLog().search(new AuditCriteria(null, null, null, null, null, null, null,
                    null), Integer.MAX_VALUE).stream().collect(Collectors.toMap(AuditEntry::id, Function.identity()));
        }
    }

}
