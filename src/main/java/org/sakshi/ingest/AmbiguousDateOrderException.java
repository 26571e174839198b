package org.sakshi.ingest;

import java.util.List;
import org.sakshi.core.DateOrder;
import org.sakshi.core.InputException;

/**
 * A chat's dates fit more than one order over the whole file; the user must choose
 * ({@code --date-order} on the CLI, a prompt in the GUI). Nothing is imported until then.
 */
public class AmbiguousDateOrderException extends InputException {
    private final List<DateOrder> choices;

    public AmbiguousDateOrderException(String file, List<DateOrder> choices) {
        super("the dates in " + file + " fit more than one order; choose one with --date-order "
                + String.join("|", choices.stream().map(DateOrder::json).toList()));
        this.choices = List.copyOf(choices);
    }

    /** For subclasses with their own sentence (e.g. a refused choice); {@code choices} are the orders to offer. */
    protected AmbiguousDateOrderException(String message, List<DateOrder> choices, boolean ownMessage) {
        super(message);
        this.choices = List.copyOf(choices);
    }

    public List<DateOrder> choices() {
        return choices;
    }
}
