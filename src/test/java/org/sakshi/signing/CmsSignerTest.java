package org.sakshi.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakshi.core.Signer;
import org.sakshi.testsupport.LocalTsa;
import org.sakshi.testsupport.TestPki;
import org.sakshi.testsupport.Tools;
import org.sakshi.timestamp.HttpTimestampSource;

class CmsSignerTest {
    @TempDir
    Path dir;

    private static SignerInformation signerInfo(byte[] p7s) throws Exception {
        return new CMSSignedData(p7s).getSignerInfos().getSigners().iterator().next();
    }

    @Test
    void opensslVerifiesTheDetachedSignatureAgainstTheAgencyCa() throws Exception {
        Tools.require("openssl");
        TestPki pki = TestPki.create(dir.resolve("pki"));
        Path x = Files.writeString(dir.resolve("tagmanifest-sha256.txt"), "abc  bagit.txt\n");
        try (LocalTsa tsa = LocalTsa.start(pki); InputStream in = Files.newInputStream(x)) {
            Files.write(dir.resolve("x.p7s"), pki.officerSigner().signDetached(in, tsa.source()));
        }
        Tools.Result v = Tools.run(dir, "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", "x.p7s",
                "-content", "tagmanifest-sha256.txt", "-CAfile", pki.agencyCaPem().toString(), "-purpose", "any",
                "-out", "/dev/null");
        assertEquals(0, v.exit(), v.all());
        assertTrue(v.err().contains("Verification successful"), v.all());
    }

    @Test
    void opensslRejectsTheSignatureWhenOneContentByteChanges() throws Exception {
        Tools.require("openssl");
        TestPki pki = TestPki.create(dir.resolve("pki"));
        Files.write(dir.resolve("x.p7s"), pki.officerSigner().signDetached(new ByteArrayInputStream("abc".getBytes()), null));
        Files.writeString(dir.resolve("x"), "abd");
        Tools.Result v = Tools.run(dir, "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", "x.p7s",
                "-content", "x", "-CAfile", pki.agencyCaPem().toString(), "-purpose", "any", "-out", "/dev/null");
        assertTrue(v.exit() != 0, v.all());
    }

    @Test
    void signedAttributesAreContentTypeDigestAndSigningCertificateV2WithoutSigningTime() throws Exception {
        TestPki pki = TestPki.create(dir.resolve("pki"));
        byte[] content = "content".getBytes();
        SignerInformation si = signerInfo(pki.officerSigner().signDetached(new ByteArrayInputStream(content), null));
        AttributeTable signed = si.getSignedAttributes();
        assertNotNull(signed.get(CMSAttributes.contentType));
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(content),
                org.bouncycastle.asn1.ASN1OctetString.getInstance(signed.get(CMSAttributes.messageDigest)
                        .getAttrValues().getObjectAt(0)).getOctets());
        assertNotNull(signed.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2));
        assertNull(signed.get(CMSAttributes.signingTime));
        assertEquals("2.16.840.1.101.3.4.2.1", si.getDigestAlgOID());
    }

    @Test
    void chainIsEmbedded() throws Exception {
        TestPki pki = TestPki.create(dir.resolve("pki"));
        CMSSignedData sd = new CMSSignedData(pki.officerSigner().signDetached(new ByteArrayInputStream(new byte[1]), null));
        assertEquals(2, sd.getCertificates().getMatches(null).size());
    }

    @Test
    void signatureTimeStampCoversTheSignatureValue() throws Exception {
        TestPki pki = TestPki.create(dir.resolve("pki"));
        byte[] p7s;
        try (LocalTsa tsa = LocalTsa.start(pki)) {
            p7s = pki.officerSigner().signDetached(new ByteArrayInputStream("data".getBytes()), tsa.source());
        }
        SignerInformation si = signerInfo(p7s);
        var attr = si.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        TimeStampToken token = new TimeStampToken(new CMSSignedData(attr.getAttrValues().getObjectAt(0)
                .toASN1Primitive().getEncoded()));
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(si.getSignature()),
                token.getTimeStampInfo().getMessageImprintDigest());
    }

    @Test
    void signatureIsStillMadeWhenTheTsaIsDown() throws Exception {
        TestPki pki = TestPki.create(dir.resolve("pki"));
        Signer s = pki.officerSigner();
        HttpTimestampSource down = new HttpTimestampSource(URI.create("http://127.0.0.1:9/tsa"),
                Duration.ofSeconds(1), Duration.ofSeconds(1));
        SignerInformation si = signerInfo(s.signDetached(new ByteArrayInputStream("data".getBytes()), down));
        assertNull(si.getUnsignedAttributes());
    }
}
