package org.sakshi.core;

import java.util.List;



/**
 * A chat's dates fit more than one order over the whole file; the user must choose
 * ({@code --date-order} on the CLI, a prompt in the GUI). The file itself is already kept and recorded;
 * importing it again with the chosen order lists its messages under the same item.
 */
public class AmbiguousDateOrderException extends InputException {
    private final List<DateOrder> choices;
    private final String file;
    private final List<String> examples;

    public AmbiguousDateOrderException(String file, List<DateOrder> choices) {
        this(file, choices, List.of());
    }

    /**
     * @param examples a few dates of the file read both ways, e.g. {@code line 3: 05/06/21 is 2021-06-05 (dmy)
     *                 or 2021-05-06 (mdy)}, for the question the user is asked
     */
    public AmbiguousDateOrderException(String file, List<DateOrder> choices, List<String> examples) {
        super("the dates in " + file + " fit more than one order"
                + (examples.isEmpty() ? "" : " (" + String.join("; ", examples) + ")")
                + "; the file is kept, and its messages are listed once you import it again with --date-order "
                + String.join("|", choices.stream().map(DateOrder::json).toList()));
        this.choices = List.copyOf(choices);
        this.file = file;
        this.examples = List.copyOf(examples);
    }

    /** For subclasses with their own sentence (e.g. a refused choice); {@code choices} are the orders to offer. */
    protected AmbiguousDateOrderException(String message, List<DateOrder> choices, boolean ownMessage) {
        super(message);
        this.choices = List.copyOf(choices);
        this.file = null;
        this.examples = List.of();
    }

    public List<DateOrder> choices() {
        return choices;
    }

    /** The chat file whose dates are ambiguous (null when not known). */
    public String file() {
        return file;
    }

    /** Up to three of its dates read under each order that fits. */
    public List<String> examples() {
        return examples;
    }
}
