package org.sakshi.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.sakshi.core.SigningException;
import org.sakshi.core.TimestampException;
import org.sakshi.core.TimestampSource;
import org.sakshi.core.TimestampToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds CAdES-BES / CAdES-T detached signatures (ETSI EN 319 122-1) as CMS SignedData (RFC 5652).
 *
 * <p>Signed attributes: content-type {@code id-data} (RFC 5652 §11.1), message-digest (§11.2),
 * signing-certificate-v2 with one ESSCertIDv2 over the signing certificate (RFC 5035 §3) and
 * CMSAlgorithmProtection (RFC 6211), and signing-time (the workstation clock, §11.3) for the bundle's
 * CAdES signature, which CAdES-BASELINE-B requires; not for PDFs, where PAdES baseline (ETSI EN 319
 * 142-1 §5.3) forbids it. The trusted time is always the signature time-stamp's.
 * Unsigned attribute, when a TSA answers: signature-time-stamp (RFC 3161 Appendix A,
 * id-aa-signatureTimeStampToken) over the SHA-256 of the SignerInfo's signature value.
 *
 * <p>Digests of the content come from the JDK providers (the JCA default), the signature from the
 * key's own provider (SunPKCS11 for tokens); Bouncy Castle is used only for its CMS structures.
 */
final class CmsSigner {
    private static final Logger LOG = LoggerFactory.getLogger(CmsSigner.class);

    private CmsSigner() {
    }

    static byte[] signDetached(PrivateKey key, Provider keyProvider, List<X509Certificate> chain, InputStream data,
                               TimestampSource tsa, boolean signingTime) throws SigningException, IOException {
        X509Certificate cert = chain.get(0);
        String who = Certificates.commonName(cert);
        CMSSignedData signed;
        try {
            JcaContentSignerBuilder csb = new JcaContentSignerBuilder(Certificates.signatureAlgorithm(key.getAlgorithm()));
            if (keyProvider != null) {
                csb.setProvider(keyProvider);
            }
            ContentSigner contentSigner = csb.build(key);
            AttributeTable base = new AttributeTable(signingCertificateV2(cert));
            DefaultSignedAttributeTableGenerator defaults = new DefaultSignedAttributeTableGenerator(base);
            // BC's defaults add signing-time (the local clock, UTC); PAdES forbids it, CAdES-B requires it
            CMSAttributeTableGenerator attributes = signingTime ? defaults : params -> defaults.getAttributes(params)
                    .remove(CMSAttributes.signingTime);
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(attributes)
                    .build(contentSigner, cert));
            gen.addCertificates(new JcaCertStore(chain));
            signed = gen.generate(new StreamContent(data), false);
        } catch (OperatorCreationException | CertificateEncodingException e) {
            throw new SigningException("cannot sign with the key of " + who + " (" + e.getMessage()
                    + "); check that the key and certificate belong together.", e);
        } catch (CMSException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            Throwable root = e.getCause() != null ? e.getCause() : e;
            throw new SigningException("signing with the key of " + who + " failed (" + root.getMessage()
                    + "); if it is on a token, check that the token is still plugged in and logged in.", e);
        }
        if (tsa != null) {
            signed = addSignatureTimestamp(signed, tsa, who);
        }
        try {
            return signed.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new SigningException("cannot encode the signature of " + who + " (" + e.getMessage() + ").", e);
        }
    }

    /** RFC 3161 Appendix A: time-stamp the signature value; a TSA that fails leaves a CAdES-BES signature. */
    private static CMSSignedData addSignatureTimestamp(CMSSignedData signed, TimestampSource tsa, String who) {
        SignerInformation si = signed.getSignerInfos().getSigners().iterator().next();
        try {
            TimestampToken answer = tsa.stamp(sha256(si.getSignature()));
            TimeStampToken token = new TimeStampResponse(answer.response()).getTimeStampToken();
            if (token == null) {
                throw new TimestampException("the TSA " + tsa.name() + " returned no token");
            }
            Attribute attr = new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                    new DERSet(token.toCMSSignedData().toASN1Structure()));
            SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(si, new AttributeTable(attr));
            return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped));
        } catch (TimestampException | TSPException | IOException e) {
            LOG.warn("signature of {} has no signature time-stamp: {}", who, e.getMessage());
            return signed;
        }
    }

    /** RFC 5035 §3: SigningCertificateV2 { certs SEQUENCE OF ESSCertIDv2 } with SHA-256 (the default, omitted). */
    static Attribute signingCertificateV2(X509Certificate cert) throws CertificateEncodingException {
        IssuerSerial issuerSerial = new IssuerSerial(
                new GeneralNames(new GeneralName(X500Name.getInstance(cert.getIssuerX500Principal().getEncoded()))),
                cert.getSerialNumber());
        ESSCertIDv2 id = new ESSCertIDv2(sha256(cert.getEncoded()), issuerSerial);
        return new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id})));
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Detached id-data content read once from a stream while the digest is taken. */
    private record StreamContent(InputStream in) implements CMSTypedData {
        @Override
        public ASN1ObjectIdentifier getContentType() {
            return CMSObjectIdentifiers.data;
        }

        @Override
        public void write(OutputStream out) throws IOException {
            byte[] buf = new byte[1 << 20];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
            }
        }

        @Override
        public Object getContent() {
            return in;
        }
    }
}
