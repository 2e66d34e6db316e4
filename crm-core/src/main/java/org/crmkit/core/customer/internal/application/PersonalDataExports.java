package org.crmkit.core.customer.internal.application;

import java.util.List;
import org.crmkit.core.customer.CustomerPermission;
import org.crmkit.core.customer.internal.domain.Customer;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.PersonalDataExport;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AuditLog;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.PersonalDataSection;
import org.crmkit.core.shared.internal.PersonalDataExporter;
import org.crmkit.core.shared.internal.UseCaseSupport;

/**
 * A customer's GDPR export: their details, the audit trail's entries about them, and each other area's section
 * from its {@link PersonalDataExporter}, in the exporters' order.
 */
final class PersonalDataExports {
    private static final String TYPE = CustomerAccess.TYPE;

    private final UseCaseSupport support;
    private final AuditLog auditLog;
    private final List<PersonalDataExporter> exporters;
    private final CustomerAccess access;

    PersonalDataExports(UseCaseSupport support, AuditLog auditLog, List<PersonalDataExporter> exporters,
                        CustomerAccess access) {
        this.support = support;
        this.auditLog = auditLog;
        this.exporters = List.copyOf(exporters);
        this.access = access;
    }

    PersonalDataExport export(Actor actor, CustomerId customerId) {
        support.validate(actor, new Arguments.CustomerIdQuery(customerId));
        return support.transaction(() -> {
            Customer customer = access.load(actor, CustomerPermission.CUSTOMER_EXPORT, "customer.export", customerId);
            List<PersonalDataExport.ActivityRecord> activity = auditLog.findByTarget(TYPE, customerId.value())
                    .stream()
                    .map(e -> new PersonalDataExport.ActivityRecord(e.at(), e.action(), e.actorType().name(),
                            e.outcome().name()))
                    .toList();
            support.audit(actor, "customer.export", TYPE, customerId.value());
            List<PersonalDataSection> sections = exporters.stream()
                    .flatMap(exporter -> exporter.exportCustomer(customerId).stream()).toList();
            return new PersonalDataExport(customerId, support.now(), CustomerView.of(customer.snapshot()), activity,
                    sections);
        });
    }
}
