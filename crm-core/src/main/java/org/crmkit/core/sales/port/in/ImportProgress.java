package org.crmkit.core.sales.port.in;

/**
 * Hears how far a sales import has got, after every batch (for a progress bar); called on the import's thread,
 * between two of its transactions, while a database adapter may still hold the import's connection (see
 * {@link org.crmkit.core.shared.UnitOfWork#inSeries}): keep it short, and do not make it wait for crmkit work on
 * another thread.
 */
@FunctionalInterface
public interface ImportProgress {

    /**
     * @param linesRead     lines read so far
     * @param linesImported lines stored so far (as purchases or returns)
     * @param linesRejected lines rejected so far
     */
    void progress(long linesRead, long linesImported, long linesRejected);

    /** @return a listener that ignores progress */
    static ImportProgress none() {
        return (read, imported, rejected) -> { };
    }
}
