package org.sakshi.ingest.chat;

import java.util.List;
import org.sakshi.core.DateOrder;
import org.sakshi.core.AmbiguousDateOrderException;

/**
 * The date order the user chose ({@code --date-order}) is contradicted by the chat's own dates: it
 * reads no line, or under half of the lines, as a message while another order reads more, or it makes
 * the message times run backwards on many lines while another order keeps them in order. Nothing is
 * imported; {@link #choices()} are the orders that fit better (the GUI offers them in its prompt).
 */
public class DateOrderRefusedException extends AmbiguousDateOrderException {
    DateOrderRefusedException(String message, List<DateOrder> better) {
        super(message, better, true);
    }
}
