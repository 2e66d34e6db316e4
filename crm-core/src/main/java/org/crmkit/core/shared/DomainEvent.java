package org.crmkit.core.shared;

import java.time.Instant;

/** Something that happened in the domain, named in the past tense. Events carry ids, never personal data. */
public interface DomainEvent {
    /** @return when it happened, from the injected clock */
    Instant occurredAt();
}
