package org.crmkit.core.shared;

import java.util.List;
import java.util.stream.Stream;
import org.crmkit.core.audit.AuditPermission;
import org.crmkit.core.customer.CustomerPermission;
import org.crmkit.core.feedback.FeedbackPermission;
import org.crmkit.core.interaction.InteractionPermission;
import org.crmkit.core.lead.LeadPermission;
import org.crmkit.core.loyalty.LoyaltyPermission;
import org.crmkit.core.product.ProductPermission;
import org.crmkit.core.quote.QuotePermission;
import org.crmkit.core.sales.SalesPermission;
import org.crmkit.core.staff.StaffPermission;
import org.crmkit.core.task.TaskPermission;
import org.crmkit.core.ticket.TicketPermission;

/** Every area's permissions, for tests that walk all of them (a new area adds its enum here). */
public final class AllPermissions {

    private AllPermissions() {
    }

    /** @return every permission, area by area */
    public static List<Permission> all() {
        return Stream.<Permission[]>of(CustomerPermission.values(), StaffPermission.values(),
                        ProductPermission.values(), SalesPermission.values(), LoyaltyPermission.values(),
                        QuotePermission.values(), LeadPermission.values(), InteractionPermission.values(),
                        TaskPermission.values(), FeedbackPermission.values(), TicketPermission.values(),
                        AuditPermission.values())
                .flatMap(Stream::of).toList();
    }
}
