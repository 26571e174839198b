package org.sakshi.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.pdfa.validation.profiles.Rule;
import org.verapdf.pdfa.validation.profiles.RuleId;

/**
 * veraPDF (greenfield parser, test scope only) as the outside judge of PDF/A conformance. A file is
 * validated against the flavour its XMP claims (pdfaid:part and pdfaid:conformance); a file that
 * claims none is judged as PDF/A-2b, so the missing identification is itself reported.
 */
public final class PdfA {
    private static boolean initialised;

    private PdfA() {
    }

    private static synchronized void initialise() {
        if (!initialised) {
            VeraGreenfieldFoundryProvider.initialise();
            initialised = true;
        }
    }

    /** The flavour {@code pdf} claims in its XMP metadata, or {@link PDFAFlavour#NO_FLAVOUR}. */
    public static PDFAFlavour claimed(Path pdf) throws IOException {
        initialise();
        try (InputStream in = Files.newInputStream(pdf);
             PDFAParser parser = Foundries.defaultInstance().createParser(in)) {
            List<PDFAFlavour> flavours = parser.getFlavours();
            return flavours == null || flavours.isEmpty() ? PDFAFlavour.NO_FLAVOUR : flavours.get(0);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("veraPDF could not parse " + pdf + ": " + e.getMessage(), e);
        }
    }

    /**
     * Every failed rule, one line each: {@code "6.2.11.4.1-1 (clause 6.2.11.4.1) ×3: description"},
     * preceded by a line naming the flavour judged. Empty when the file is compliant.
     */
    public static List<String> failures(Path pdf) throws IOException {
        initialise();
        PDFAFlavour flavour = claimed(pdf);
        PDFAFlavour judged = flavour == PDFAFlavour.NO_FLAVOUR ? PDFAFlavour.PDFA_2_B : flavour;
        try (InputStream in = Files.newInputStream(pdf);
             PDFAParser parser = Foundries.defaultInstance().createParser(in, judged);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(judged, false)) {
            ValidationResult result = validator.validate(parser);
            if (result.isCompliant()) {
                return List.of();
            }
            Map<RuleId, List<TestAssertion>> byRule = new LinkedHashMap<>();
            for (TestAssertion a : result.getTestAssertions()) {
                if (a.getStatus() == TestAssertion.Status.FAILED) {
                    byRule.computeIfAbsent(a.getRuleId(), k -> new ArrayList<>()).add(a);
                }
            }
            List<String> out = new ArrayList<>();
            out.add("judged as " + judged.getId() + (flavour == PDFAFlavour.NO_FLAVOUR ? " (the file claims no PDF/A)" : ""));
            for (Map.Entry<RuleId, List<TestAssertion>> e : byRule.entrySet()) {
                RuleId id = e.getKey();
                Rule rule = result.getValidationProfile() == null ? null
                        : result.getValidationProfile().getRuleByRuleId(id);
                String description = rule != null ? rule.getDescription() : e.getValue().get(0).getMessage();
                String where = e.getValue().get(0).getLocation() == null ? ""
                        : " [" + e.getValue().get(0).getLocation().getContext() + "]";
                out.add(id.getClause() + "-" + id.getTestNumber() + " (clause " + id.getClause() + ") x"
                        + e.getValue().size() + ": " + description + where);
            }
            if (out.size() == 1) {
                out.add("not compliant, but veraPDF listed no failed assertion (job status "
                        + result.getJobEndStatus() + ")");
            }
            return out;
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("veraPDF could not validate " + pdf + ": " + e.getMessage(), e);
        }
    }

    /** Fails with the list of failed rules unless {@code pdf} conforms to the PDF/A flavour it claims (2b or 3b). */
    public static void assertCompliant(Path pdf) throws IOException {
        PDFAFlavour flavour = claimed(pdf);
        if (flavour != PDFAFlavour.PDFA_2_B && flavour != PDFAFlavour.PDFA_3_B) {
            fail(pdf.getFileName() + " claims PDF/A flavour " + flavour.getId() + ", expected 2b or 3b; failures: "
                    + String.join("\n  ", failures(pdf)));
        }
        List<String> failures = failures(pdf);
        if (!failures.isEmpty()) {
            fail(pdf.getFileName() + " is not PDF/A compliant:\n  " + String.join("\n  ", failures));
        }
    }
}
