package org.sakshi.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * The mutual legal assistance transmittal letter ({@code templates/MLA-TRANSMITTAL.txt}), filled
 * from a {@link TransmittalLetter} with the certificates' template language and layout.
 */
final class TransmittalDocument {
    static final String TEMPLATE = "MLA-TRANSMITTAL";

    private TransmittalDocument() {
    }

    static void write(TransmittalLetter t, Path templateOverrideDir, OutputStream out) throws ReportException {
        String template = Templates.load(TEMPLATE, templateOverrideDir);
        List<Templates.Line> lines = Templates.expand(template, values(t), items(t), List.of());
        try (PDDocument doc = new PDDocument()) {
            PdfDocs.describe(doc, "Transmittal of bundle " + t.bundleId() + " — case " + t.caseNumber(),
                    t.preparedAt());
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setAuthor(t.sender().name());
            info.setSubject("Bundle " + t.bundleId() + " SHA-256 " + t.bundleSha256());
            info.setCreator(t.toolVersion().isEmpty() ? "Sakshi" : t.toolVersion());
            PdfLayout l = new PdfLayout(doc, "Bundle " + t.bundleId() + " · transmittal");
            l.newPage();
            CertificateDocument.render(l, lines);
            l.finish("Case " + t.caseNumber());
            doc.save(out);
        } catch (IOException | RuntimeException e) {
            throw new ReportException("Could not write the transmittal letter for bundle " + t.bundleId() + ": "
                    + e.getMessage(), e);
        }
    }

    static Map<String, String> values(TransmittalLetter t) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("letter.requesting", nz(t.requesting()));
        v.put("letter.requested", nz(t.requested()));
        v.put("letter.basis", nz(t.basis()));
        v.put("letter.reference", nz(t.reference()));
        v.put("letter.courier", nz(t.courier()));
        v.put("letter.seals", String.join(", ", t.seals()));
        v.put("letter.time_form", Fmt.zoneAndUtc(t.preparedAt(), t.zone(), false));
        v.put("letter.zone_form", Fmt.zoneLabel(t.zone(), t.preparedAt()));
        v.put("letter.utc", Fmt.utc(t.preparedAt()));
        v.put("case.number", nz(t.caseNumber()));
        v.put("case.title", nz(t.caseTitle()));
        v.put("case.agency", nz(t.caseAgency()));
        v.put("bundle.id", nz(t.bundleId()));
        v.put("bundle.file", nz(t.bundleFile()));
        v.put("bundle.size_text", Fmt.size(t.bundleSize()));
        v.put("bundle.sha256", t.bundleSha256());
        v.put("bundle.sealed_at_form", t.sealedAt() == null ? "" : Fmt.zoneAndUtc(t.sealedAt(), t.zone(), true));
        v.put("bundle.sealed_by", nz(t.sealedBy()));
        v.put("bundle.verification", nz(t.verification()));
        v.put("items.count", Integer.toString(t.items().size()));
        v.put("officer", Fmt.actor(t.sender()));
        v.put("officer.name", t.sender().name());
        v.put("officer.rank", nz(t.sender().rank()));
        v.put("officer.id", nz(t.sender().id()));
        v.put("officer.agency", nz(t.sender().agency()));
        v.put("officer.cert_sha256", nz(t.sender().certSha256()));
        v.put("tool", t.toolVersion());
        v.putAll(t.values());
        return v;
    }

    private static List<Map<String, String>> items(TransmittalLetter t) {
        List<Map<String, String>> out = new ArrayList<>();
        for (TransmittalLetter.Entry e : t.items()) {
            Map<String, String> v = new LinkedHashMap<>();
            v.put("item.id", nz(e.id()));
            v.put("item.name", nz(e.name()));
            v.put("item.size_text", Fmt.size(e.size()));
            v.put("item.sha256", nz(e.sha256()));
            v.put("item.path", nz(e.path()));
            out.add(v);
        }
        return out;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
