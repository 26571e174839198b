package org.sakshi.ui.common;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UI's text, from {@code org/sakshi/ui/messages.properties} (UTF-8, Java 9+) and its translations
 * {@code messages_hi.properties} (Hindi), {@code messages_bn.properties} (Bengali) and
 * {@code messages_ne.properties} (Nepali). The language is chosen once at start ({@link #choose}):
 * {@code sakshi gui --lang}, else the {@code language} setting, else the system locale, else English.
 * <p>
 * The translations are drafts. A lab corrects a string without rebuilding: a file
 * {@code messages_<lang>.properties} (UTF-8, same keys) in the workspace folder overrides the keys it
 * contains; a corrected string whose {@code {n}} placeholders differ from the English one is ignored
 * (logged), so a typo cannot break a window.
 */
public final class Messages {
    private static final Logger LOG = LoggerFactory.getLogger(Messages.class);
    public static final String BUNDLE = "org.sakshi.ui.messages";
    /** The languages shipped, English first. */
    public static final List<String> LANGUAGES = List.of("en", "hi", "bn", "ne");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private static volatile Locale locale = supported(Locale.getDefault().getLanguage()).orElse(Locale.ENGLISH);
    private static volatile Map<String, String> overrides = Map.of();
    private static volatile Path overrideFile;

    private Messages() {
    }

    /**
     * The language to use: the first of {@code requested} ({@code --lang}), {@code setting} (the
     * {@code language} setting) and {@code system} (the system locale) that is shipped; English when
     * none is. An unknown requested or set language is logged and skipped.
     */
    public static Locale choose(String requested, String setting, Locale system) {
        for (String lang : new String[] {requested, setting}) {
            if (lang != null && !lang.isBlank()) {
                java.util.Optional<Locale> l = supported(lang);
                if (l.isPresent()) {
                    return l.get();
                }
                LOG.warn("language {} is not shipped (use one of {}); ignoring it", lang, LANGUAGES);
            }
        }
        return system == null ? Locale.ENGLISH : supported(system.getLanguage()).orElse(Locale.ENGLISH);
    }

    /** The shipped language named by an ISO 639 code ({@code hi}, {@code bn-IN}, {@code ne_NP}...), if any. */
    public static java.util.Optional<Locale> supported(String lang) {
        if (lang == null) {
            return java.util.Optional.empty();
        }
        String code = lang.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
        return LANGUAGES.contains(code) ? java.util.Optional.of(Locale.of(code)) : java.util.Optional.empty();
    }

    /**
     * Uses {@code l} from now on, with the corrections of {@code workspace/messages_<lang>.properties}
     * when that file exists (null workspace: no corrections). Windows built afterwards use it.
     */
    public static synchronized void use(Locale l, Path workspace) {
        locale = supported(l.getLanguage()).orElse(Locale.ENGLISH);
        overrides = Map.of();
        overrideFile = null;
        if (workspace != null) {
            Path f = workspace.resolve("messages_" + locale.getLanguage() + ".properties");
            if (Files.isRegularFile(f)) {
                overrides = loadOverrides(f);
                overrideFile = f;
            }
        }
    }

    /** The language in use. */
    public static Locale locale() {
        return locale;
    }

    /** True when the text shown is a draft translation (any language but English). */
    public static boolean isDraft() {
        return !locale.getLanguage().equals("en");
    }

    /** The workspace file whose corrections are in use, or null. */
    public static Path overrideFile() {
        return overrideFile;
    }

    /** The shipped text of the language in use (without the workspace's corrections). */
    public static ResourceBundle bundle() {
        return bundle(locale);
    }

    /** The shipped text of {@code l}: its translation, completed by English. */
    public static ResourceBundle bundle(Locale l) {
        return ResourceBundle.getBundle(BUNDLE, l, NO_FALLBACK);
    }

    /** The text for {@code key}, with {@code {0}}-style arguments filled in; the key itself when missing. */
    public static String get(String key, Object... args) {
        String pattern = overrides.get(key);
        if (pattern == null) {
            try {
                pattern = bundle().getString(key);
            } catch (MissingResourceException e) {
                return key;
            }
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** The placeholder numbers of a pattern, e.g. {@code [0, 1]} for "{0} of {1}". */
    public static java.util.SortedSet<Integer> placeholders(String pattern) {
        java.util.SortedSet<Integer> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
        }
        return out;
    }

    private static Map<String, String> loadOverrides(Path f) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("cannot read the corrected strings in {} ({}); using the shipped text", f, e.getMessage());
            return Map.of();
        }
        ResourceBundle english = bundle(Locale.ROOT);
        Map<String, String> out = new HashMap<>();
        for (String key : p.stringPropertyNames()) {
            String value = p.getProperty(key);
            if (!english.containsKey(key)) {
                LOG.warn("{}: {} is not a key of the workstation's text; ignored", f, key);
            } else if (!placeholders(value).equals(placeholders(english.getString(key)))) {
                LOG.warn("{}: {} must use the placeholders {} like the English text; ignored", f, key,
                        placeholders(english.getString(key)));
            } else {
                out.put(key, value);
            }
        }
        LOG.info("{} corrected string(s) from {}", out.size(), f);
        return Map.copyOf(out);
    }
}
