package org.crmkit.core.internal.inmemory;

import org.crmkit.core.contract.AccessLogContract;
import org.crmkit.core.contract.AccountRepositoryContract;
import org.crmkit.core.contract.AuditLogContract;
import org.crmkit.core.contract.IdempotencyKeysContract;
import org.crmkit.core.contract.CategoryRepositoryContract;
import org.crmkit.core.contract.CustomerRepositoryContract;
import org.crmkit.core.contract.InteractionRepositoryContract;
import org.crmkit.core.contract.LeadRepositoryContract;
import org.crmkit.core.contract.DepartmentRepositoryContract;
import org.crmkit.core.contract.FeedbackRepositoryContract;
import org.crmkit.core.contract.LoyaltyRepositoryContract;
import org.crmkit.core.contract.ContactOwnershipContract;
import org.crmkit.core.contract.ContactVerificationContract;
import org.crmkit.core.contract.PasswordResetTokenContract;
import org.crmkit.core.contract.ProductRepositoryContract;
import org.crmkit.core.contract.PurchaseRepositoryContract;
import org.crmkit.core.contract.StaffRepositoryContract;
import org.crmkit.core.contract.TaskRepositoryContract;
import org.crmkit.core.contract.UnitOfWorkContract;
import org.crmkit.core.spi.CrmPersistence;
import org.junit.jupiter.api.Nested;

/** The in-memory adapters pass every port contract. */
class InMemoryContractsTest {

    @Nested
    class Customers extends CustomerRepositoryContract {
        @Override
        protected CrmPersistence emptyPersistence() {
            return InMemoryCrmPersistence.create();
        }
    }

    @Nested
    class Audit extends AuditLogContract {
        @Override
        protected CrmPersistence emptyPersistence() {
            return InMemoryCrmPersistence.create();
        }
    }

    @Nested
    class Keys extends IdempotencyKeysContract {
        @Override
        protected CrmPersistence emptyPersistence() {
            return InMemoryCrmPersistence.create();
        }
    }

    @Nested
    class Transactions extends UnitOfWorkContract {
        @Override
        protected CrmPersistence emptyPersistence() {
            return InMemoryCrmPersistence.create();
        }
    }

    @Nested
    class Departments extends DepartmentRepositoryContract {
        @Override
        protected CrmPersistence emptyPersistence() {
            return InMemoryCrmPersistence.create();
        }
    }

    @Nested
    class Staff extends StaffRepositoryContract {
        @Override
        protected CrmPersistence emptyPersistence() {
            return InMemoryCrmPersistence.create();
        }
    }

    @Nested
    class Accounts extends AccountRepositoryContract {
        @Override
        protected CrmPersistence emptyPersistence() {
            return InMemoryCrmPersistence.create();
        }
    }

    @Nested
    class ContactOwnership extends ContactOwnershipContract {
        @Override
        protected CrmPersistence emptyPersistence() {
            return InMemoryCrmPersistence.create();
        }
    }

    @Nested
    class ContactVerifications extends ContactVerificationContract {
        @Override
        protected CrmPersistence emptyPersistence() {
            return InMemoryCrmPersistence.create();
        }
    }

    @Nested
    class ResetTokens extends PasswordResetTokenContract {
        @Override
        protected CrmPersistence emptyPersistence() {
            return InMemoryCrmPersistence.create();
        }
    }

    @Nested
    class SecondFactors extends org.crmkit.core.contract.SecondFactorRepositoryContract {
        @Override
        protected CrmPersistence emptyPersistence() {
            return InMemoryCrmPersistence.create();
        }
    }

    @Nested
    class AccessLogs extends AccessLogContract {
        @Override
        protected CrmPersistence emptyPersistence() {
            return InMemoryCrmPersistence.create();
        }
    }

    @Nested
    class Categories extends CategoryRepositoryContract {
        @Override
        protected CrmPersistence emptyPersistence() {
            return InMemoryCrmPersistence.create();
        }
    }

    @Nested
    class Products extends ProductRepositoryContract {
        @Override
        protected CrmPersistence emptyPersistence() {
            return InMemoryCrmPersistence.create();
        }
    }

    @Nested
    class Purchases extends PurchaseRepositoryContract {
        @Override
        protected CrmPersistence emptyPersistence() {
            return InMemoryCrmPersistence.create();
        }
    }

    @Nested
    class Exports extends org.crmkit.core.contract.PersonalDataExportContract {
        @Override
        protected CrmPersistence emptyPersistence() {
            return InMemoryCrmPersistence.create();
        }
    }

    @Nested
    class Loyalty extends LoyaltyRepositoryContract {
        @Override
        protected CrmPersistence emptyPersistence() {
            return InMemoryCrmPersistence.create();
        }
    }

    @Nested
    class Quotes extends org.crmkit.core.contract.QuoteRepositoryContract {
        @Override
        protected CrmPersistence emptyPersistence() {
            return InMemoryCrmPersistence.create();
        }
    }

    @Nested
    class Leads extends LeadRepositoryContract {
        @Override
        protected CrmPersistence emptyPersistence() {
            return InMemoryCrmPersistence.create();
        }
    }

    @Nested
    class Interactions extends InteractionRepositoryContract {
        @Override
        protected CrmPersistence emptyPersistence() {
            return InMemoryCrmPersistence.create();
        }
    }

    @Nested
    class Tasks extends TaskRepositoryContract {
        @Override
        protected CrmPersistence emptyPersistence() {
            return InMemoryCrmPersistence.create();
        }
    }

    @Nested
    class Feedback extends FeedbackRepositoryContract {
        @Override
        protected CrmPersistence emptyPersistence() {
            return InMemoryCrmPersistence.create();
        }
    }

    @Nested
    class Tickets extends org.crmkit.core.contract.TicketRepositoryContract {
        @Override
        protected CrmPersistence emptyPersistence() {
            return InMemoryCrmPersistence.create();
        }
    }
}
