package org.crmkit.core.ticket.internal.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.internal.port.CustomerDirectory;
import org.crmkit.core.sales.internal.port.PurchaseDirectory;
import org.crmkit.core.staff.internal.port.StaffDirectory;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.FieldError;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.staff.port.in.DepartmentView;
import org.crmkit.core.staff.port.in.StaffView;

/**
 * What a ticket names in other areas, checked through their use cases as the system: the customer, the purchase or
 * product it is about, the department queue and the agent. A link that does not hold is a bad field of the command,
 * whether the record does not exist or belongs to someone else (so a customer learns nothing about others' records).
 */
final class TicketLinks {
    private final CustomerDirectory customers;
    private final StaffDirectory staff;
    private final PurchaseDirectory sales;

    TicketLinks(CustomerDirectory customers, StaffDirectory staff, PurchaseDirectory sales) {
        this.customers = customers;
        this.staff = staff;
        this.sales = sales;
    }

    Optional<CustomerView> customer(CustomerId id) {
        return customers.find(id);
    }

    /**
     * @return the customer, who must exist and not be erased
     */
    CustomerView requireCustomer(CustomerId id) {
        return customer(id).orElseThrow(() -> new NotFoundException("customer", id)).requireNotErased();
    }

    /** Refuses a purchase that is not the customer's, and a product the customer did not buy (in it, if named). */
    void requireBought(CustomerId customer, PurchaseId purchase, ProductId product) {
        List<FieldError> errors = new ArrayList<>();
        if (purchase != null) {
            Optional<PurchaseView> found = sales.find(purchase).filter(p -> customer.equals(p.customer()));
            if (found.isEmpty()) {
                errors.add(new FieldError("purchaseId", "must be a purchase of the ticket's customer"));
            } else if (product != null && !found.get().products().contains(product)) {
                errors.add(new FieldError("productId", "must be a product of the linked purchase"));
            }
        } else if (product != null && !sales.bought(customer, product)) {
            errors.add(new FieldError("productId", "must be a product the ticket's customer bought"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
    }

    /** @param id a department @return whether it exists and is active */
    boolean isActiveDepartment(DepartmentId id) {
        return staff.department(id).filter(DepartmentView::active).isPresent();
    }

    /** @param field the command's field @return the department, which must exist and be active */
    DepartmentId requireActiveDepartment(DepartmentId id, String field) {
        staff.department(id).filter(DepartmentView::active).orElseThrow(() ->
                new InvalidCommandException(List.of(new FieldError(field, "must be an active department"))));
        return id;
    }

    /** @param field the command's field @return the staff user, who must exist and be active */
    StaffView requireActiveStaff(StaffId id, String field) {
        return staff.find(id).filter(StaffView::active).orElseThrow(() ->
                new InvalidCommandException(List.of(new FieldError(field, "must be an active staff user"))));
    }
}
