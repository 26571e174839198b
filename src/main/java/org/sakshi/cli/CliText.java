package org.sakshi.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The human output of every command in the officer's language: {@code org/sakshi/cli/messages.properties}
 * and its draft translations {@code messages_hi}, {@code messages_bn}, {@code messages_ne}. The
 * language is {@code --lang}, else the environment variable {@code SAKSHI_LANG}, else the
 * {@code language} of the workstation's settings ({@code settings.json} in the profile folder, the
 * window's language setting), else English; never the system locale, so that scripts see the same
 * text everywhere. A lab corrects a translated string without a rebuild by putting its line into
 * {@code cli-messages_<lang>.properties} in the workspace (the settings' workspace, else
 * {@code sakshi.workspace} / {@code SAKSHI_WORKSPACE}, else {@code ~/Sakshi}), as the window reads
 * {@code messages_<lang>.properties} there. Machine output ({@code --json}, CSV, check codes, event
 * types) and the engine's sentences (reasons, errors) stay English.
 */
final class CliText {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CliText.class);
    static final String BUNDLE = "org.sakshi.cli.messages";
    static final String ENV = "SAKSHI_LANG";

    /** The languages {@code --lang} accepts. */
    enum Lang { en, hi, bn, ne }

    /** The lab's corrections file in the workspace, {@code cli-messages_<lang>.properties}. */
    static final String OVERRIDE_PREFIX = "cli-messages_";

    private final Locale locale;
    private final ResourceBundle bundle;
    private final java.util.Map<String, String> overrides;

    private CliText(Locale locale, Path workspace) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.overrides = overrides(workspace, locale);
    }

    /**
     * The text for {@code --lang} (null: not given), else {@code SAKSHI_LANG}, else the settings'
     * language, else English; with the workspace's corrections.
     */
    static CliText of(Lang option) {
        Settings s = Settings.read(profileDir());
        return of(option, System.getenv(ENV), s.language(), s.workspace() != null ? s.workspace() : defaultWorkspace());
    }

    static CliText of(Lang option, String env) {
        return of(option, env, null, null);
    }

    /** As {@link #of(Lang)} with the sources given: option, environment, setting, workspace (may be null). */
    static CliText of(Lang option, String env, String setting, Path workspace) {
        if (option != null) {
            return new CliText(Locale.of(option.name()), workspace);
        }
        for (String given : new String[] {env, setting}) {
            Lang l = parse(given);
            if (l != null) {
                return new CliText(Locale.of(l.name()), workspace);
            }
        }
        return new CliText(Locale.ENGLISH, workspace);
    }

    private static Lang parse(String given) {
        if (given == null) {
            return null;
        }
        String code = given.strip().toLowerCase(Locale.ROOT).split("[-_.]")[0];
        for (Lang l : Lang.values()) {
            if (l.name().equals(code)) {
                return l;
            }
        }
        return null;
    }

    /** The lab's corrections for {@code locale}: keys known to the shipped file, with the same arguments. */
    private java.util.Map<String, String> overrides(Path workspace, Locale l) {
        if (workspace == null || l.getLanguage().equals("en")) {
            return java.util.Map.of();
        }
        Path f = workspace.resolve(OVERRIDE_PREFIX + l.getLanguage() + ".properties");
        if (!Files.isRegularFile(f)) {
            return java.util.Map.of();
        }
        java.util.Properties p = new java.util.Properties();
        try (java.io.Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("corrections {} unreadable, using the shipped text: {}", f, e.getMessage());
            return java.util.Map.of();
        }
        java.util.Map<String, String> out = new java.util.HashMap<>();
        for (String key : p.stringPropertyNames()) {
            String v = p.getProperty(key);
            if (!bundle.containsKey(key)) {
                LOG.warn("{}: '{}' is not a command-line message; ignored", f, key);
            } else if (!arguments(v).equals(arguments(bundle.getString(key)))) {
                LOG.warn("{}: '{}' must use the arguments {} like the shipped text; ignored", f, key,
                        arguments(bundle.getString(key)));
            } else {
                try {
                    new MessageFormat(v, l);
                    out.put(key, v);
                } catch (IllegalArgumentException e) {
                    LOG.warn("{}: '{}' is not a valid pattern ({}); ignored", f, key, e.getMessage());
                }
            }
        }
        return java.util.Map.copyOf(out);
    }

    private static java.util.Set<String> arguments(String pattern) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{(\\d+)").matcher(pattern);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** The profile folder: the {@code sakshi.home} system property, else {@code ~/.sakshi}. */
    static Path profileDir() {
        String home = System.getProperty("sakshi.home");
        return home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".sakshi");
    }

    /** {@code sakshi.workspace}, else {@code SAKSHI_WORKSPACE}, else {@code ~/Sakshi} (as the application's default). */
    static Path defaultWorkspace() {
        String p = System.getProperty("sakshi.workspace");
        if (p == null || p.isBlank()) {
            p = System.getenv("SAKSHI_WORKSPACE");
        }
        return p == null || p.isBlank() ? Path.of(System.getProperty("user.home"), "Sakshi") : Path.of(p);
    }

    /** The two settings the command line reads from {@code settings.json}; unreadable means none. */
    record Settings(String language, Path workspace) {
        static Settings read(Path profile) {
            Path f = profile.resolve("settings.json");
            if (!Files.isRegularFile(f)) {
                return new Settings(null, null);
            }
            try {
                com.fasterxml.jackson.databind.JsonNode n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(f.toFile());
                String lang = n.path("language").isTextual() ? n.path("language").asText() : null;
                String ws = n.path("workspace").isTextual() ? n.path("workspace").asText() : null;
                return new Settings(lang, ws == null || ws.isBlank() ? null : Path.of(ws));
            } catch (IOException | RuntimeException e) {
                LOG.warn("settings {} unreadable; the command line uses its defaults: {}", f, e.getMessage());
                return new Settings(null, null);
            }
        }
    }

    Locale locale() {
        return locale;
    }

    /** The text of {@code key} with its {@code {n}} arguments (all patterns go through MessageFormat). */
    String get(String key, Object... args) {
        try {
            return new MessageFormat(overrides.getOrDefault(key, bundle.getString(key)), locale).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** A verdict as shown to people: PASSED in English, e.g. "सफल (PASSED)" in Hindi. */
    String verdict(Object verdict) {
        return get("verdict." + verdict);
    }
}
