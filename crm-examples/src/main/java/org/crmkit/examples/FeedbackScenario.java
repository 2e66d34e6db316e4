package org.crmkit.examples;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.crmkit.core.Crm;
import org.crmkit.core.feedback.port.in.AnswerFeedbackCommand;
import org.crmkit.core.feedback.port.in.CustomerFeedbackQuery;
import org.crmkit.core.feedback.port.in.FeedbackStatistics;
import org.crmkit.core.feedback.port.in.FeedbackStatisticsQuery;
import org.crmkit.core.feedback.port.in.FeedbackView;
import org.crmkit.core.feedback.port.in.GiveFeedbackCommand;
import org.crmkit.core.feedback.port.in.ProductFeedback;
import org.crmkit.core.feedback.port.in.UnansweredFeedbackQuery;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.shared.AccessDeniedException;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.shared.Role;

/**
 * The feedback scenario a host runs after the {@link SalesScenario}, printing a readable transcript: the customer who
 * signed up in the web shop rates the notebook of their web order (and is refused a second rating of it); the support
 * agent of the {@link StaffScenario} records the rating the sales scenario's buyer gave on the phone for the same
 * notebook, bought in the store; the CRM manager reads the queue of unanswered feedback; the agent and the CRM manager
 * answer; the customer reads their feedback with the response (and is refused when they try to answer it
 * themself); the product manager reads the notebook's statistics.
 *
 * <p>Everything hangs on this run's purchases and products, so the scenario can run again and again against one
 * database.
 */
public final class FeedbackScenario {
    private static final int PAGE_SIZE = 10;

    private final Crm crm;
    private final Clock clock;
    private final PrintStream out;

    /**
     * @param crm   the configured crmkit instance the host embeds
     * @param clock the clock {@code crm} was built with
     * @param out   where the transcript goes
     */
    public FeedbackScenario(Crm crm, Clock clock, PrintStream out) {
        this.crm = Objects.requireNonNull(crm, "crm");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * @param runToken this run's token (for the transcript)
     * @param staff    the staff scenario's result (the CRM manager, the support agent, the product manager)
     * @param sales    the sales scenario's result (the signed-up customer's web order, the buyer's store orders)
     * @return what the host got back, for its checks
     */
    public Result run(String runToken, StaffScenario.Result staff, SalesScenario.Result sales) {
        ProductFeedback feedback = crm.feedback();
        Actor crmManager = staff.member(Role.CRM_MANAGER).actor();
        Actor agent = staff.member(Role.SUPPORT_AGENT).actor();
        Actor productManager = staff.member(Role.PRODUCT_MANAGER).actor();
        Actor customer = sales.selfCustomer();
        CustomerId customerId = ((Actor.Customer) customer).id();
        PurchaseView webOrder = sales.webPurchase();
        ProductId notebook = webOrder.lines().get(0).product();
        out.println();
        out.println("#### Feedback (run " + runToken + ", " + clock.instant() + ")");

        section("The customer rates the notebook of their web order " + webOrder.externalReference());
        FeedbackView own = feedback.give(customer, GiveFeedbackCommand.builder().customerId(customerId)
                .purchaseId(webOrder.id()).productId(notebook).rating(5)
                .comment("Lovely paper,\nno bleed-through with a fountain pen.").build());
        print(own);

        section("They rate it again from another tab: one rating per product of a purchase");
        ConflictException duplicate = refusedAsDuplicate(() -> feedback.give(customer, GiveFeedbackCommand.builder()
                .customerId(customerId).purchaseId(webOrder.id()).productId(notebook).rating(4).comment("Still good")
                .build()));
        line("refused: code=%s field=%s", duplicate.code(), duplicate.field());

        PurchaseView storeOrder = sales.second();
        section("The buyer " + storeOrder.customer() + " calls support; the agent records their rating of the same "
                + "notebook, bought in the store (" + storeOrder.externalReference() + ")");
        FeedbackView byPhone = feedback.give(agent, GiveFeedbackCommand.builder().customerId(storeOrder.customer())
                .purchaseId(storeOrder.id()).productId(notebook).rating(2)
                .comment("The cover came loose after a week.").build());
        print(byPhone);

        section("The CRM manager reads the queue of unanswered feedback, oldest first");
        Page<FeedbackView> queue = feedback.unanswered(crmManager, UnansweredFeedbackQuery.first(PAGE_SIZE));
        queue.items().forEach(this::print);
        line(queue.hasNext() ? "(more on the next page)" : "(last page)");

        section("The support agent answers the web customer; the CRM manager answers the buyer");
        FeedbackView answered = feedback.answer(agent, new AnswerFeedbackCommand(own.id(),
                "Thank you! We passed your words on to the paper mill.", own.version()));
        print(answered);
        FeedbackView answeredByPhone = feedback.answer(crmManager, new AnswerFeedbackCommand(byPhone.id(),
                "Sorry about the cover: a replacement is on its way.", byPhone.version()));
        print(answeredByPhone);

        section("The customer reads their feedback with the response");
        Page<FeedbackView> mine = feedback.history(customer, new CustomerFeedbackQuery(customerId,
                PageRequest.first(PAGE_SIZE)));
        mine.items().forEach(this::print);

        section("The customer tries to answer their own feedback");
        AccessDeniedException denied;
        try {
            feedback.answer(customer, new AnswerFeedbackCommand(own.id(), "Me again"));
            throw new IllegalStateException("a customer answered feedback");
        } catch (AccessDeniedException e) {
            denied = e;
        }
        line("refused: code=%s permission=%s", denied.code(), denied.permission());

        section("The product manager reads the notebook's statistics, all time and for the last day");
        FeedbackStatistics stats = feedback.statistics(productManager, FeedbackStatisticsQuery.allTime(notebook));
        print("all time", stats);
        FeedbackStatistics lastDay = feedback.statistics(productManager, new FeedbackStatisticsQuery(notebook,
                clock.instant().minus(Duration.ofDays(1)), null));
        print("last day", lastDay);
        out.flush();
        return new Result(own, duplicate, byPhone, queue, answered, answeredByPhone, mine, denied, stats);
    }

    private ConflictException refusedAsDuplicate(Runnable call) {
        try {
            call.run();
        } catch (ConflictException e) {
            return e;
        }
        throw new IllegalStateException("a second rating of one product of a purchase was stored");
    }

    private void print(FeedbackView f) {
        line("%s  %d/5  customer=%s given=%s%s", f.id(), f.rating(), f.customerId(), f.givenAt(),
                f.givenBy() == null ? "" : " recordedBy=" + f.givenBy());
        if (f.comment() != null) {
            line("   \"%s\"", f.comment().replace("\n", " / "));
        }
        if (f.response() != null) {
            line("   answered %s by %s: \"%s\"", f.response().respondedAt(), f.response().respondedBy(),
                    f.response().text());
        }
    }

    private void print(String label, FeedbackStatistics s) {
        line("%-8s count=%d average=%s distribution(1..5)=%s unanswered=%d", label, s.count(),
                s.average().map(Object::toString).orElse("-"), s.distribution(), s.unanswered());
    }

    private void section(String title) {
        out.println();
        out.println("== " + title);
    }

    private void line(String format, Object... args) {
        out.println("   " + String.format(Locale.ROOT, format, args));
    }

    /**
     * What the feedback scenario got back.
     *
     * @param own             the signed-up customer's feedback as given
     * @param duplicate       the refusal of their second rating
     * @param byPhone         the buyer's feedback recorded by the support agent
     * @param queue           the first page of unanswered feedback, before the answers
     * @param answered        the customer's feedback with the agent's response
     * @param answeredByPhone the buyer's feedback with the CRM manager's response
     * @param mine            the customer's own feedback as they read it
     * @param customerDenial  the refusal of the customer's answer
     * @param statistics      the notebook's statistics, all time
     */
    public record Result(FeedbackView own, ConflictException duplicate, FeedbackView byPhone,
                         Page<FeedbackView> queue, FeedbackView answered, FeedbackView answeredByPhone,
                         Page<FeedbackView> mine, AccessDeniedException customerDenial,
                         FeedbackStatistics statistics) {
    }
}
