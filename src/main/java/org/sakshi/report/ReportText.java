package org.sakshi.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The fixed words of the evidence report (headings, labels, sentences), in English and, when asked,
 * a second language ({@code hi}, {@code bn}, {@code ne}). They live in {@code templates/REPORT.txt}
 * and {@code templates/REPORT.<lang>.txt} ({@code key = value} lines, UTF-8, {@code {0}} for the
 * data); a file of the same name in the template override folder replaces single strings, so a lab
 * can correct a translation without a rebuild. A key missing from a translation prints in English
 * only. The data itself (names, numbers, hashes, times) is never translated.
 */
final class ReportText {
    /** The report's id in the templates folder. */
    static final String ID = "REPORT";

    private final Properties english;
    private final Properties second;
    private final String language;

    private ReportText(Properties english, Properties second, String language) {
        this.english = english;
        this.second = second;
        this.language = language;
    }

    /**
     * The English strings and, unless {@code language} is null or {@code en}, the strings of
     * {@code language}.
     *
     * @throws ReportException an unknown language, or a strings file that cannot be read
     */
    static ReportText load(String language, Path overrideDir) throws ReportException {
        Properties en = read(ID, overrideDir);
        if (language == null || language.isBlank() || language.equals("en")) {
            return new ReportText(en, null, null);
        }
        if (!CertificateDocument.LANGUAGE_NAMES.containsKey(language)) {
            throw new ReportException("No report translation '" + language + "'; use one of "
                    + String.join("|", CertificateDocument.LANGUAGE_NAMES.keySet()) + ".");
        }
        return new ReportText(en, read(ID + "." + language, overrideDir), language);
    }

    private static Properties read(String id, Path overrideDir) throws ReportException {
        Properties p = new Properties();
        String file = id + ".txt";
        try (InputStream in = Templates.class.getResourceAsStream("templates/" + file)) {
            if (in == null) {
                throw new ReportException("The report strings " + file + " are missing from the application;"
                        + " reinstall Sakshi or put " + file + " in the template override folder.");
            }
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            if (overrideDir != null && Files.isRegularFile(overrideDir.resolve(file))) {
                Properties lab = new Properties();
                try (Reader r = Files.newBufferedReader(overrideDir.resolve(file), StandardCharsets.UTF_8)) {
                    lab.load(r);
                }
                p.putAll(lab);
            }
            return p;
        } catch (IOException | IllegalArgumentException e) {
            throw new ReportException("Cannot read the report strings " + file + ": " + e.getMessage()
                    + ". Correct the file (key = value lines, UTF-8) or remove it from the template folder.", e);
        }
    }

    /** True when a second language is given. */
    boolean bilingual() {
        return second != null;
    }

    /** The second language's code, or null. */
    String language() {
        return language;
    }

    /** The English string of {@code key} with {@code {0}}, {@code {1}} ... replaced by {@code args}. */
    String en(String key, Object... args) {
        String s = english.getProperty(key);
        if (s == null) {
            throw new IllegalStateException("no report string '" + key + "' in " + ID + ".txt");
        }
        return format(s, args);
    }

    /** The second language's string of {@code key}, or null when there is none. */
    String tr(String key, Object... args) {
        String s = second == null ? null : second.getProperty(key);
        return s == null || s.isBlank() ? null : format(s, args);
    }

    /** A label or heading: {@code English / translation}, or English alone. */
    String label(String key, Object... args) {
        String t = tr(key, args);
        return t == null ? en(key, args) : en(key, args) + " / " + t;
    }

    /** How much wider a label column is made for two languages. */
    float width(float englishWidth) {
        return bilingual() ? englishWidth * 1.5f : englishWidth;
    }

    private static String format(String s, Object... args) {
        String out = s;
        for (int i = 0; i < args.length; i++) {
            out = out.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return out;
    }
}
