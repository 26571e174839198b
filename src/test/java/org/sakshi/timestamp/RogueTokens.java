package org.sakshi.timestamp;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cmp.PKIStatusInfo;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.tsp.MessageImprint;
import org.bouncycastle.asn1.tsp.TSTInfo;
import org.bouncycastle.asn1.tsp.TimeStampResp;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampRequest;
import org.sakshi.testsupport.TestPki;

/**
 * Builds RFC 3161 responses by hand, bypassing Bouncy Castle's TSA generator (which refuses a
 * certificate without the timeStamping EKU), so tests can see how clients and verifiers treat a
 * token signed by a certificate that is not a TSA certificate.
 */
final class RogueTokens {
    private RogueTokens() {
    }

    static byte[] respond(TimeStampRequest request, TestPki.Identity signer) throws Exception {
        TSTInfo info = new TSTInfo(new ASN1ObjectIdentifier(TsaServer.DEFAULT_POLICY),
                new MessageImprint(new AlgorithmIdentifier(request.getMessageImprintAlgOID()),
                        request.getMessageImprintDigest()),
                new ASN1Integer(BigInteger.valueOf(42)), new ASN1GeneralizedTime(new Date()), null, org.bouncycastle.asn1.ASN1Boolean.FALSE,
                request.getNonce() == null ? null : new ASN1Integer(request.getNonce()), null, null);
        ESSCertIDv2 id = new ESSCertIDv2(MessageDigest.getInstance("SHA-256").digest(signer.cert().getEncoded()));
        Attribute scv2 = new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id})));
        CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
        gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(scv2)))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.key()), signer.cert()));
        gen.addCertificates(new JcaCertStore(signer.chain()));
        CMSSignedData token = gen.generate(new CMSProcessableByteArray(PKCSObjectIdentifiers.id_ct_TSTInfo,
                info.getEncoded(ASN1Encoding.DER)), true);
        ContentInfo ci = token.toASN1Structure();
        return new TimeStampResp(new PKIStatusInfo(PKIStatus.granted), ci).getEncoded(ASN1Encoding.DER);
    }

}
