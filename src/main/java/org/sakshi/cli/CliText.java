package org.sakshi.cli;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The human output of the most used commands (verify's verdict lines, import and export summaries)
 * in the officer's language: {@code org/sakshi/cli/messages.properties} and its draft translations
 * {@code messages_hi}, {@code messages_bn}, {@code messages_ne}. The language is {@code --lang},
 * else the environment variable {@code SAKSHI_LANG}, else English; never the system locale, so that
 * scripts see the same text everywhere. Machine output ({@code --json}, CSV, check codes, event
 * types) and the engine's sentences (reasons, errors) stay English.
 */
final class CliText {
    static final String BUNDLE = "org.sakshi.cli.messages";
    static final String ENV = "SAKSHI_LANG";

    /** The languages {@code --lang} accepts. */
    enum Lang { en, hi, bn, ne }

    private final Locale locale;
    private final ResourceBundle bundle;

    private CliText(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The text for {@code --lang} (null: not given), else {@code SAKSHI_LANG}, else English. */
    static CliText of(Lang option) {
        return of(option, System.getenv(ENV));
    }

    static CliText of(Lang option, String env) {
        if (option != null) {
            return new CliText(Locale.of(option.name()));
        }
        if (env != null) {
            String code = env.strip().toLowerCase(Locale.ROOT).split("[-_.]")[0];
            for (Lang l : Lang.values()) {
                if (l.name().equals(code)) {
                    return new CliText(Locale.of(code));
                }
            }
        }
        return new CliText(Locale.ENGLISH);
    }

    Locale locale() {
        return locale;
    }

    /** The text of {@code key} with its {@code {n}} arguments (all patterns go through MessageFormat). */
    String get(String key, Object... args) {
        try {
            return new MessageFormat(bundle.getString(key), locale).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** A verdict as shown to people: PASSED in English, e.g. "सफल (PASSED)" in Hindi. */
    String verdict(Object verdict) {
        return get("verdict." + verdict);
    }
}
