package org.crmkit.core.fuzz;

import org.crmkit.core.shared.Actor;
import java.util.Set;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.crmkit.core.interaction.port.in.InteractionView;
import org.crmkit.core.interaction.port.in.TimelineQuery;
import org.crmkit.core.lead.LeadStage;
import org.crmkit.core.lead.port.in.ChangeLeadStageCommand;
import org.crmkit.core.loyalty.port.in.LedgerEntryView;
import org.crmkit.core.loyalty.port.in.LoyaltyStatementQuery;
import org.crmkit.core.product.port.in.CategoryView;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.shared.PhoneNumber;
import org.crmkit.core.staff.port.in.SignedUpCustomer;

/**
 * "Accepted text reads back unchanged": after an accepted command, every text it carried is read back through the
 * public API (the record's {@code findById}, the statement, the timeline, the categories) and must be what was sent,
 * or exactly its documented normalisation: trimmed ({@code Texts}: every free text), an email also lower-cased
 * ({@code EmailAddress}), a country code, a SKU and a quote's currency upper-cased, a phone number in E.164
 * ({@code PhoneNumber.parse}), a tag lower-cased ({@code Tag}). A blank text is skipped: in a command it means "none"
 * or "no change".
 *
 * <p>A call that changes nothing writes nothing ({@code UseCaseSupport.applyChange}: a ticket assigned where it is,
 * a rejected quote rejected again, which {@code Quotes.reject} documents): its texts are not stored, so an accepted
 * call that committed no write is not read back.
 *
 * <p>A text field is found in the view under its own name, or where {@link #RULES} says; a field that is not read
 * back (a password, a role's name, a currency read back as a {@code Currency}) is named there with the reason. A text
 * field with neither fails the test, so a field added later is read back or named.
 */
final class ReadBack {
    private static final UnaryOperator<String> TRIMMED = String::strip;
    private static final UnaryOperator<String> LOWER = s -> s.strip().toLowerCase(Locale.ROOT);
    private static final UnaryOperator<String> UPPER = s -> s.strip().toUpperCase(Locale.ROOT);
    private static final UnaryOperator<String> PHONE = s -> PhoneNumber.parse(s).value();

    /**
     * Where a command's text field is read back, and how it is stored.
     *
     * @param viewPath   the path in the view read back ({@code [*]}: any element of a list)
     * @param stored     the documented normalisation
     * @param notBecause why it is not read back, or {@code null} when it is
     */
    record Rule(String viewPath, UnaryOperator<String> stored, String notBecause, Predicate<Record> applies,
                boolean absent) {
        static Rule at(String viewPath, UnaryOperator<String> stored) {
            return new Rule(viewPath, stored, null, command -> true, false);
        }

        static Rule not(String because) {
            return new Rule(null, null, because, command -> false, false);
        }

        /** @param viewPath where it would be @param stored how @return a rule that the text is no longer there */
        static Rule gone(String viewPath, UnaryOperator<String> stored) {
            return new Rule(viewPath, stored, null, command -> true, true);
        }

        /** @param when the commands it reads back (the documented others ignore the text) @return the rule */
        Rule onlyWhen(Predicate<Record> when) {
            return new Rule(viewPath, stored, notBecause, when, absent);
        }
    }

    private static final String PASSWORD = "a password is stored as a hash only";
    private static final String CODE = "a one-time code is checked, never stored (a recovery code's hash is removed)";
    private static final String CURRENCY = "a currency code, read back as the Money's Currency";
    private static final String KEY = "an idempotency key is kept apart from the record it created (IdempotencyKeys); "
            + "a retry with it returns that record, which IdempotentCreationTest checks";
    static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry("RegisterCustomerCommand.email", Rule.at("email", LOWER)),
            Map.entry("RegisterCustomerCommand.phone", Rule.at("phone", PHONE)),
            Map.entry("RegisterCustomerCommand.address.countryCode", Rule.at("address.countryCode", UPPER)),
            Map.entry("UpdateContactDetailsCommand.email", Rule.at("email", LOWER)),
            Map.entry("UpdateContactDetailsCommand.phone", Rule.at("phone", PHONE)),
            Map.entry("UpdateContactDetailsCommand.address.countryCode", Rule.at("address.countryCode", UPPER)),
            Map.entry("CustomerTagCommand.tag", Rule.at("tags[*]", LOWER)),
            Map.entry("Customers.removeTag/CustomerTagCommand.tag", Rule.gone("tags[*]", LOWER)),
            Map.entry("CustomerSignUpCommand.email", Rule.at("email", LOWER)),
            Map.entry("CustomerSignUpCommand.phone", Rule.at("phone", PHONE)),
            Map.entry("CustomerSignUpCommand.password", Rule.not(PASSWORD)),
            Map.entry("AnswerFeedbackCommand.text", Rule.at("response.text", TRIMMED)),
            // "why the lead is lost: required for LOST", and ignored for the other stages (Lead.moveTo)
            Map.entry("ChangeLeadStageCommand.reason", Rule.at("lostReason", TRIMMED)
                    .onlyWhen(c -> ((ChangeLeadStageCommand) c).stage() == LeadStage.LOST)),
            Map.entry("CreateLeadCommand.email", Rule.at("email", LOWER)),
            Map.entry("CreateLeadCommand.phone", Rule.at("phone", PHONE)),
            Map.entry("CreateLeadCommand.estimatedValue.currency", Rule.not(CURRENCY)),
            Map.entry("UpdateLeadCommand.email", Rule.at("email", LOWER)),
            Map.entry("UpdateLeadCommand.phone", Rule.at("phone", PHONE)),
            Map.entry("UpdateLeadCommand.estimatedValue.currency", Rule.not(CURRENCY)),
            Map.entry("RegisterCustomerCommand.idempotencyKey", Rule.not(KEY)),
            Map.entry("CreateLeadCommand.idempotencyKey", Rule.not(KEY)),
            Map.entry("LogInteractionCommand.idempotencyKey", Rule.not(KEY)),
            Map.entry("RequestQuoteCommand.idempotencyKey", Rule.not(KEY)),
            Map.entry("CreateTaskCommand.idempotencyKey", Rule.not(KEY)),
            Map.entry("SubmitTicketCommand.idempotencyKey", Rule.not(KEY)),
            Map.entry("CommentTicketCommand.idempotencyKey", Rule.not(KEY)),
            Map.entry("AdjustPointsCommand.reason", Rule.at("description", TRIMMED)),
            Map.entry("AdjustPointsCommand.idempotencyKey", Rule.at("reference", TRIMMED)),
            Map.entry("RedeemPointsCommand.note", Rule.at("description", TRIMMED)),
            Map.entry("RedeemPointsCommand.idempotencyKey", Rule.at("reference", TRIMMED)),
            Map.entry("CreateProductCommand.sku", Rule.at("sku", UPPER)),
            Map.entry("CreateProductCommand.currency", Rule.not(CURRENCY)),
            Map.entry("RepriceProductCommand.currency", Rule.not(CURRENCY)),
            Map.entry("AnswerQuoteCommand.currency", Rule.not("must be the quote's currency, which the request set")),
            Map.entry("RejectQuoteCommand.reason", Rule.at("rejection", TRIMMED)),
            Map.entry("RequestQuoteCommand.currency", Rule.at("currency", UPPER)),
            Map.entry("RecordPurchaseCommand.currency", Rule.not(CURRENCY)),
            Map.entry("RecordReturnCommand.reference", Rule.at("returns[*].reference", TRIMMED)),
            Map.entry("BootstrapAdminCommand.workEmail", Rule.at("workEmail", LOWER)),
            Map.entry("BootstrapAdminCommand.password", Rule.not(PASSWORD)),
            Map.entry("CreateStaffCommand.workEmail", Rule.at("workEmail", LOWER)),
            Map.entry("CreateStaffCommand.initialPassword", Rule.not(PASSWORD)),
            Map.entry("UpdateStaffCommand.workEmail", Rule.at("workEmail", LOWER)),
            Map.entry("StaffRoleCommand.role", Rule.not("a role's name, read back as a Role")),
            Map.entry("ChangePasswordCommand.currentPassword", Rule.not(PASSWORD)),
            Map.entry("ChangePasswordCommand.newPassword", Rule.not(PASSWORD)),
            Map.entry("ResetPasswordCommand.token", Rule.not("a reset token is stored as a hash only")),
            Map.entry("ResetPasswordCommand.newPassword", Rule.not(PASSWORD)),
            Map.entry("SecondFactorCommand.challenge", Rule.not("a login challenge is stored as a hash only")),
            Map.entry("SecondFactorCommand.code", Rule.not(CODE)),
            Map.entry("MfaCodeCommand.code", Rule.not(CODE)),
            Map.entry("AssignTicketCommand.reason", Rule.at("history[*].reason", TRIMMED)),
            Map.entry("ChangeTicketStatusCommand.reason", Rule.at("history[*].reason", TRIMMED)),
            Map.entry("EscalateTicketCommand.reason", Rule.at("history[*].reason", TRIMMED)),
            Map.entry("ReopenTicketCommand.reason", Rule.at("history[*].reason", TRIMMED)),
            Map.entry("CommentTicketCommand.body", Rule.at("comments[*].body", TRIMMED)));

    /**
     * One text compared.
     *
     * @param field  the command's field, as {@code Command.path}
     * @param sent   what the command carried
     * @param stored every value read back where it is stored
     * @param wanted what must be among them
     */
    record Comparison(String field, String sent, List<String> stored, String wanted, boolean absent) {
        boolean holds() {
            return stored.contains(wanted) != absent;
        }
    }

    private ReadBack() {
    }

    /**
     * @param world     the world the call ran on
     * @param operation the use case called
     * @param args      the accepted call's arguments
     * @param result    what it returned
     * @return every text of its commands compared with what reads back
     * @throws AssertionError for a text field the rules do not place
     */
    /**
     * A customer's own new email or phone is not stored by the change: it waits for its owner to confirm the token
     * sent to it ({@code Customers.updateContactDetails}, ADR 0018), so it is not read back for a customer caller.
     */
    private static final Set<String> HELD_BACK_FOR_A_CUSTOMER = Set.of("UpdateContactDetailsCommand.email",
            "UpdateContactDetailsCommand.phone");

    static List<Comparison> compare(FuzzWorld world, String operation, Object[] args, Object result) {
        List<Comparison> done = new ArrayList<>();
        boolean customerCaller = Arrays.stream(args).anyMatch(Actor.Customer.class::isInstance);
        for (Object arg : args) {
            if (!(arg instanceof Record command) || !command.getClass().getSimpleName().endsWith("Command")) {
                continue;
            }
            Map<String, String> texts = new LinkedHashMap<>();
            texts(command, "", texts, 0);
            texts.values().removeIf(t -> t == null || t.isBlank());
            if (texts.isEmpty()) {
                continue;
            }
            Object view = reread(world, result);
            for (Map.Entry<String, String> text : texts.entrySet()) {
                String field = command.getClass().getSimpleName() + "." + text.getKey();
                Rule rule = RULES.getOrDefault(operation + "/" + field,
                        RULES.getOrDefault(field, Rule.at(text.getKey(), TRIMMED)));
                if (rule.notBecause() != null || !rule.applies().test(command)
                        || customerCaller && HELD_BACK_FOR_A_CUSTOMER.contains(field)) {
                    continue;
                }
                List<String> stored = view == null ? null : at(view, rule.viewPath());
                if (stored == null) {
                    throw new AssertionError("the text field " + field + " is not read back from "
                            + (view == null ? "nothing" : view.getClass().getSimpleName())
                            + ": place it in ReadBack.RULES (or name why it is not read back)");
                }
                done.add(new Comparison(field, text.getValue(), stored, rule.stored().apply(text.getValue()),
                        rule.absent()));
            }
        }
        return done;
    }

    /** Collects a record's texts by path: nested records and present optionals too, not lists. */
    private static void texts(Record record, String prefix, Map<String, String> out, int depth) {
        FuzzWorld.components(record).forEach((name, value) -> {
            Object v = value instanceof Optional<?> optional ? optional.orElse(null) : value;
            if (v instanceof String text) {
                out.put(prefix + name, text);
            } else if (v instanceof Record nested && depth < 3) {
                texts(nested, prefix + name + ".", out, depth + 1);
            }
        });
    }

    /** @return the stored record as the public API reads it back, or what the call returned when it cannot */
    private static Object reread(FuzzWorld world, Object result) {
        try {
            return readBack(world, result);
        } catch (org.crmkit.core.shared.CrmException notForTheReader) {
            return result; // an empty installation's system actor may not read everything back
        }
    }

    private static Object readBack(FuzzWorld world, Object result) {
        if (result instanceof SignedUpCustomer signedUp) {
            return world.read(signedUp.customerId()).orElse(null);
        } else if (result instanceof LedgerEntryView entry) {
            return world.crm.loyalty().statement(world.admin, new LoyaltyStatementQuery(entry.customerId(),
                    PageRequest.first(PageRequest.MAX_SIZE))).entries().items().stream()
                    .filter(e -> e.id().equals(entry.id())).findFirst().map(Object.class::cast).orElse(entry);
        } else if (result instanceof InteractionView interaction) {
            TimelineQuery query = new TimelineQuery(interaction.customerId(),
                    interaction.customerId() == null ? interaction.leadId() : null,
                    PageRequest.first(PageRequest.MAX_SIZE));
            return world.crm.interactions().timeline(world.admin, query).items().stream()
                    .filter(i -> i.id().equals(interaction.id())).findFirst().map(Object.class::cast)
                    .orElse(interaction);
        } else if (result instanceof CategoryView category) {
            return world.crm.products().categories(world.admin).stream().filter(c -> c.id().equals(category.id()))
                    .findFirst().map(Object.class::cast).orElse(category);
        } else if (result instanceof Record record) {
            Object id = FuzzWorld.components(record).get("id");
            if (id != null && FuzzWorld.isId(id.getClass())) {
                return world.read(id).orElse(result);
            }
            return result;
        }
        return null;
    }

    /** @return the texts at a path of a view ({@code [*]} reads every element of a list), or {@code null} if none */
    private static List<String> at(Object view, String path) {
        List<Object> here = List.of(view);
        for (String step : path.split("\\.")) {
            boolean each = step.endsWith("[*]");
            String name = each ? step.substring(0, step.length() - 3) : step;
            List<Object> next = new ArrayList<>();
            for (Object value : here) {
                if (!(value instanceof Record record)) {
                    return null;
                }
                Map<String, Object> parts = FuzzWorld.components(record);
                if (!parts.containsKey(name)) {
                    return null;
                }
                Object part = parts.get(name);
                if (each && part instanceof List<?> list) {
                    next.addAll(list);
                } else if (part != null) {
                    next.add(part);
                }
            }
            here = next;
        }
        List<String> texts = new ArrayList<>();
        for (Object value : here) {
            if (value instanceof String text) {
                texts.add(text);
            } else if (value != null) {
                return null;
            }
        }
        return texts;
    }
}
