package org.sakshi.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.Item;
import org.sakshi.core.ItemKind;

/**
 * Certificate templates: UTF-8 text files, one per template id ({@code templates/<id>.txt} in the
 * source tree, shipped in the jar under {@code org/sakshi/report/templates/}; an override folder
 * wins). The little language (see templates/README.md):
 * <pre>
 *   # comment                    ignored
 *   = Title                      title line
 *   == Heading                   section heading
 *   ---                          horizontal rule
 *   &lt;&lt;page&gt;&gt;                     page break
 *   Label:: ${value}             a form field: label column and value
 *   | text                       indented small line (hash values); "| SHA256  value" puts the
 *                                first word in a label column when two spaces follow it
 *   {{#items}} ... {{/items}}    repeated once per exported item (placeholders item.*)
 *   {{#events}} ... {{/events}}  repeated once per custody event (placeholders event.*)
 *   anything else                a wrapped paragraph
 * </pre>
 * {@code ${name}} placeholders missing from the data print as a blank line to fill by hand.
 */
final class Templates {
    static final String BLANK = "________________________________";
    private static final Pattern TAB_STOP = Pattern.compile("(\\S+) {2,}(.*)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)}");
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    /** Extra value naming the zone of the US and generic forms' times ({@code --form-zone}). */
    static final String FORM_ZONE = "form.zone";

    enum Kind { TITLE, HEADING, RULE, BLANK, PAGE, FIELD, MONO, TEXT, NOTICE }

    record Line(Kind kind, String label, String text) {
    }

    private Templates() {
    }

    static String load(String templateId, Path overrideDir) throws ReportException {
        if (!templateId.matches("[A-Za-z0-9_\\-]+(\\.[a-z]{2})?")) {
            throw new ReportException("Invalid certificate template id '" + templateId + "'.");
        }
        String file = templateId + ".txt";
        try {
            if (overrideDir != null && Files.isRegularFile(overrideDir.resolve(file))) {
                return Files.readString(overrideDir.resolve(file), StandardCharsets.UTF_8);
            }
            try (InputStream in = Templates.class.getResourceAsStream("templates/" + file)) {
                if (in == null) {
                    throw new ReportException("No certificate template '" + templateId + "': expected " + file
                            + " in the templates folder" + (overrideDir == null ? "" : " (" + overrideDir + ")")
                            + " or in the application. Known ids: " + ReportWriter.CERTIFICATE_IDS + ".");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new ReportException("Cannot read certificate template " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The zone of a form's times: the zone its law expects (IST, NPT, BST) for the kinds that have
     * one; else the zone the officer gave ({@link #FORM_ZONE}); else the case's zone.
     *
     * @throws IllegalArgumentException the given zone is not a zone id
     */
    static ZoneId formZone(String templateId, ReportData d, Map<String, String> extra) {
        String base = templateId.contains(".") ? templateId.substring(0, templateId.indexOf('.')) : templateId;
        var fixed = org.sakshi.core.CertificateKind.ofTemplate(base).flatMap(org.sakshi.core.CertificateKind::formZone);
        if (fixed.isPresent()) {
            return fixed.get();
        }
        String given = extra == null ? null : extra.get(FORM_ZONE);
        if (given != null && !given.isBlank()) {
            try {
                return ZoneId.of(given.strip());
            } catch (java.time.DateTimeException e) {
                throw new IllegalArgumentException("the form zone '" + given + "' is not a time zone id;"
                        + " give one such as America/New_York or Asia/Kolkata", e);
            }
        }
        return d.caseInfo().zone();
    }

    /** The placeholder values of the case and export (not per item), form times in the case's zone. */
    static Map<String, String> caseValues(ReportData d) {
        return caseValues(d, d.caseInfo().zone());
    }

    /** The placeholder values of the case and export (not per item), form times in {@code formZone}. */
    static Map<String, String> caseValues(ReportData d, ZoneId formZone) {
        Map<String, String> v = new LinkedHashMap<>();
        var c = d.caseInfo();
        v.put("case.number", c.number());
        v.put("case.title", c.title());
        v.put("case.agency", nz(c.agency()));
        v.put("case.jurisdiction", c.jurisdiction().name());
        v.put("case.zone", c.zone().getId());
        v.put("case.country", switch (c.jurisdiction()) {
            case IN -> "India";
            case NP -> "Nepal";
            case BD -> "Bangladesh";
            case US -> "the United States of America";
            default -> "";
        });
        v.put("case.created", Fmt.utc(c.createdAt()));
        v.put("bundle.id", d.bundleId());
        v.put("export.utc", Fmt.utc(d.exportedAt()));
        v.put("export.local", Fmt.utcAndZone(d.exportedAt(), c.zone()));
        v.put("export.date", DMY.format(d.exportedAt().atZone(c.zone())));
        v.put("export.time", HM.format(d.exportedAt().atZone(c.zone())));
        v.put("export.date_ist", DMY.format(d.exportedAt().atZone(IST)));
        v.put("export.time_ist", HM.format(d.exportedAt().atZone(IST)));
        v.put("export.date_iso", d.exportedAt().atZone(c.zone()).toLocalDate().toString());
        v.put("export.local_form", Fmt.zoneAndUtc(d.exportedAt(), formZone, false));
        v.put("export.zone_form", Fmt.zoneLabel(formZone, d.exportedAt()));
        v.put("export.date_form", DMY.format(d.exportedAt().atZone(formZone)));
        v.put("export.time_form", HM.format(d.exportedAt().atZone(formZone)));
        String both = Fmt.zoneAndUtc(d.exportedAt(), formZone, false);
        v.put("export.time_and_utc", both.substring(both.indexOf(' ') + 1)); // the same without the local date
        v.put("case.created_form", Fmt.zoneAndUtc(c.createdAt(), formZone, true));
        v.put("officer.name", d.exporter().name());
        v.put("officer.rank", nz(d.exporter().rank()));
        v.put("officer.id", nz(d.exporter().id()));
        v.put("officer.agency", nz(d.exporter().agency() == null ? c.agency() : d.exporter().agency()));
        v.put("officer.cert_sha256", nz(d.exporter().certSha256()));
        v.put("officer", Fmt.actor(d.exporter()));
        String tool = d.toolVersion();
        v.put("tool", tool);
        int sp = tool.lastIndexOf(' ');
        v.put("tool.name", sp > 0 ? tool.substring(0, sp) : (tool.isEmpty() ? "Sakshi" : tool));
        v.put("tool.version", sp > 0 ? tool.substring(sp + 1) : "");
        v.put("custody.head", d.custodyHead());
        v.put("custody.count", Integer.toString(d.events().size()));
        v.put("items.count", Integer.toString(d.items().size()));
        v.put("hash.algorithms", "SHA-256, SHA-1, MD5");
        // BSA 2023 Schedule tick list: what the items tell us; the officer may override each via extra
        boolean mobile = false;
        boolean computer = false;
        boolean other = false;
        List<String> makes = new ArrayList<>();
        List<String> serials = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Item it : d.items()) {
            var s = it.source();
            String dev = Fmt.str(Fmt.kindSummary(it, "device"), "format");
            if (s.deviceImei() != null && !s.deviceImei().isBlank()) {
                mobile = true;
                addOnce(ids, "IMEI " + s.deviceImei());
            } else if (it.kind() == ItemKind.DEVICE && (dev.equals("e01") || dev.equals("raw"))) {
                computer = true;
            } else if (it.kind() == ItemKind.CHAT || it.kind() == ItemKind.SCREENSHOT) {
                mobile = true;
            } else {
                other = true;
            }
            String mm = (nz(s.deviceMake()) + " " + nz(s.deviceModel())).trim();
            if (!mm.isEmpty()) {
                addOnce(makes, mm);
            }
            if (s.deviceSerial() != null && !s.deviceSerial().isBlank()) {
                addOnce(serials, s.deviceSerial());
            }
        }
        v.put("tick.computer", computer ? "X" : " ");
        v.put("tick.dvr", " ");
        v.put("tick.mobile", mobile ? "X" : " ");
        v.put("tick.flash", " ");
        v.put("tick.cd", " ");
        v.put("tick.server", " ");
        v.put("tick.cloud", " ");
        v.put("tick.other", other ? "X" : " ");
        v.put("tick.sha1", "X");
        v.put("tick.sha256", "X");
        v.put("tick.md5", "X");
        v.put("device.make_model", String.join("; ", makes));
        v.put("device.serial", String.join("; ", serials));
        v.put("device.ids", String.join("; ", ids));
        return v;
    }

    static Map<String, String> itemValues(Item it, ReportData d) {
        return itemValues(it, d, d.caseInfo().zone());
    }

    static Map<String, String> itemValues(Item it, ReportData d, ZoneId formZone) {
        Map<String, String> v = new LinkedHashMap<>();
        var s = it.source();
        v.put("item.id", it.id());
        v.put("item.name", it.name());
        v.put("item.kind", it.kind().json());
        v.put("item.size", Long.toString(it.size()));
        v.put("item.size_text", Fmt.size(it.size()));
        v.put("item.path", Fmt.bagPath(it));
        v.put("item.sha256", it.digests().sha256());
        v.put("item.sha1", it.digests().sha1());
        v.put("item.md5", it.digests().md5());
        v.put("item.imported_at", Fmt.utcAndZone(it.importedAt(), d.caseInfo().zone()));
        v.put("item.imported_by", nz(it.importedBy()));
        v.put("item.tsa_time", it.timestamp().time() == null ? "" : Fmt.utc(it.timestamp().time()));
        v.put("item.tsa", nz(it.timestamp().tsa()));
        v.put("item.imported_at_form", Fmt.zoneAndUtc(it.importedAt(), formZone, true));
        v.put("item.tsa_time_form", Fmt.zoneAndUtc(it.timestamp().time(), formZone, true));
        v.put("item.source", nz(s.text()));
        v.put("item.device_make", nz(s.deviceMake()));
        v.put("item.device_model", nz(s.deviceModel()));
        v.put("item.make_model", (nz(s.deviceMake()) + " " + nz(s.deviceModel())).trim());
        v.put("item.serial", nz(s.deviceSerial()));
        v.put("item.imei", nz(s.deviceImei()));
        v.put("item.location", nz(s.location()));
        v.put("item.device", String.join(", ", java.util.stream.Stream.of(v.get("item.make_model"),
                s.deviceSerial() == null ? "" : "serial " + s.deviceSerial(),
                s.deviceImei() == null ? "" : "IMEI " + s.deviceImei()).filter(x -> !x.isBlank()).toList()));
        v.put("item.derived_from", nz(it.derivedFrom()));
        Map<String, Object> acq = Fmt.map(Fmt.kindSummary(it, "device"), "acquisition");
        v.put("item.acquisition_md5", Fmt.str(acq, "md5_stored"));
        v.put("item.acquisition_sha1", Fmt.str(acq, "sha1_stored"));
        v.put("item.acquisition_verified", Fmt.str(acq, "verified"));
        return v;
    }

    static Map<String, String> eventValues(CustodyEvent e) {
        return eventValues(e, ZoneId.of("UTC"));
    }

    static Map<String, String> eventValues(CustodyEvent e, ZoneId formZone) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("event.seq", Long.toString(e.seq()));
        v.put("event.at", Fmt.utc(e.at()));
        v.put("event.at_form", Fmt.zoneAndUtc(e.at(), formZone, true));
        v.put("event.type", e.type());
        v.put("event.actor", Fmt.actor(e.actor()));
        v.put("event.item", nz(e.itemId()));
        v.put("event.details", Fmt.details(e.details()));
        v.put("event.hash", nz(e.hash()));
        String summary = (e.itemId() == null ? "" : e.itemId() + ". ") + Fmt.details(e.details());
        v.put("event.summary", summary.isBlank() ? "-" : summary);
        Object to = e.details().get("to");
        v.put("event.to", to == null ? "" : to.toString());
        Object reason = e.details().get("reason");
        v.put("event.reason", reason == null ? "" : reason.toString());
        return v;
    }

    /** Expands repeat blocks and placeholders and classifies each line; form times in the case's zone. */
    static List<Line> fill(String template, ReportData d, Map<String, String> extra) {
        return fill(template, d, extra, d.caseInfo().zone());
    }

    /** Expands repeat blocks and placeholders and classifies each line; form times in {@code formZone}. */
    static List<Line> fill(String template, ReportData d, Map<String, String> extra, ZoneId formZone) {
        Map<String, String> global = caseValues(d, formZone);
        global.putAll(extra);
        List<Map<String, String>> items = new ArrayList<>();
        for (Item it : d.items()) {
            Map<String, String> v = itemValues(it, d, formZone);
            // per-item overrides: extra "E0001.colour" fills ${item.colour} for E0001
            for (Map.Entry<String, String> e : extra.entrySet()) {
                if (e.getKey().startsWith(it.id() + ".")) {
                    v.put("item." + e.getKey().substring(it.id().length() + 1), e.getValue());
                }
            }
            items.add(v);
        }
        List<Map<String, String>> events = new ArrayList<>();
        for (CustodyEvent e : d.events()) {
            events.add(eventValues(e, formZone));
        }
        return expand(template, global, items, events);
    }

    /**
     * Expands a template over given values: {@code global} everywhere, one map of {@code items} per
     * repetition of an items block and one of {@code events} per repetition of an events block.
     */
    static List<Line> expand(String template, Map<String, String> global, List<Map<String, String>> items,
                             List<Map<String, String>> events) {
        List<String> src = List.of(template.replace("\r\n", "\n").split("\n", -1));
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < src.size(); i++) {
            String raw = src.get(i);
            String t = raw.strip();
            if (t.equals("{{#items}}") || t.equals("{{#events}}")) {
                String end = t.equals("{{#items}}") ? "{{/items}}" : "{{/events}}";
                int j = i + 1;
                while (j < src.size() && !src.get(j).strip().equals(end)) {
                    j++;
                }
                List<String> block = src.subList(i + 1, Math.min(j, src.size()));
                for (Map<String, String> each : t.equals("{{#items}}") ? items : events) {
                    Map<String, String> v = new LinkedHashMap<>(global);
                    v.putAll(each);
                    for (String b : block) {
                        addLine(out, b, v);
                    }
                }
                i = j;
                continue;
            }
            addLine(out, raw, global);
        }
        return out;
    }

    private static void addLine(List<Line> out, String raw, Map<String, String> v) {
        String t = raw.strip();
        if (t.startsWith("#")) {
            return;
        }
        if (t.isEmpty()) {
            out.add(new Line(Kind.BLANK, "", ""));
        } else if (t.equals("---")) {
            out.add(new Line(Kind.RULE, "", ""));
        } else if (t.equals("<<page>>")) {
            out.add(new Line(Kind.PAGE, "", ""));
        } else if (t.startsWith("!! ")) {
            out.add(new Line(Kind.NOTICE, "", subst(t.substring(3), v)));
        } else if (t.startsWith("== ")) {
            out.add(new Line(Kind.HEADING, "", subst(t.substring(3), v)));
        } else if (t.startsWith("= ")) {
            out.add(new Line(Kind.TITLE, "", subst(t.substring(2), v)));
        } else if (t.startsWith("|")) {
            // "| SHA256  value": a first word followed by two or more spaces is a label in its own column
            Matcher m = TAB_STOP.matcher(t.substring(1).strip());
            if (m.matches()) {
                out.add(new Line(Kind.MONO, subst(m.group(1), v), subst(m.group(2), v)));
            } else {
                out.add(new Line(Kind.MONO, "", subst(t.substring(1).strip(), v)));
            }
        } else if (t.contains(":: ") || t.endsWith("::")) {
            int k = t.indexOf("::");
            String value = subst(t.substring(k + 2).strip(), v);
            out.add(new Line(Kind.FIELD, subst(t.substring(0, k).strip(), v), value.isBlank() ? BLANK : value));
        } else {
            out.add(new Line(Kind.TEXT, "", subst(t, v)));
        }
    }

    /** Replaces {@code ${name}}; a missing or empty value becomes a blank line to fill by hand. */
    static String subst(String s, Map<String, String> v) {
        Matcher m = PLACEHOLDER.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String val = v.get(m.group(1));
            if (val == null || val.isEmpty()) {
                // an unknown tick box stays an empty box; any other unknown value is a line to fill in
                val = m.group(1).startsWith("tick.") ? " " : BLANK;
            }
            m.appendReplacement(b, Matcher.quoteReplacement(val));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static void addOnce(List<String> l, String s) {
        if (!l.contains(s)) {
            l.add(s);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
