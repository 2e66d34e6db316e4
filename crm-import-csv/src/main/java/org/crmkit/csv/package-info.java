/**
 * Reads sales exports in CSV into the typed rows of {@code Sales.importSales}: {@link org.crmkit.csv.SalesCsvReader}
 * streams a file with FastCSV, and {@link org.crmkit.csv.SalesCsvFormat} says which column holds which field, how
 * dates are written and how cancellations are marked.
 */
package org.crmkit.csv;
