package org.crmkit.persistence.mybatis.internal.feedback;

import org.crmkit.core.feedback.FeedbackResponse;
import org.crmkit.core.feedback.FeedbackSnapshot;
import org.crmkit.core.feedback.RatingTally;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.feedback.FeedbackId;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.shared.StaffId;

/** The explicit mapping between a feedback snapshot and its row; no reflection on domain objects. */
final class FeedbackRows {
    private FeedbackRows() {
    }

    static FeedbackRow toRow(FeedbackSnapshot s) {
        FeedbackResponse r = s.response();
        return new FeedbackRow(s.id().value(), s.version(), s.customer().value(), s.purchase().value(),
                s.product().value(), s.rating(), s.comment(), s.givenAt(),
                s.givenBy() == null ? null : s.givenBy().value(), r == null ? null : r.text(),
                r == null || r.respondedBy() == null ? null : r.respondedBy().value(),
                r == null ? null : r.respondedAt(), s.erasedAt());
    }

    static FeedbackSnapshot toSnapshot(FeedbackRow r) {
        FeedbackResponse response = r.answeredAt() == null ? null : new FeedbackResponse(r.responseText(),
                r.answeredBy() == null ? null : new StaffId(r.answeredBy()), r.answeredAt());
        return new FeedbackSnapshot(new FeedbackId(r.id()), r.version(), new CustomerId(r.customerId()),
                new PurchaseId(r.purchaseId()), new ProductId(r.productId()), r.rating(), r.comment(), r.givenAt(),
                r.givenBy() == null ? null : new StaffId(r.givenBy()), response, r.erasedAt());
    }

    static RatingTally toTally(TallyRow r) {
        return new RatingTally(r.rating(), r.count(), r.unanswered());
    }
}
