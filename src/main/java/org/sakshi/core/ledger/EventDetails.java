package org.sakshi.core.ledger;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code details} of each event type, typed once (docs/custody-ledger.md#event-types-and-details).
 * Writers build details through the {@code of(...)} factories, readers (the audit
 * analyser, the ledger verifier, the report) read them through the {@code read(...)} methods and
 * the key constants; nobody guesses a key. Readers are lenient (a missing member reads as null),
 * because a ledger written by another version may lack a member; they never throw.
 */
public final class EventDetails {
    private EventDetails() {
    }

    /** CASE_CREATED: the case's metadata and the key of the workstation that created it. */
    public static final class CaseCreated {
        public static final String NUMBER = "number";
        public static final String TITLE = "title";
        public static final String AGENCY = "agency";
        public static final String JURISDICTION = "jurisdiction";
        public static final String ZONE = "zone";
        /** A {@link KeyEnrolled} object: the creating key, enrolled with the case. */
        public static final String KEY = "key";

        private CaseCreated() {
        }

        public static Map<String, Object> of(String number, String title, String agency, String jurisdiction,
                                             String zone) {
            return ordered(NUMBER, number,
                    TITLE, title,
                    AGENCY, agency,
                    JURISDICTION, jurisdiction,
                    ZONE, zone);
        }
    }

    /**
     * KEY_ENROLLED (and CASE_CREATED's {@code key}): a key that signs heads of this case from now
     * on. {@code cert} is the base64 DER certificate, {@code key_sha256} its SHA-256, {@code alg}
     * the JCA signature algorithm, {@code role} {@code workstation} or {@code officer}, and
     * {@code vouches} the fingerprints of the keys already enrolled, which the new key's holder
     * accepted when it first wrote to the case.
     */
    public static final class KeyEnrolled {
        public static final String KEY_SHA256 = "key_sha256";
        public static final String ALG = "alg";
        public static final String CERT = "cert";
        public static final String SUBJECT = "subject";
        public static final String ROLE = "role";
        public static final String VOUCHES = "vouches";

        private KeyEnrolled() {
        }

        public static Map<String, Object> of(HeadSigner key, String role, List<String> vouches) {
            return ordered(KEY_SHA256, key.fingerprint(),
                    ALG, key.algorithm(),
                    CERT, Base64.getEncoder().encodeToString(key.certificate()),
                    SUBJECT, key.subject(),
                    ROLE, role,
                    VOUCHES, List.copyOf(vouches));
        }

        /** What an enrolment says; fields null when absent. */
        public record Read(String keySha256, String alg, String cert, String subject, String role,
                           List<String> vouches) {
        }

        public static Read read(Map<String, Object> d) {
            return new Read(str(d, KEY_SHA256), str(d, ALG), str(d, CERT), str(d, SUBJECT), str(d, ROLE),
                    strings(d.get(VOUCHES)));
        }
    }

    /**
     * LEDGER_ADOPTED: events {@code from}..{@code to} were found after the last signed head when a
     * key holder opened the case for writing (an operation that died before signing, or a case
     * written before signed heads existed); the next signed head covers them, and this event says so.
     */
    public static final class LedgerAdopted {
        public static final String FROM = "from";
        public static final String TO = "to";
        public static final String REASON = "reason";

        private LedgerAdopted() {
        }

        public static Map<String, Object> of(long from, long to, String reason) {
            return ordered(FROM, from,
                    TO, to,
                    REASON, reason);
        }

        /** The adopted range as read back; a missing bound reads as 0. */
        public record Read(long from, long to, String reason) {
        }

        public static Read read(Map<String, Object> d) {
            return new Read(number(d.get(FROM)), number(d.get(TO)), d.get(REASON) == null ? null
                    : String.valueOf(d.get(REASON)));
        }

        private static long number(Object o) {
            return o instanceof Number n ? n.longValue() : 0;
        }
    }

    /**
     * CASE_MOVED: where the case was ({@code from}) and is now ({@code to}), each {@code folder:<absolute
     * path>} or {@code server:<server name>}; {@code events} and {@code head}: the seq and hash of the
     * last event copied before this one, which the new place's ledger was verified to end with.
     */
    public static final class CaseMoved {
        public static final String FROM = "from";
        public static final String TO = "to";
        public static final String EVENTS = "events";
        public static final String HEAD = "head";

        private CaseMoved() {
        }

        public static Map<String, Object> of(String from, String to, long events, String head) {
            return ordered(FROM, from,
                    TO, to,
                    EVENTS, events,
                    HEAD, head);
        }
    }

    /**
     * CASE_COMPACTED: the database file rewritten ({@code file}, {@code case.db}), its page size
     * before and after (bytes), its size before (bytes), and the ledger it held, verified, just
     * before this event ({@code events}: the last seq, {@code head}: its hash).
     */
    public static final class CaseCompacted {
        public static final String FILE = "file";
        public static final String PAGE_SIZE_BEFORE = "page_size_before";
        public static final String PAGE_SIZE = "page_size";
        public static final String SIZE_BEFORE = "size_before";
        public static final String EVENTS = "events";
        public static final String HEAD = "head";

        private CaseCompacted() {
        }

        public static Map<String, Object> of(String file, long pageSizeBefore, long pageSize, long sizeBefore,
                                             long events, String head) {
            return ordered(FILE, file,
                    PAGE_SIZE_BEFORE, pageSizeBefore,
                    PAGE_SIZE, pageSize,
                    SIZE_BEFORE, sizeBefore,
                    EVENTS, events,
                    HEAD, head);
        }
    }

    /**
     * ITEM_IMPORTED: what was imported. {@code source} is the seizure details object ({@code text},
     * {@code device_make}, {@code device_model}, {@code device_serial}, {@code device_imei},
     * {@code location}: where it was seized), {@code files}
     * the number of files of a folder item, {@code duplicate_of} the first item with the same SHA-256.
     */
    public static final class ItemImported {
        public static final String NAME = "name";
        public static final String KIND = "kind";
        public static final String SIZE = "size";
        public static final String SHA256 = "sha256";
        public static final String SHA1 = "sha1";
        public static final String MD5 = "md5";
        public static final String SOURCE_PATH = "source_path";
        public static final String SOURCE = "source";
        public static final String FOLDER = "folder";
        public static final String FILES = "files";
        public static final String DUPLICATE_OF = "duplicate_of";
        public static final String NOTE = "note";
        /** Inside {@link #SOURCE}: where the item was seized. */
        public static final String SOURCE_LOCATION = "location";
        /** An item taken in from a received bundle: a {@link Received} object, absent otherwise. */
        public static final String RECEIVED = "received";

        private ItemImported() {
        }

        /** The location of seizure recorded in the event's {@code source}; null when none was given. */
        public static String location(Map<String, Object> details) {
            if (details != null && details.get(SOURCE) instanceof Map<?, ?> src
                    && src.get(SOURCE_LOCATION) instanceof String loc) {
                return loc;
            }
            return null;
        }

        public static Map<String, Object> of(String name, String kind, long size, String sha256, String sha1, String md5,
                                             String sourcePath, Object source, boolean folder, Integer files,
                                             String duplicateOf, String note) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put(NAME, name);
            d.put(KIND, kind);
            d.put(SIZE, size);
            d.put(SHA256, sha256);
            d.put(SHA1, sha1);
            d.put(MD5, md5);
            d.put(SOURCE_PATH, sourcePath);
            d.put(SOURCE, source);
            d.put(FOLDER, folder);
            if (folder) {
                d.put(FILES, files);
            }
            d.put(DUPLICATE_OF, duplicateOf);
            d.put(NOTE, note);
            return d;
        }
    }

    /**
     * ITEM_DERIVED, in two forms: a new item made from a parent ({@link #ofItem}: {@code parent},
     * {@code parent_sha256}, {@code method}, {@code reason}, {@code regions} and the new item's
     * name, kind, size and digests), or a file a parser derived from the item ({@link #ofFile}:
     * {@code file}, {@code media_type}, {@code sha256}, {@code size}); {@code tool} names the software.
     */
    public static final class ItemDerived {
        public static final String PARENT = "parent";
        public static final String PARENT_SHA256 = "parent_sha256";
        public static final String METHOD = "method";
        public static final String REASON = "reason";
        public static final String REGIONS = "regions";
        public static final String NAME = "name";
        public static final String KIND = "kind";
        public static final String SIZE = "size";
        public static final String SHA256 = "sha256";
        public static final String SHA1 = "sha1";
        public static final String MD5 = "md5";
        public static final String FILE = "file";
        public static final String MEDIA_TYPE = "media_type";
        public static final String TOOL = "tool";

        private ItemDerived() {
        }

        public static Map<String, Object> ofItem(String parent, String parentSha256, String method, String reason,
                                                 Object regions, String name, String kind, long size, String sha256,
                                                 String sha1, String md5, String tool) {
            return ordered(PARENT, parent,
                    PARENT_SHA256, parentSha256,
                    METHOD, method,
                    REASON, reason,
                    REGIONS, regions,
                    NAME, name,
                    KIND, kind,
                    SIZE, size,
                    SHA256, sha256,
                    SHA1, sha1,
                    MD5, md5,
                    TOOL, tool);
        }

        public static Map<String, Object> ofFile(String file, String mediaType, String sha256, long size, String tool) {
            return ordered(FILE, file,
                    MEDIA_TYPE, mediaType,
                    SHA256, sha256,
                    SIZE, size,
                    TOOL, tool);
        }

        /** The parent item of a derived item, null for a derived file. */
        public static String parent(Map<String, Object> d) {
            return str(d, PARENT);
        }
    }

    /** ASSUMPTION_RECORDED: what was assumed (e.g. a chat's time zone), the value, and why. */
    public static final class AssumptionRecorded {
        public static final String WHAT = "what";
        public static final String VALUE = "value";
        public static final String REASON = "reason";

        private AssumptionRecorded() {
        }

        public static Map<String, Object> of(String what, Object value, String reason) {
            return ordered(WHAT, what,
                    VALUE, value,
                    REASON, reason);
        }
    }

    /** ITEM_ACCESSED: why the item was opened. */
    public static final class ItemAccessed {
        public static final String PURPOSE = "purpose";

        private ItemAccessed() {
        }

        public static Map<String, Object> of(String purpose) {
            return ordered(PURPOSE, purpose);
        }
    }

    /** EXPORT_STARTED: the bundle being made, its file name, items, certificate templates and TSAs. */
    public static final class ExportStarted {
        public static final String BUNDLE_ID = "bundle_id";
        public static final String FILE = "file";
        public static final String ITEMS = "items";
        public static final String CERTIFICATES = "certificates";
        public static final String TSAS = "tsas";

        private ExportStarted() {
        }

        public static Map<String, Object> of(String bundleId, String file, List<String> items, List<String> certificates,
                                             List<String> tsas) {
            return ordered(BUNDLE_ID, bundleId,
                    FILE, file,
                    ITEMS, List.copyOf(items),
                    CERTIFICATES, List.copyOf(certificates),
                    TSAS, List.copyOf(tsas));
        }
    }

    /** ITEM_TIMESTAMPED: the item's RFC 3161 token; {@code time} is the token's genTime. */
    public static final class ItemTimestamped {
        public static final String TSA = "tsa";
        public static final String GEN_TIME = "time";
        public static final String SERIAL = "serial";

        private ItemTimestamped() {
        }

        public static Map<String, Object> of(String tsa, Instant genTime, String serial) {
            return ordered(TSA, tsa,
                    GEN_TIME, EventCodec.formatAt(genTime),
                    SERIAL, serial);
        }

        /** The token's genTime, null when absent or unreadable. */
        public static Instant genTime(Map<String, Object> d) {
            return instant(d.get(GEN_TIME));
        }
    }

    /**
     * LEDGER_ANCHORED: an RFC 3161 token over the ledger's head. {@code seq} is the anchored event
     * (always the one just before the anchor), {@code head} its hash, {@code time} the genTime,
     * {@code token} the base64 DER TimeStampResp.
     */
    public static final class LedgerAnchored {
        public static final String SEQ = "seq";
        public static final String HEAD = "head";
        public static final String TSA = "tsa";
        public static final String GEN_TIME = "time";
        public static final String SERIAL = "serial";
        public static final String TOKEN = "token";

        private LedgerAnchored() {
        }

        public static Map<String, Object> of(long seq, String head, String tsa, Instant genTime, String serial,
                                             byte[] token) {
            return ordered(SEQ, seq,
                    HEAD, head,
                    TSA, tsa,
                    GEN_TIME, EventCodec.formatAt(genTime),
                    SERIAL, serial,
                    TOKEN, Base64.getEncoder().encodeToString(token));
        }

        /** What an anchor says; {@code seq} null when the anchor predates the member (then seq - 1 is meant). */
        public record Read(Long seq, String head, String tsa, Instant genTime, String serial, String token) {
        }

        /** The anchored head. */
        public static String head(Map<String, Object> d) {
            return str(d, HEAD);
        }

        public static Read read(Map<String, Object> d) {
            Object s = d.get(SEQ);
            return new Read(s instanceof Number n ? n.longValue() : null, str(d, HEAD), str(d, TSA),
                    instant(d.get(GEN_TIME)), str(d, SERIAL), str(d, TOKEN));
        }
    }

    /** EXPORT_SEALED: the sealed bundle; {@code time} the genTime of its bundle token when one was recorded. */
    public static final class ExportSealed {
        public static final String BUNDLE_ID = "bundle_id";
        public static final String FILE = "file";
        public static final String SHA256 = "sha256";
        public static final String SIZE = "size";
        public static final String VERDICT = "verdict";
        public static final String GEN_TIME = "time";
        /** An encrypted export: the .p7m's name, SHA-256 and size (bytes); {@code file}/{@code sha256} name the ZIP inside. */
        public static final String ENCRYPTED_FILE = "encrypted_file";
        public static final String ENCRYPTED_SHA256 = "encrypted_sha256";
        public static final String ENCRYPTED_SIZE = "encrypted_size";
        /** The recipients of an encrypted export: SHA-256 fingerprints of their certificates. */
        public static final String RECIPIENTS = "recipients";

        private ExportSealed() {
        }

        /** EXPORT_SEALED of a bundle that left only encrypted, as {@code encryptedFile}. */
        public static Map<String, Object> ofEncrypted(String bundleId, String file, String sha256, long size,
                                                      String verdict, String encryptedFile, String encryptedSha256,
                                                      long encryptedSize, java.util.List<String> recipients) {
            Map<String, Object> d = of(bundleId, file, sha256, size, verdict);
            d.put(ENCRYPTED_FILE, encryptedFile);
            d.put(ENCRYPTED_SHA256, encryptedSha256);
            d.put(ENCRYPTED_SIZE, encryptedSize);
            d.put(RECIPIENTS, java.util.List.copyOf(recipients));
            return d;
        }

        public static Map<String, Object> of(String bundleId, String file, String sha256, long size, String verdict) {
            return ordered(BUNDLE_ID, bundleId,
                    FILE, file,
                    SHA256, sha256,
                    SIZE, size,
                    VERDICT, verdict);
        }

        /** The bundle an EXPORT_STARTED or EXPORT_SEALED names. */
        public static String bundleId(Map<String, Object> d) {
            return str(d, BUNDLE_ID);
        }

        public static Instant genTime(Map<String, Object> d) {
            return instant(d.get(GEN_TIME));
        }
    }

    /** TRANSFERRED: a hand-over; {@code items} lists the items of a case-level transfer. */
    public static final class Transferred {
        public static final String FROM = "from";
        public static final String TO = "to";
        public static final String REASON = "reason";
        public static final String LOCATION = "location";
        public static final String SEAL = "seal";
        public static final String ITEMS = "items";
        /** The person who physically received the items for {@code to} (the acknowledgement). */
        public static final String RECEIVED_BY = "received_by";
        /** The person who physically handed the items over for {@code from}. */
        public static final String HANDED_OVER_BY = "handed_over_by";

        private Transferred() {
        }

        public static Map<String, Object> of(String from, String to, String reason, String location, String seal) {
            return of(from, to, null, null, reason, location, seal);
        }

        /** As {@link #of(String, String, String, String, String)}; the two names only when given. */
        public static Map<String, Object> of(String from, String to, String receivedBy, String handedOverBy,
                                             String reason, String location, String seal) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put(FROM, from);
            d.put(TO, to);
            if (receivedBy != null) {
                d.put(RECEIVED_BY, receivedBy);
            }
            if (handedOverBy != null) {
                d.put(HANDED_OVER_BY, handedOverBy);
            }
            d.put(REASON, reason);
            d.put(LOCATION, location);
            d.put(SEAL, seal);
            return d;
        }

        public static String from(Map<String, Object> details) {
            return details != null && details.get(FROM) instanceof String s ? s : null;
        }

        public static String to(Map<String, Object> details) {
            return details != null && details.get(TO) instanceof String s ? s : null;
        }

        /** The items of a case-level transfer ({@code items}), empty when absent (then: every item so far). */
        public static List<String> items(Map<String, Object> details) {
            List<String> out = new ArrayList<>();
            if (details != null && details.get(ITEMS) instanceof List<?> l) {
                for (Object o : l) {
                    if (o instanceof String s) {
                        out.add(s);
                    }
                }
            }
            return out;
        }
    }

    /**
     * ITEM_IMPORTED's {@code received}: where an item taken in from a bundle came from, as the
     * sender recorded it. {@code bundle_id} the received bundle, {@code case_id}, {@code case_number},
     * {@code agency} the sender's case, {@code item_id} the sender's item id, {@code sha256} the
     * sender's SHA-256, {@code imported_at} and {@code imported_by} the original import,
     * {@code token_time} the genTime of the original import token kept as is (null when it had none).
     */
    public static final class Received {
        public static final String BUNDLE_ID = "bundle_id";
        public static final String CASE_ID = "case_id";
        public static final String CASE_NUMBER = "case_number";
        public static final String AGENCY = "agency";
        public static final String ITEM_ID = "item_id";
        public static final String SHA256 = "sha256";
        public static final String IMPORTED_AT = "imported_at";
        public static final String IMPORTED_BY = "imported_by";
        public static final String TOKEN_TIME = "token_time";

        private Received() {
        }

        public static Map<String, Object> of(String bundleId, String caseId, String caseNumber, String agency,
                                             String itemId, String sha256, String importedAt, String importedBy,
                                             String tokenTime) {
            return ordered(BUNDLE_ID, bundleId,
                    CASE_ID, caseId,
                    CASE_NUMBER, caseNumber,
                    AGENCY, agency,
                    ITEM_ID, itemId,
                    SHA256, sha256,
                    IMPORTED_AT, importedAt,
                    IMPORTED_BY, importedBy,
                    TOKEN_TIME, tokenTime);
        }

        /** What a {@code received} object says; null when the ITEM_IMPORTED details carry none. */
        public record Read(String bundleId, String caseId, String caseNumber, String agency, String itemId,
                           String sha256, Instant importedAt, String importedBy) {
        }

        public static Read read(Map<String, Object> itemImportedDetails) {
            if (itemImportedDetails == null || !(itemImportedDetails.get(ItemImported.RECEIVED) instanceof Map<?, ?> m)) {
                return null;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> d = (Map<String, Object>) m;
            return new Read(str(d, BUNDLE_ID), str(d, CASE_ID), str(d, CASE_NUMBER), str(d, AGENCY), str(d, ITEM_ID),
                    str(d, SHA256), instant(d.get(IMPORTED_AT)), str(d, IMPORTED_BY));
        }
    }

    /**
     * BUNDLE_RECEIVED: a bundle verified and taken into this case. {@code bundle_id}, {@code file} and
     * {@code sha256} (of the ZIP file); the sender: {@code signer} (subject) and
     * {@code signer_cert_sha256}, {@code sender_case_id}, {@code sender_case_number},
     * {@code sender_agency}; the sender's custody head as sealed in the bundle: {@code sender_head}
     * (last event hash), {@code sender_count} (events) and {@code sender_last_at} (the last event's
     * time, the start of the export); {@code exported_at}; the verification: {@code verdict} and
     * {@code checks} ("RESULT CODE target" per check), {@code accepted_reason} (why an INDETERMINATE
     * bundle was accepted, else null); the hand-over: {@code received_by}, {@code from}, {@code via},
     * {@code seals} (list); {@code stored} (the case-relative folder keeping the sender's signed files).
     */
    public static final class BundleReceived {
        public static final String BUNDLE_ID = "bundle_id";
        public static final String FILE = "file";
        public static final String SHA256 = "sha256";
        public static final String SIGNER = "signer";
        public static final String SIGNER_CERT_SHA256 = "signer_cert_sha256";
        public static final String SENDER_CASE_ID = "sender_case_id";
        public static final String SENDER_CASE_NUMBER = "sender_case_number";
        public static final String SENDER_AGENCY = "sender_agency";
        public static final String SENDER_HEAD = "sender_head";
        public static final String SENDER_COUNT = "sender_count";
        public static final String SENDER_LAST_AT = "sender_last_at";
        public static final String EXPORTED_AT = "exported_at";
        public static final String VERDICT = "verdict";
        public static final String CHECKS = "checks";
        public static final String ACCEPTED_REASON = "accepted_reason";
        public static final String RECEIVED_BY = "received_by";
        public static final String FROM = "from";
        public static final String VIA = "via";
        public static final String SEALS = "seals";
        public static final String STORED = "stored";

        private BundleReceived() {
        }

        /** The sender's part: bundle, file, signer and the sender's case and custody head. */
        public record Sender(String bundleId, String file, String sha256, String signer, String signerCertSha256,
                             String caseId, String caseNumber, String agency, String head, long count,
                             String lastAt, String exportedAt) {
        }

        /** The receiving part: verdict, checks, accepted reason and who, from whom, how, seals, where kept. */
        public record Receipt(String verdict, List<String> checks, String acceptedReason, String receivedBy,
                              String from, String via, List<String> seals, String stored) {
        }

        public static Map<String, Object> of(Sender s, Receipt r) {
            return ordered(BUNDLE_ID, s.bundleId(),
                    FILE, s.file(),
                    SHA256, s.sha256(),
                    SIGNER, s.signer(),
                    SIGNER_CERT_SHA256, s.signerCertSha256(),
                    SENDER_CASE_ID, s.caseId(),
                    SENDER_CASE_NUMBER, s.caseNumber(),
                    SENDER_AGENCY, s.agency(),
                    SENDER_HEAD, s.head(),
                    SENDER_COUNT, s.count(),
                    SENDER_LAST_AT, s.lastAt(),
                    EXPORTED_AT, s.exportedAt(),
                    VERDICT, r.verdict(),
                    CHECKS, List.copyOf(r.checks()),
                    ACCEPTED_REASON, r.acceptedReason(),
                    RECEIVED_BY, r.receivedBy(),
                    FROM, r.from(),
                    VIA, r.via(),
                    SEALS, List.copyOf(r.seals()),
                    STORED, r.stored());
        }

        /** What a BUNDLE_RECEIVED says, for the verifiers and the audit; absent members read as null (count -1). */
        public record Read(String bundleId, String signerCertSha256, String senderHead, long senderCount,
                           Instant senderLastAt, String senderAgency, String senderCaseNumber, String receivedBy,
                           String from, String via, List<String> seals, String acceptedReason, String stored) {
        }

        public static Read read(Map<String, Object> d) {
            Object c = d == null ? null : d.get(SENDER_COUNT);
            return new Read(str(d, BUNDLE_ID), str(d, SIGNER_CERT_SHA256), str(d, SENDER_HEAD),
                    c instanceof Number n ? n.longValue() : -1, instant(d == null ? null : d.get(SENDER_LAST_AT)),
                    str(d, SENDER_AGENCY), str(d, SENDER_CASE_NUMBER), str(d, RECEIVED_BY), str(d, FROM), str(d, VIA),
                    strings(d == null ? null : d.get(SEALS)), str(d, ACCEPTED_REASON), str(d, STORED));
        }
    }

    /** NOTE: free text; {@code items} when it concerns several items. */
    public static final class Note {
        public static final String TEXT = "text";
        public static final String ITEMS = "items";

        private Note() {
        }

        public static Map<String, Object> of(String text) {
            return ordered(TEXT, text);
        }
    }

    /** The genTime of the token an event carries, read by the key its type defines; null for other types. */
    public static Instant tokenTime(String type, Map<String, Object> d) {
        return switch (type) {
            case "ITEM_TIMESTAMPED" -> ItemTimestamped.genTime(d);
            case "LEDGER_ANCHORED" -> instant(d.get(LedgerAnchored.GEN_TIME));
            case "EXPORT_SEALED" -> ExportSealed.genTime(d);
            default -> null;
        };
    }

    static String str(Map<String, Object> d, String k) {
        Object v = d == null ? null : d.get(k);
        return v instanceof String s ? s : v == null || v instanceof Map || v instanceof List ? null : v.toString();
    }

    static List<String> strings(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof String s) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    static Instant instant(Object v) {
        if (!(v instanceof String s)) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A details map in the given key order: key, value, key, value, ... (null values kept, as JCS hashes them). */
    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> d = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            d.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return d;
    }
}
