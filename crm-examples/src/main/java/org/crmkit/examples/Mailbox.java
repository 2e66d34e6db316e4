package org.crmkit.examples;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.crmkit.core.customer.port.out.ContactVerificationNotifier;

/**
 * The host's delivery of contact verifications in this example: a real host mails the token as a link (or texts it
 * to a phone) from a queue; this one keeps the messages so the scenarios can play the person who opens the mail.
 * Thread-safe. It logs nothing: the address is personal data and the token is a secret.
 */
public final class Mailbox implements ContactVerificationNotifier {
    private final List<Message> messages = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void deliver(Message message) {
        messages.add(message);
    }

    /**
     * @param address an email or an E.164 phone
     * @return the token of the latest message with one sent there
     * @throws IllegalStateException when none was sent there
     */
    public String latestTokenFor(String address) {
        synchronized (messages) {
            for (int i = messages.size() - 1; i >= 0; i--) {
                Message m = messages.get(i);
                if (m.address().equals(address) && !m.alreadyRegistered()) {
                    return m.token();
                }
            }
        }
        throw new IllegalStateException("no token was sent to that address");
    }
}
