package org.sakshi.core;

import java.util.List;



/**
 * A chat's dates fit more than one order over the whole file; the user must choose
 * ({@code --date-order} on the CLI, a prompt in the GUI). The file itself is already kept and recorded;
 * importing it again with the chosen order lists its messages under the same item.
 */
public class AmbiguousDateOrderException extends InputException {
    private final List<DateOrder> choices;

    public AmbiguousDateOrderException(String file, List<DateOrder> choices) {
        super("the dates in " + file + " fit more than one order; the file is kept, and its messages are listed"
                + " once you import it again with --date-order "
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
