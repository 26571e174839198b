package org.sakshi.ui.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The UI's text, from {@code org/sakshi/ui/messages.properties} (UTF-8, Java 9+). A translation is a
 * sibling file ({@code messages_hi.properties}, {@code messages_bn.properties},
 * {@code messages_ne.properties}); no code changes are needed to add one.
 */
public final class Messages {
    public static final String BUNDLE = "org.sakshi.ui.messages";

    private Messages() {
    }

    public static ResourceBundle bundle() {
        return ResourceBundle.getBundle(BUNDLE, Locale.getDefault());
    }

    /** The text for {@code key}, with {@code {0}}-style arguments filled in; the key itself when missing. */
    public static String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle().getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.getDefault()).format(args);
    }
}
