package org.crmkit.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.loyalty.LoyaltyProgram;
import org.crmkit.core.sales.port.in.ImportSummary;
import org.crmkit.core.sales.port.in.PurchaseHistoryQuery;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.sales.port.in.RejectedLine;
import org.crmkit.core.sales.port.in.SalesImportOptions;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.testing.LoyaltyWorld;
import org.junit.jupiter.api.Test;

/**
 * A retail CSV file through the reader and the import, end to end: good lines, a malformed line, a wrong date, a
 * repeated order, a cancellation; the summary agrees with what is stored, and a second run imports nothing.
 */
class CsvImportTest {

    @Test
    void aRetailFileIsImportedWithItsCancellationAndASecondRunImportsNothing() throws IOException {
        LoyaltyWorld world = new LoyaltyWorld(Crm.inMemoryPersistence(), LoyaltyProgram.standard(),
                Instant.parse("2011-01-10T09:00:00Z"), "csv");
        CustomerId alice = world.crm().customers().register(LoyaltyWorld.SYSTEM, RegisterCustomerCommand.imported(
                "Alice", "Anders", "alice@example.org", "17850")).id();
        String sku1 = world.product("85123A", "2.55", null).sku();
        String sku2 = world.product("71053", "3.39", null).sku();
        String csv = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
                + "536365," + sku1 + ",WHITE HANGING HEART,6,12/1/2010 8:26,2.55,17850,United Kingdom\n"
                + "536365," + sku2 + ",\"LANTERN, WHITE\",6,12/1/2010 8:26,3.39,17850.0,United Kingdom\n"
                + "536366," + sku1 + ",WHITE HANGING HEART,2,12/1/2010 8:28,2.55,,United Kingdom\n"
                + "536367," + sku1 + ",WHITE HANGING HEART,1,2010-12-01 08:34,2.55,17850,United Kingdom\n"
                + "536368," + sku2 + ",LANTERN,1,12/1/2010 8:34,3.39,17850,United Kingdom,extra\n"
                + "C536379," + sku1 + ",WHITE HANGING HEART,-2,12/1/2010 9:41,2.55,17850,United Kingdom\n"
                + "536365," + sku1 + ",WHITE HANGING HEART,6,12/1/2010 8:26,2.55,17850,United Kingdom\n";
        SalesImportOptions options = SalesImportOptions.strict("retail", "GBP").withBatchSize(2);

        ImportSummary first = importFile(world, csv, options);

        assertThat(first.rejected()).containsExactly(
                new RejectedLine(5, "occurredAt", "must be a date and time as M/d/yyyy H:mm"),
                new RejectedLine(6, "line", "has 9 fields; the header has 8"),
                new RejectedLine(8, "orderReference", "was imported before with other lines"));
        assertThat(first).extracting(ImportSummary::linesRead, ImportSummary::linesImported,
                        ImportSummary::linesRejected, ImportSummary::purchases, ImportSummary::returns)
                .containsExactly(7L, 4L, 3L, 2L, 1L);
        List<PurchaseView> history = world.crm().sales().history(world.manager(),
                new PurchaseHistoryQuery(alice, PageRequest.first(10))).items();
        assertThat(history).singleElement().satisfies(p -> {
            assertThat(p.lines()).extracting(l -> l.quantity(), l -> l.returned())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(6, 2),
                            org.assertj.core.groups.Tuple.tuple(6, 0));
            assertThat(p.total().currency().getCurrencyCode()).isEqualTo("GBP");
        });
        long balance = world.statement(alice).account().balance();
        assertThat(balance).as("15.30 + 20.34 GBP earn 15 + 20; two of six hearts take back 5").isEqualTo(30);

        ImportSummary second = importFile(world, csv, options);

        assertThat(second).extracting(ImportSummary::linesImported, ImportSummary::linesAlreadyImported,
                ImportSummary::linesRejected).containsExactly(0L, 4L, 3L);
        assertThat(world.statement(alice).account().balance()).isEqualTo(balance);
    }

    private static ImportSummary importFile(LoyaltyWorld world, String csv, SalesImportOptions options)
            throws IOException {
        List<long[]> progress = new ArrayList<>();
        try (SalesCsvReader rows = SalesCsvReader.open(new StringReader(csv), SalesCsvFormat.retail())) {
            ImportSummary summary = world.crm().sales().importSales(world.manager(), options, rows,
                    (read, imported, rejected) -> progress.add(new long[] {read, imported, rejected}));
            assertThat(progress.get(progress.size() - 1))
                    .containsExactly(summary.linesRead(), summary.linesImported(), summary.linesRejected());
            return summary;
        }
    }
}
