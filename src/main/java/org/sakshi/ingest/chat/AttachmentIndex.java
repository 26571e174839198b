package org.sakshi.ingest.chat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The files that came with a chat (zip members or folder entries, the chat text itself excluded)
 * and which of them the messages reference. Messages name attachments by file name (WhatsApp) or by
 * path relative to the export (Telegram, Messenger); both are looked up here. Referenced names that
 * are not in the export are remembered (up to {@link #MAX_MISSING}) so they can be reported.
 */
final class AttachmentIndex {
    static final int MAX_MISSING = 10_000;
    private final Map<String, Member> byPath = new LinkedHashMap<>();
    private final Map<String, Member> byBase = new HashMap<>();
    private final Set<String> referenced = new LinkedHashSet<>();
    private final Set<String> missing = new LinkedHashSet<>();
    private long missingDropped;

    AttachmentIndex(List<Member> members) {
        for (Member m : members) {
            byPath.put(m.path(), m);
            byBase.putIfAbsent(m.baseName(), m);
        }
    }

    static AttachmentIndex empty() {
        return new AttachmentIndex(List.of());
    }

    boolean contains(String name) {
        return find(name) != null;
    }

    private Member find(String name) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        Member m = byPath.get(name);
        if (m != null) {
            return m;
        }
        if (name.indexOf('/') < 0) {
            return byBase.get(name);
        }
        for (Map.Entry<String, Member> e : byPath.entrySet()) {
            if (e.getKey().endsWith("/" + name)) {
                return e.getValue();
            }
        }
        // Messenger names files from the root of the whole download ("messages/inbox/x_1/photos/1.jpg")
        // while the export given may be the thread folder alone: drop leading folders, keep two parts.
        String rest = name;
        int slash;
        while ((slash = rest.indexOf('/')) >= 0 && rest.indexOf('/', slash + 1) >= 0) {
            rest = rest.substring(slash + 1);
            Member m2 = byPath.get(rest);
            if (m2 != null) {
                return m2;
            }
        }
        return null;
    }

    /**
     * Records that a message references {@code name}; returns the docs/cli.md#json-of-an-item {@code attachment} object
     * {name, sha256} (sha256 null when the file is not in the export).
     */
    Map<String, Object> reference(String name) {
        Member m = find(name);
        Map<String, Object> a = new LinkedHashMap<>();
        if (m != null) {
            referenced.add(m.path());
            a.put("name", m.path());
            a.put("sha256", m.sha256());
        } else {
            if (missing.size() < MAX_MISSING) {
                missing.add(name);
            } else if (!missing.contains(name)) {
                missingDropped++;
            }
            a.put("name", name);
            a.put("sha256", null);
        }
        return a;
    }

    /** docs/cli.md#json-of-an-item {@code attachments}: every file of the export, then the referenced ones that are missing. */
    List<Map<String, Object>> summary() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Member m : byPath.values()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("name", m.path());
            a.put("sha256", m.sha256());
            a.put("size", m.size());
            a.put("present", true);
            a.put("referenced", referenced.contains(m.path()));
            out.add(a);
        }
        for (String name : missing) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("name", name);
            a.put("sha256", null);
            a.put("size", null);
            a.put("present", false);
            a.put("referenced", true);
            out.add(a);
        }
        return out;
    }

    /** Warnings naming missing and unreferenced attachments (first names, then a count). */
    void warnings(List<String> warnings, boolean hasFiles) {
        if (!missing.isEmpty() && hasFiles) {
            long n = missing.size() + missingDropped;
            warnings.add(n + " attachment(s) referenced by messages are not in the export: " + sample(missing));
        }
        List<String> unref = new ArrayList<>();
        for (String p : byPath.keySet()) {
            if (!referenced.contains(p)) {
                unref.add(p);
            }
        }
        if (!unref.isEmpty()) {
            warnings.add(unref.size() + " file(s) in the export are not referenced by any message: " + sample(unref));
        }
    }

    private static String sample(java.util.Collection<String> names) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        for (String s : names) {
            if (i == 10) {
                b.append(", ...");
                break;
            }
            if (i++ > 0) {
                b.append(", ");
            }
            b.append(s);
        }
        return b.toString();
    }
}
