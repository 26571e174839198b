package org.sakshi.service;

/**
 * The one way Sakshi writes a CSV cell (custody-log.csv, chat transcripts, member lists,
 * {@code sakshi custody --csv}, the GUI's CSV export): RFC 4180 quoting (a cell holding a comma,
 * quote or line break is quoted, quotes doubled), plus the OWASP rule against CSV injection: a text
 * cell starting with {@code =}, {@code +}, {@code -}, {@code @}, tab or carriage return is prefixed
 * with a single quote and quoted, so a spreadsheet shows it as text instead of running it as a
 * formula. Numbers are written as they are. The JSON files beside each CSV keep the exact values.
 */
public final class Csv {
    private Csv() {
    }

    /** One cell; null is empty. */
    public static String cell(Object v) {
        if (v == null) {
            return "";
        }
        String s = String.valueOf(v);
        boolean formula = !(v instanceof Number) && !s.isEmpty() && isTrigger(s.charAt(0));
        if (formula) {
            s = "'" + s;
        }
        if (formula || s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    private static boolean isTrigger(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
