package org.sakshi.signing;

import java.io.IOException;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;

/**
 * Makes a CMS SignedData exactly fill a PDF's {@code /Contents} placeholder, so no zero padding
 * follows the DER. ISO 32000-1 lets writers pad /Contents with zeros, but strict CMS parsers reject
 * bytes after the structure (Bouncy Castle since 1.85, bc-java#2360, which EU DSS 6.4 uses to read PDF
 * signatures). The room is filled inside the structure instead: an unsigned attribute of the (first)
 * SignerInfo, {@link #PADDING} with an OCTET STRING of zeros. Unsigned attributes are outside the signed
 * bytes, so the signature and any signature time-stamp stay valid; validators ignore an attribute they
 * do not know (RFC 5652 §5.3).
 */
public final class CmsPadding {
    /** Sakshi padding attribute: under the UUID arc of Sakshi's local TSA policy (ITU-T X.667). */
    public static final ASN1ObjectIdentifier PADDING =
            new ASN1ObjectIdentifier("2.25.236429530336445060307449490738487183804.1");

    private CmsPadding() {
    }

    /**
     * {@code der} grown to exactly {@code size} bytes, or {@code der} unchanged when it is already that
     * long, when the room is too small for the attribute, or when it is not a SignedData.
     */
    public static byte[] fill(byte[] der, int size) {
        if (der.length >= size) {
            return der;
        }
        try {
            CMSSignedData signed = new CMSSignedData(der);
            int k = Math.max(0, size - der.length - 32);
            for (int attempt = 0; attempt < 16; attempt++) {
                byte[] out = withPadding(signed, k);
                if (out.length == size) {
                    return out;
                }
                int next = k + size - out.length;
                if (next < 0) {
                    return der;
                }
                k = next == k ? k - 1 : next;
            }
            return der;
        } catch (CMSException | IOException | RuntimeException e) {
            return der;
        }
    }

    private static byte[] withPadding(CMSSignedData signed, int zeros) throws IOException {
        SignerInformation si = signed.getSignerInfos().getSigners().iterator().next();
        AttributeTable unsigned = si.getUnsignedAttributes();
        ASN1EncodableVector v = unsigned == null ? new ASN1EncodableVector() : unsigned.remove(PADDING).toASN1EncodableVector();
        v.add(new Attribute(PADDING, new DERSet(new DEROctetString(new byte[zeros]))));
        SignerInformation padded = SignerInformation.replaceUnsignedAttributes(si, new AttributeTable(v));
        return CMSSignedData.replaceSigners(signed, new SignerInformationStore(padded)).getEncoded(ASN1Encoding.DER);
    }
}
