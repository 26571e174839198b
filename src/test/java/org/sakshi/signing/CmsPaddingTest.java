package org.sakshi.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.Signer;
import org.sakshi.testsupport.TestPki;

/** A CMS grown to fill a PDF /Contents exactly still parses strictly and still verifies. */
class CmsPaddingTest {
    @TempDir
    Path dir;

    @Test
    void aSignatureFilledToEverySizeFromTightToRoomyIsExactlyThatLongParsesStrictlyAndVerifies() throws Exception {
        TestPki pki = TestPki.create(dir);
        Signer signer = pki.officerSigner();
        byte[] content = "the signed bytes".getBytes(StandardCharsets.UTF_8);
        byte[] cms = signer.signDetached(new ByteArrayInputStream(content), null);
        for (int extra : new int[] {64, 65, 127, 128, 129, 255, 256, 257, 1000, 65_000}) {
            int size = cms.length + extra;
            byte[] padded = CmsPadding.fill(cms, size);
            assertEquals(size, padded.length, "filled to " + size);
            new CMSSignedData(padded); // Bouncy Castle 1.85+ refuses any byte after the structure
            CmsVerifier.Result r = new CmsVerifier(List.of(pki.agencyCaCert()))
                    .verify(padded, new ByteArrayInputStream(content), "x");
            assertTrue(r.valid(), "still valid with " + extra + " bytes of padding: " + r.checks());
        }
    }

    @Test
    void tooLittleRoomLeavesTheSignatureUnchanged() throws Exception {
        TestPki pki = TestPki.create(dir);
        byte[] cms = pki.officerSigner().signDetached(new ByteArrayInputStream(new byte[] {1}), null);
        assertArrayEquals(cms, CmsPadding.fill(cms, cms.length + 3));
        assertArrayEquals(cms, CmsPadding.fill(cms, cms.length - 10));
    }
}
