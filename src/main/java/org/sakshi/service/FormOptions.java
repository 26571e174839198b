package org.sakshi.service;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sakshi.core.InputException;

/**
 * What the officer adds to the certificate forms at export: {@code values} fill or override template
 * placeholders ({@code place=Kathmandu}, {@code E0001.colour=black}); {@code zone}, when not null, is
 * the zone of the times on forms whose law fixes none (the US and generic forms; India, Nepal and
 * Bangladesh forms keep IST, NPT and BST); {@code languages} are the second languages
 * ({@code hi}, {@code bn}, {@code ne}) each certificate is also given in, from
 * {@code templates/<id>.<lang>.txt}; {@code reportLanguage}, when not null, is the second language
 * ({@code hi}, {@code bn}, {@code ne}) of the evidence report's headings, labels and sentences, from
 * {@code templates/REPORT.<lang>.txt}.
 */
public record FormOptions(Map<String, String> values, ZoneId zone, List<String> languages, Path templates,
                          String reportLanguage) {
    /** No values, the case's zone, English only, the shipped templates. */
    public static final FormOptions NONE = new FormOptions(Map.of(), null, List.of(), null, null);
    /** Second languages a certificate can be given in. */
    public static final List<String> LANGUAGES = List.of("hi", "bn", "ne");

    public FormOptions {
        values = values == null ? Map.of() : Map.copyOf(values);
        languages = languages == null ? List.of() : List.copyOf(languages);
        reportLanguage = reportLanguage == null || reportLanguage.isBlank() || reportLanguage.equals("en") ? null
                : reportLanguage;
    }

    /** Values, zone, certificate languages and template folder; the report in English alone. */
    public FormOptions(Map<String, String> values, ZoneId zone, List<String> languages, Path templates) {
        this(values, zone, languages, templates, null);
    }

    /** The same options with the report also in {@code language} ({@code hi}, {@code bn}, {@code ne}; null for none). */
    public FormOptions withReportLanguage(String language) {
        return new FormOptions(values, zone, languages, templates, language);
    }

    /** Values, zone and languages with the shipped templates. */
    public FormOptions(Map<String, String> values, ZoneId zone, List<String> languages) {
        this(values, zone, languages, null);
    }

    /**
     * The template override folder, checked.
     *
     * @throws InputException {@code dir} is not a folder
     */
    public static Path templateFolder(Path dir) throws InputException {
        if (dir != null && !java.nio.file.Files.isDirectory(dir)) {
            throw new InputException("the template folder " + dir + " does not exist; give a folder holding edited"
                    + " copies of the templates (see templates/README.md).");
        }
        return dir;
    }

    /**
     * Parses {@code KEY=VALUE} pairs as typed on the command line.
     *
     * @throws InputException a pair without '=' or with a key that is not a placeholder name
     */
    public static Map<String, String> parseValues(List<String> pairs) throws InputException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String p : pairs == null ? List.<String>of() : pairs) {
            int eq = p.indexOf('=');
            String key = eq < 0 ? "" : p.substring(0, eq).strip();
            if (!key.matches("[A-Za-z0-9_.\\-]+")) {
                throw new InputException("the form value '" + p + "' is not KEY=VALUE with a placeholder name as KEY;"
                        + " write it like place=Kathmandu (see templates/README.md for the names).");
            }
            out.put(key, p.substring(eq + 1).strip());
        }
        return out;
    }

    /**
     * The language code checked against {@link #LANGUAGES}.
     *
     * @throws InputException a language no certificate is translated into
     */
    public static String language(String code) throws InputException {
        String c = code == null ? "" : code.strip().toLowerCase(java.util.Locale.ROOT);
        if (!LANGUAGES.contains(c)) {
            throw new InputException("no certificate translation '" + code + "'; use one of "
                    + String.join("|", LANGUAGES) + " (Hindi, Bengali, Nepali).");
        }
        return c;
    }

    /**
     * The report language code: {@code hi}, {@code bn} or {@code ne}, or null for {@code en} (English alone).
     *
     * @throws InputException a language the report is not translated into
     */
    public static String reportLanguage(String code) throws InputException {
        String c = code == null ? "" : code.strip().toLowerCase(java.util.Locale.ROOT);
        if (c.equals("en")) {
            return null;
        }
        if (!LANGUAGES.contains(c)) {
            throw new InputException("the report cannot be given in '" + code + "'; use one of "
                    + String.join("|", LANGUAGES) + " (Hindi, Bengali, Nepali), or en for English alone.");
        }
        return c;
    }

    /**
     * The zone named by {@code id}.
     *
     * @throws InputException not a time zone id
     */
    public static ZoneId zone(String id) throws InputException {
        try {
            return ZoneId.of(id.strip());
        } catch (java.time.DateTimeException e) {
            throw new InputException("'" + id + "' is not a time zone id; give one such as America/New_York.", e);
        }
    }

    /** The template values: {@link #values} plus {@code form.zone} when a zone is given. */
    public Map<String, String> templateValues() {
        Map<String, String> v = new LinkedHashMap<>(values);
        if (zone != null) {
            v.put("form.zone", zone.getId());
        }
        return v;
    }
}
