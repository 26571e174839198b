package org.sakshi.sample;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Generates the clearly fictional evidence of the sample case: a phone screenshot, a short
 * bilingual WhatsApp export and a tiny tar dump of a phone. Every file says it is sample data.
 * Nothing here touches a case; {@link org.sakshi.sample.SampleCaseBuilder} imports the files.
 */
public final class SampleCase {
    public static final String CASE_NUMBER = "SAMPLE-0001";
    public static final String TITLE = "Demonstration case (fictional data)";
    public static final String AGENCY = "Sakshi Training Unit";
    public static final String OFFICER = "Insp. A. Demo";
    public static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");

    private SampleCase() {
    }

    /** Writes the three sample files into {@code dir} and returns their paths. */
    public static List<Path> writeFiles(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        out.add(writeScreenshot(dir.resolve("screenshot-SAMPLE.png")));
        out.add(writeChat(dir.resolve("WhatsApp Chat with Asha Travels (SAMPLE).txt")));
        out.add(writeTar(dir.resolve("phone-dump-SAMPLE.tar")));
        return out;
    }

    static Path writeScreenshot(Path file) throws IOException {
        int w = 540;
        int h = 960;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(0xECE5DD));
            g.fillRect(0, 0, w, h);
            g.setColor(new Color(0x075E54));
            g.fillRect(0, 0, w, 90);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 26));
            g.drawString("Asha Travels (SAMPLE)", 24, 56);
            String[][] bubbles = {
                    {"in", "Job in Dubai, salary 40,000. Send passport copy."},
                    {"out", "Which company? I want the contract first."},
                    {"in", "Contract after you reach. Ticket is free."},
                    {"in", "Do not tell your family yet."},
                    {"out", "OK. When do we leave?"},
            };
            int y = 140;
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
            for (String[] b : bubbles) {
                boolean in = b[0].equals("in");
                int bw = Math.min(w - 80, g.getFontMetrics().stringWidth(b[1]) + 32);
                int x = in ? 20 : w - 20 - bw;
                g.setColor(in ? Color.WHITE : new Color(0xDCF8C6));
                g.fillRoundRect(x, y, bw, 56, 18, 18);
                g.setColor(Color.DARK_GRAY);
                g.drawString(b[1], x + 16, y + 35);
                y += 80;
            }
            g.setColor(new Color(200, 0, 0, 160));
            g.setStroke(new BasicStroke(4));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
            String mark = "SAMPLE - FICTIONAL";
            int sw = g.getFontMetrics().stringWidth(mark);
            g.rotate(-0.5, w / 2.0, h * 0.7);
            g.drawString(mark, (w - sw) / 2, (int) (h * 0.7));
        } finally {
            g.dispose();
        }
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    static Path writeChat(Path file) throws IOException {
        String chat = String.join("\n",
                "14/03/2026, 10:02 - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.",
                "14/03/2026, 10:02 - Asha Travels: नमस्ते! दुबई में नौकरी है, तनख्वाह 40,000। (SAMPLE - fictional)",
                "14/03/2026, 10:04 - Priya: कौन सी कंपनी है? मुझे पहले अनुबंध चाहिए।",
                "14/03/2026, 10:05 - Asha Travels: अनुबंध वहाँ पहुँचने के बाद मिलेगा। टिकट मुफ़्त है।",
                "14/03/2026, 10:06 - Asha Travels: <Media omitted>",
                "15/03/2026, 21:40 - Rina: আমি কলকাতা থেকে আসছি। পাসপোর্ট কি লাগবে?",
                "15/03/2026, 21:41 - Asha Travels: হ্যাঁ, পাসপোর্টের কপি পাঠাও।",
                "15/03/2026, 21:45 - Priya: Please share the company name and address.",
                "This is a second line of the same message.",
                "16/03/2026, 08:15 - Asha Travels: This message was deleted",
                "16/03/2026, 08:16 - Asha Travels: Don't tell your family yet - we leave on 20/03, 06:30.",
                "");
        Files.writeString(file, chat, StandardCharsets.UTF_8);
        return file;
    }

    static Path writeTar(Path file) throws IOException {
        String[][] members = {
                {"sdcard/README-SAMPLE.txt", "Fictional phone dump made by 'sakshi sample'. Not real evidence.\n"},
                {"sdcard/Contacts/contacts.vcf", "BEGIN:VCARD\nVERSION:3.0\nFN:Asha Travels (SAMPLE)\nTEL:+91-00000-00000\nEND:VCARD\n"},
                {"sdcard/Notes/itinerary.txt", "Delhi -> Dubai, 20/03/2026 (SAMPLE)\n"},
                {"sdcard/DCIM/Camera/IMG_20260314_1002.txt", "placeholder for a photo (SAMPLE)\n"},
        };
        try (OutputStream os = Files.newOutputStream(file);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(os)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (String[] m : members) {
                byte[] b = m[1].getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry e = new TarArchiveEntry(m[0]);
                e.setSize(b.length);
                e.setModTime(1773475200000L);
                tar.putArchiveEntry(e);
                tar.write(b);
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
        return file;
    }
}
