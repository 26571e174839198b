package org.sakshi.core;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The jurisdiction certificates a bundle can carry ({@code sakshi export --certificate CODE}, the
 * export wizard's check boxes, the report writer's templates). Each kind has a stable code and the
 * template ids ({@code templates/<id>.txt}) it is made of; the bundle holds one
 * {@code data/report/certificate-<templateId>.pdf} per template id.
 */
public enum CertificateKind {
    /** India, Bharatiya Sakshya Adhiniyam 2023 s.63(4): Part A (party) and Part B (expert). */
    IN_BSA63("IN-BSA63", List.of("IN-BSA63-PartA", "IN-BSA63-PartB"), "Asia/Kolkata"),
    /** United States, Federal Rules of Evidence 902(14): certified data copied from a device. */
    US_FRE902("US-FRE902", List.of("US-FRE902-14")),
    /**
     * Nepal, Electronic Transactions Act 2063 (2008) with the Evidence Act 2031 (1974): certificate of
     * the electronic record's source and integrity; times in Nepal Time (UTC+05:45).
     */
    NP("NP", List.of("NP-ETA2063"), "Asia/Kathmandu"),
    /**
     * Bangladesh, Evidence Act 1872 as amended in 2022 on digital records, with the ICT Act 2006 and
     * cyber security law context; times in Bangladesh Standard Time (UTC+06:00).
     */
    BD("BD", List.of("BD-EA1872"), "Asia/Dhaka"),
    /**
     * United States, 18 U.S.C. § 3505 certification of foreign records of regularly conducted activity
     * (evidence from India, Nepal or Bangladesh in a US criminal case); times in the case's zone or
     * the zone the officer gives.
     */
    US_3505("US-3505", List.of("US-3505")),
    /** A jurisdiction-neutral certificate of the bundle's contents and hashes. */
    GENERIC("GENERIC", List.of("GENERIC"));

    private final String code;
    private final List<String> templates;
    private final ZoneId formZone;

    CertificateKind(String code, List<String> templates) {
        this(code, templates, null);
    }

    CertificateKind(String code, List<String> templates, String formZone) {
        this.code = code;
        this.templates = templates;
        this.formZone = formZone == null ? null : ZoneId.of(formZone);
    }

    /**
     * The zone the form's law expects its times in (IST for India, NPT for Nepal, BST for
     * Bangladesh); empty for the US and generic forms, whose times are in the case's zone or the
     * zone the officer gives.
     */
    public Optional<ZoneId> formZone() {
        return Optional.ofNullable(formZone);
    }

    /** The kind a template id belongs to, if any ({@code IN-BSA63-PartB} is {@link #IN_BSA63}). */
    public static Optional<CertificateKind> ofTemplate(String templateId) {
        return Arrays.stream(values()).filter(k -> k.templates.contains(templateId)).findFirst();
    }

    /** The code users type and bundles record, e.g. {@code IN-BSA63}. */
    public String code() {
        return code;
    }

    /** The certificate template ids this kind is made of, in bundle order. */
    public List<String> templates() {
        return templates;
    }

    /** The kind offered by default for a case of this jurisdiction: GENERIC where none is specific. */
    public static CertificateKind forJurisdiction(Jurisdiction j) {
        return switch (j == null ? Jurisdiction.OTHER : j) {
            case IN -> IN_BSA63;
            case US -> US_FRE902;
            case NP -> NP;
            case BD -> BD;
            default -> GENERIC;
        };
    }

    /**
     * The kind named by {@code text}: its code or one of its template ids, in any case
     * ({@code in-bsa63}, {@code US-FRE902-14}).
     *
     * @throws InputException no kind has that name (the message lists the codes)
     */
    public static CertificateKind fromCode(String text) throws InputException {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        for (CertificateKind k : values()) {
            if (k.code.equals(t) || k.templates.stream().anyMatch(id -> id.toUpperCase(Locale.ROOT).equals(t))) {
                return k;
            }
        }
        throw new InputException("unknown certificate '" + text + "'; use one of " + codes() + ".");
    }

    /** All codes, e.g. {@code IN-BSA63|US-FRE902|GENERIC}. */
    public static String codes() {
        return Arrays.stream(values()).map(CertificateKind::code).collect(Collectors.joining("|"));
    }

    /** Every template id of every kind. */
    public static List<String> allTemplates() {
        return Arrays.stream(values()).flatMap(k -> k.templates.stream()).toList();
    }

    @Override
    public String toString() {
        return code;
    }
}
