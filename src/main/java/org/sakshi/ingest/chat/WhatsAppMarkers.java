package org.sakshi.ingest.chat;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words WhatsApp writes in place of media, deletions and edits, in the export languages we
 * know of (English, Hindi, Bengali, Nepali, Spanish, German, Portuguese, French). The lists are
 * best knowledge, not a published specification, so every rule also has a language-free fallback:
 * an attachment line is recognised when the named file is in the export or has WhatsApp's own
 * media file name shape; an angle-bracketed note or an "... omitted" line by its stem. The text of
 * the message is never changed by these rules, only its flags.
 */
final class WhatsAppMarkers {
    private WhatsAppMarkers() {
    }

    /** Android: "IMG-20210728-WA0001.jpg (file attached)" with the words localised. */
    private static final Pattern ANDROID_ATTACHED = Pattern.compile("^(.+?\\.[\\p{L}\\p{N}]{1,6}) \\(([^()]{2,60})\\)$");
    private static final List<String> FILE_ATTACHED = List.of(
            "file attached", "archivo adjunto", "datei angehängt", "arquivo anexado", "fichier joint",
            "फ़ाइल संलग्न है", "फ़ाइल संलग्न", "फ़ाइल अटैच की गई", "फाइल संलग्न गरिएको", "फाइल संलग्न",
            "ফাইল সংযুক্ত", "ফাইল সংযুক্ত করা হয়েছে");
    /** WhatsApp's own media names, e.g. IMG-20210728-WA0001.jpg, PTT-20210728-WA0003.opus. */
    private static final Pattern WA_MEDIA_NAME = Pattern.compile(
            "^(?:IMG|VID|AUD|PTT|DOC|STK|GIF)-\\d{8}-WA\\d{4,}.*\\.[A-Za-z0-9]{1,6}$|^\\d{8}-(?:PHOTO|VIDEO|AUDIO|STICKER|GIF|DOCUMENT)-.+");
    /** iOS: "<attached: 00000012-PHOTO-2021-07-28-14-05-00.jpg>", the word localised ("<Anhang: ...>"). */
    private static final Pattern IOS_ATTACHED = Pattern.compile("^<([^<>:]{1,40}):\\s?([^<>]+)>$");

    private static final List<String> MEDIA_STEMS = List.of("media", "medien", "multimedia", "mídia", "médias",
            "मीडिया", "মিডিয়া", "মিডিয়া", "मिडिया");
    private static final List<String> OMITTED_SUFFIXES = List.of(" omitted", " omitida", " omitido",
            " weggelassen", " ausgelassen", " छोड़ा गया", " छोड़ी गई", " हटाया गया", " বাদ দেওয়া হয়েছে",
            " বাদ দেওয়া হয়েছে", " ocultado", " omis", " omise", " छोडियो");
    private static final List<String> DELETED = List.of("this message was deleted", "you deleted this message",
            "se eliminó este mensaje", "eliminaste este mensaje", "diese nachricht wurde gelöscht",
            "du hast diese nachricht gelöscht", "यह मैसेज डिलीट कर दिया गया", "यह मैसेज डिलीट किया गया",
            "आपने यह मैसेज डिलीट किया", "यो सन्देश मेटाइयो", "এই মেসেজটি মুছে ফেলা হয়েছে",
            "আপনি এই মেসেজটি মুছে ফেলেছেন", "essa mensagem foi apagada", "ce message a été supprimé");
    private static final List<String> EDITED_STEMS = List.of("edited", "bearbeitet", "editó", "editado",
            "एडिट", "संपादित", "सम्पादन", "এডিট", "সম্পাদিত", "modifié");

    /** The attachment named by the message's first line, or null. */
    static String attachment(String firstLine, Predicate<String> inExport) {
        String line = Marks.strip(firstLine).strip();
        Matcher m = IOS_ATTACHED.matcher(line);
        if (m.matches()) {
            String name = m.group(2).strip();
            if (name.indexOf('.') > 0 || inExport.test(name)) {
                return name;
            }
        }
        m = ANDROID_ATTACHED.matcher(line);
        if (m.matches()) {
            String name = m.group(1).strip();
            String words = m.group(2).strip().toLowerCase(Locale.ROOT);
            if (FILE_ATTACHED.contains(words) || inExport.test(name) || WA_MEDIA_NAME.matcher(name).matches()) {
                return name;
            }
        }
        return null;
    }

    /** "<Media omitted>" (Android) or "image omitted" (iOS), in any of the known languages. */
    static boolean mediaOmitted(String body) {
        String s = Marks.strip(body).strip().toLowerCase(Locale.ROOT);
        if (s.length() > 80) {
            return false;
        }
        if (s.startsWith("<") && s.endsWith(">") && s.indexOf(':') < 0) {
            for (String stem : MEDIA_STEMS) {
                if (s.contains(stem)) {
                    return true;
                }
            }
        }
        if (s.indexOf('\n') < 0) {
            for (String suffix : OMITTED_SUFFIXES) {
                if (s.endsWith(suffix) || s.endsWith(suffix + ".")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "This message was deleted" / "You deleted this message" and translations. */
    static boolean deleted(String body) {
        String s = Marks.strip(body).strip().toLowerCase(Locale.ROOT);
        if (s.endsWith(".") || s.endsWith("।")) {
            s = s.substring(0, s.length() - 1);
        }
        return DELETED.contains(s);
    }

    /** The length of a trailing "<This message was edited>" note (0 when there is none). */
    static boolean edited(String body) {
        String s = Marks.strip(body).stripTrailing();
        if (!s.endsWith(">")) {
            return false;
        }
        int open = s.lastIndexOf('<');
        if (open < 0) {
            return false;
        }
        String note = s.substring(open).toLowerCase(Locale.ROOT);
        if (note.length() > 80) {
            return false;
        }
        for (String stem : EDITED_STEMS) {
            if (note.contains(stem)) {
                return true;
            }
        }
        return false;
    }

    /**
     * iOS bodies that start with an LRM but are written by a person: media markers and deletions
     * (handled by the callers) and location shares and polls.
     */
    static boolean iosUserContentAfterMark(String body) {
        String s = Marks.strip(body).strip();
        return s.startsWith("Location:") || s.startsWith("POLL:") || s.startsWith("<")
                || mediaOmitted(s) || deleted(s) || s.toLowerCase(Locale.ROOT).endsWith(" omitted");
    }

    /** The notice WhatsApp puts at the top of every chat, in English; used for iOS files without LRM. */
    static boolean isEncryptionNotice(String body) {
        String s = Marks.strip(body).strip();
        return s.startsWith("Messages and calls are end-to-end encrypted")
                || s.startsWith("Messages to this group are now secured with end-to-end encryption")
                || s.startsWith("Messages you send to this chat and calls are now secured with end-to-end encryption");
    }
}
