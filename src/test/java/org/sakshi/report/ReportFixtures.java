package org.sakshi.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.sakshi.core.Actor;
import org.sakshi.core.CaseInfo;
import org.sakshi.core.CustodyEvent;
import org.sakshi.core.Digests;
import org.sakshi.core.Item;
import org.sakshi.core.ItemKind;
import org.sakshi.core.ItemTimestamp;
import org.sakshi.core.Jurisdiction;
import org.sakshi.core.SourceDetails;
import org.sakshi.core.TimestampStatus;
import org.sakshi.core.Workstation;

/** A small case with a screenshot, a multilingual chat and a device dump, built in memory. */
final class ReportFixtures {
    static final String HINDI = "कृपया प्रमाण कार्यालय में जमा करें — हिन्दी";
    static final String NEPALI = "नेपाली भाषामा सन्देश: प्रहरी कार्यालय";
    static final String BENGALI = "সাক্ষ্য বাংলাদেশ থেকে পাঠানো হয়েছে";
    static final String EMOJI = "Meet at the station 🚉 tonight 👍🏽 ok?";
    static final Instant T0 = Instant.parse("2026-11-20T09:15:30Z");
    static final UUID CASE_ID = UUID.fromString("0f8d6b2e-8c1e-4d53-9a51-3a2b8f7c1d00");
    static final String BUNDLE_ID = "6b1c2f0e-4a7d-4c55-8f1e-2d9e0a7b3c11";

    private ReportFixtures() {
    }

    static Digests digests(String seed) {
        return new Digests(hex("SHA-256", seed), hex("SHA-1", seed), hex("MD5", seed));
    }

    static String hex(String alg, String seed) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(alg).digest(seed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static CaseInfo caseInfo() {
        return new CaseInfo(CASE_ID, "FIR 123/2026", "Trafficking ring — Kolkata to Kathmandu",
                "Anti Human Trafficking Unit, Kolkata", Jurisdiction.IN, "Inspector Asha Verma",
                ZoneId.of("Asia/Kolkata"), T0.minusSeconds(86_400));
    }

    static Actor officer() {
        return new Actor("Inspector Asha Verma", "Inspector", "KP-4471", "Anti Human Trafficking Unit, Kolkata",
                hex("SHA-256", "officer-cert"));
    }

    static Item screenshot() {
        Map<String, Object> exif = new LinkedHashMap<>();
        exif.put("datetime_original", "2026:11:18 21:04:11");
        exif.put("make", "Samsung");
        exif.put("model", "Galaxy A14");
        exif.put("gps", List.of(22.5726, 88.3639));
        exif.put("software", null);
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("format", "png");
        image.put("width", 1080L);
        image.put("height", 2340L);
        image.put("exif", exif);
        return new Item("E0001", ItemKind.SCREENSHOT, "Screenshot_20261118-210411.png", 482_113, digests("E0001"),
                T0, "Inspector Asha Verma", "/media/usb/Screenshot_20261118-210411.png",
                new SourceDetails("Seized phone of suspect A, gallery", "Samsung", "Galaxy A14", "R58T90ABCDE",
                        "356789104512345", "Howrah PS"),
                new ItemTimestamp(TimestampStatus.GRANTED, T0.plusSeconds(2), "http://127.0.0.1/tsa"), null,
                List.of(), false, Map.of("image", image));
    }

    static Item chat(long messages) {
        Map<String, Object> chat = new LinkedHashMap<>();
        chat.put("platform", "whatsapp");
        chat.put("messages", messages);
        chat.put("user_messages", messages - 1);
        chat.put("system_messages", 1L);
        chat.put("participants", List.of("Ravi Kumar", "রাহুল দাস", "Sita"));
        chat.put("first_time", "2026-11-01T08:00:00");
        chat.put("last_time", "2026-11-18T22:10:00");
        chat.put("zone", "Asia/Kolkata");
        chat.put("date_order", "dmy");
        chat.put("attachments", List.of(Map.of("name", "IMG-20261102-WA0001.jpg", "sha256", hex("SHA-256", "att"),
                "size", 58_211L, "present", true)));
        return new Item("E0002", ItemKind.CHAT, "WhatsApp Chat with Ravi.zip", 1_204_551, digests("E0002"),
                T0.plusSeconds(60), "Inspector Asha Verma", "/media/usb/WhatsApp Chat with Ravi.zip",
                new SourceDetails("Exported from the suspect's phone by the officer", null, null, null, null, null),
                new ItemTimestamp(TimestampStatus.GRANTED, T0.plusSeconds(62), "http://127.0.0.1/tsa"), null,
                List.of(), false, Map.of("chat", chat));
    }

    static Item device() {
        Map<String, Object> acq = new LinkedHashMap<>();
        acq.put("md5_stored", hex("MD5", "E0003"));
        acq.put("sha1_stored", hex("SHA-1", "E0003"));
        acq.put("md5_computed", hex("MD5", "E0003"));
        acq.put("sha1_computed", hex("SHA-1", "E0003"));
        acq.put("verified", true);
        acq.put("case_number", "FIR 123/2026");
        acq.put("examiner", "SI Mohan");
        acq.put("evidence_number", "EV-7");
        acq.put("description", "Laptop disk");
        acq.put("notes", null);
        Map<String, Object> dev = new LinkedHashMap<>();
        dev.put("format", "e01");
        dev.put("members", 3L);
        dev.put("total_member_bytes", 9_000L);
        dev.put("acquisition", acq);
        return new Item("E0003", ItemKind.DEVICE, "laptop-disk.E01", 2_147_483_648L, digests("E0003"),
                T0.plusSeconds(120), "SI Mohan", "/evidence/laptop-disk.E01",
                new SourceDetails("Dell laptop seized at the hotel", "Dell", "Latitude 5420", "5CG1234XYZ", null, null),
                ItemTimestamp.PENDING, null, List.of("one sector unreadable at acquisition"), false,
                Map.of("device", dev));
    }

    /** One of the message shapes of docs/cli.md#json-of-an-item, varied by index; never stored. */
    static Map<String, Object> message(long i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", i);
        m.put("time", LocalDateTime.parse("2026-11-01T08:00:00").plusMinutes(i).toString());
        String[] senders = {"Ravi Kumar", "রাহুল দাস", "Sita"};
        String[] texts = {HINDI, BENGALI, NEPALI, EMOJI,
            "A long message that wraps over several lines of the transcript column so the layout is exercised: "
                    + "the quick brown fox jumps over the lazy dog, again and again, until the line must break."};
        if (i == 1) {
            m.put("sender", null);
            m.put("text", "Messages and calls are end-to-end encrypted.");
            m.put("attachment", null);
            m.put("flags", List.of());
            return m;
        }
        m.put("sender", senders[(int) (i % senders.length)]);
        m.put("text", texts[(int) (i % texts.length)] + " #" + i);
        m.put("attachment", i % 7 == 0 ? Map.of("name", "IMG-" + i + ".jpg", "sha256", hex("SHA-256", "att" + i))
                : null);
        m.put("flags", i % 11 == 0 ? List.of("edited") : List.of());
        return m;
    }

    static RecordSource records(long messages) {
        return (item, consumer) -> {
            if (item.kind() == ItemKind.CHAT) {
                for (long i = 1; i <= messages; i++) {
                    consumer.accept(message(i));
                }
            } else if (item.kind() == ItemKind.DEVICE) {
                for (int i = 1; i <= 3; i++) {
                    consumer.accept(Map.of("path", "Users/suspect/Documents/ledger-" + i + ".xlsx", "size", 3000L,
                            "sha256", hex("SHA-256", "member" + i), "type", "file"));
                }
            }
        };
    }

    static byte[] png() {
        BufferedImage img = new BufferedImage(120, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(40, 90, 160));
        g.fillRect(0, 0, 120, 240);
        g.setColor(Color.WHITE);
        g.fillRect(10, 20, 100, 30);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static List<CustodyEvent> events() {
        List<CustodyEvent> ev = new ArrayList<>();
        Workstation ws = new Workstation("lab-ws-01", "asha", "sakshi 0.1.0");
        String prev = CustodyEvent.GENESIS_PREV;
        String[][] rows = {{"CASE_CREATED", null}, {"ITEM_IMPORTED", "E0001"}, {"ITEM_TIMESTAMPED", "E0001"},
            {"ITEM_IMPORTED", "E0002"}, {"ITEM_IMPORTED", "E0003"},
            {"TRANSFERRED", "E0003"}, {"EXPORT_STARTED", null}};
        for (int i = 0; i < rows.length; i++) {
            String hash = hex("SHA-256", "event" + i);
            Map<String, Object> details = new LinkedHashMap<>();
            if (rows[i][0].equals("TRANSFERRED")) {
                details.put("to", "Malkhana, Howrah PS");
                details.put("reason", "safe keeping");
                details.put("seal", "S-0042");
            } else if (rows[i][1] != null) {
                details.put("sha256", hex("SHA-256", rows[i][1]));
            }
            ev.add(new CustodyEvent(i + 1, UUID.nameUUIDFromBytes(("e" + i).getBytes(StandardCharsets.UTF_8)),
                    CASE_ID, T0.plusSeconds(30L * i), rows[i][0], officer(), ws, rows[i][1],
                    rows[i][1] == null ? null : hex("SHA-256", rows[i][1]), details, prev, hash, null));
            prev = hash;
        }
        return ev;
    }

    static ReportData data(long messages) {
        List<CustodyEvent> events = events();
        byte[] png = png();
        return new ReportData(caseInfo(), BUNDLE_ID, T0.plusSeconds(3600), officer(), "sakshi 0.1.0",
                events.get(events.size() - 1).hash(), List.of(screenshot(), chat(messages), device()), events,
                records(messages), item -> item.kind() == ItemKind.SCREENSHOT ? Optional.of(png) : Optional.empty());
    }
}
