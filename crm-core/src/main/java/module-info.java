/**
 * crmkit's CRM core. The module exports exactly the public API (ADR 0011): {@code Crm} and its configuration, the
 * kernel ({@code shared}), the SPI ({@code spi}) and, per area, its vocabulary, its use cases ({@code port.in}) and
 * its SPI ({@code port.out}). Every package named {@code internal} (domain, application services, stores, in-memory
 * adapters) stays inside; {@code crm-core/api/crm-core.api} lists what the exports hold.
 *
 * <p>Hibernate Validator reads the commands' constraints reflectively, so the packages holding validated records are
 * opened to it alone.
 *
 * <p>{@code com.eatthepath.otp} (java-otp, the TOTP codes of the second login factor) is an automatic module: its jar
 * names itself in its manifest ({@code Automatic-Module-Name}), which is stable, and none of its types appears in
 * crmkit's API, so the requirement is not transitive.
 */
@SuppressWarnings("requires-automatic")
module org.crmkit.core {
    requires transitive jakarta.validation;
    requires org.hibernate.validator;
    requires org.slf4j;
    requires com.eatthepath.otp;

    exports org.crmkit.core;
    exports org.crmkit.core.audit;
    exports org.crmkit.core.audit.port.in;
    exports org.crmkit.core.customer;
    exports org.crmkit.core.customer.port.in;
    exports org.crmkit.core.customer.port.out;
    exports org.crmkit.core.feedback;
    exports org.crmkit.core.feedback.port.in;
    exports org.crmkit.core.feedback.port.out;
    exports org.crmkit.core.interaction;
    exports org.crmkit.core.interaction.port.in;
    exports org.crmkit.core.interaction.port.out;
    exports org.crmkit.core.lead;
    exports org.crmkit.core.lead.port.in;
    exports org.crmkit.core.lead.port.out;
    exports org.crmkit.core.loyalty;
    exports org.crmkit.core.loyalty.port.in;
    exports org.crmkit.core.loyalty.port.out;
    exports org.crmkit.core.product;
    exports org.crmkit.core.product.port.in;
    exports org.crmkit.core.product.port.out;
    exports org.crmkit.core.quote;
    exports org.crmkit.core.quote.port.in;
    exports org.crmkit.core.quote.port.out;
    exports org.crmkit.core.sales;
    exports org.crmkit.core.sales.port.in;
    exports org.crmkit.core.sales.port.out;
    exports org.crmkit.core.shared;
    exports org.crmkit.core.spi;
    exports org.crmkit.core.staff;
    exports org.crmkit.core.staff.port.in;
    exports org.crmkit.core.staff.port.out;
    exports org.crmkit.core.task;
    exports org.crmkit.core.task.port.in;
    exports org.crmkit.core.task.port.out;
    exports org.crmkit.core.ticket;
    exports org.crmkit.core.ticket.port.in;
    exports org.crmkit.core.ticket.port.out;

    opens org.crmkit.core.shared to org.hibernate.validator;
    opens org.crmkit.core.audit.port.in to org.hibernate.validator;
    opens org.crmkit.core.customer.internal.application to org.hibernate.validator;
    opens org.crmkit.core.customer.port.in to org.hibernate.validator;
    opens org.crmkit.core.feedback.internal.application to org.hibernate.validator;
    opens org.crmkit.core.feedback.port.in to org.hibernate.validator;
    opens org.crmkit.core.interaction.port.in to org.hibernate.validator;
    opens org.crmkit.core.lead.internal.application to org.hibernate.validator;
    opens org.crmkit.core.lead.port.in to org.hibernate.validator;
    opens org.crmkit.core.loyalty.port.in to org.hibernate.validator;
    opens org.crmkit.core.product.internal.application to org.hibernate.validator;
    opens org.crmkit.core.product.port.in to org.hibernate.validator;
    opens org.crmkit.core.quote.internal.application to org.hibernate.validator;
    opens org.crmkit.core.quote.port.in to org.hibernate.validator;
    opens org.crmkit.core.sales.internal.application to org.hibernate.validator;
    opens org.crmkit.core.sales.port.in to org.hibernate.validator;
    opens org.crmkit.core.staff.internal.application to org.hibernate.validator;
    opens org.crmkit.core.staff.port.in to org.hibernate.validator;
    opens org.crmkit.core.task.internal.application to org.hibernate.validator;
    opens org.crmkit.core.task.port.in to org.hibernate.validator;
    opens org.crmkit.core.ticket.internal.application to org.hibernate.validator;
    opens org.crmkit.core.ticket.port.in to org.hibernate.validator;
}
