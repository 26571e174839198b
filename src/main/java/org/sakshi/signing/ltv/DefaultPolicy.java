package org.sakshi.signing.ltv;

import eu.europa.esig.dss.model.policy.ValidationPolicy;
import eu.europa.esig.dss.policy.EtsiValidationPolicy;
import eu.europa.esig.dss.policy.EtsiValidationPolicyFactory;
import eu.europa.esig.dss.policy.jaxb.ConstraintsParameters;
import eu.europa.esig.dss.validation.policy.ValidationPolicyLoader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * DSS's default validation policy ({@code /policy/constraint.xml} in DSS's jar), the same object
 * {@code ValidationPolicyLoader.fromDefaultValidationPolicy().create()} gives, read without JAXB when it can
 * be. DSS unmarshals the XML with JAXB after checking it against its XML schema: building the JAXB context
 * and the schema cost more CPU than the rest of a bundle's long-term validation (docs/performance.md,
 * seventh round). The jar therefore carries the policy DSS reads, as Java serialization of DSS's own
 * policy objects ({@value #CACHE}, made by {@code DefaultPolicyCacheMain} in the tests), behind the
 * SHA-256 of the {@code constraint.xml} it was made from. It is used only when that SHA-256 is the one of
 * the {@code constraint.xml} DSS carries now, and only DSS's policy classes (and the few JDK classes
 * they hold) may be read from it; anything else (another DSS, a damaged resource) falls back to DSS's
 * loader, so the policy is always DSS's default.
 */
final class DefaultPolicy {
    /** The cached policy: a resource beside this class. */
    static final String CACHE = "dss-default-policy.ser";
    /** DSS's default policy inside DSS's jar (EtsiValidationPolicyFactory's location). */
    static final String CONSTRAINT_XML = "/policy/constraint.xml";

    private DefaultPolicy() {
    }

    /** DSS's default validation policy: from the cache when it was made from DSS's constraint.xml, else via JAXB. */
    static ValidationPolicy load() {
        ConstraintsParameters cached = null;
        try (InputStream cache = DefaultPolicy.class.getResourceAsStream(CACHE);
             InputStream xml = EtsiValidationPolicyFactory.class.getResourceAsStream(CONSTRAINT_XML)) {
            if (cache != null && xml != null) {
                cached = cached(cache.readAllBytes(), xml.readAllBytes());
            }
        } catch (IOException | RuntimeException e) {
            cached = null;
        }
        return cached != null ? new EtsiValidationPolicy(cached)
                : ValidationPolicyLoader.fromDefaultValidationPolicy().create();
    }

    /**
     * The policy objects of {@code cache} when it was made from exactly {@code constraintXml}; null when it
     * was made from another file or cannot be read. Layout: the 32-byte SHA-256 of the constraint.xml, then
     * one serialized {@link ConstraintsParameters}.
     */
    static ConstraintsParameters cached(byte[] cache, byte[] constraintXml) {
        if (cache.length < 32 || !Arrays.equals(cache, 0, 32, sha256(constraintXml), 0, 32)) {
            return null;
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(cache, 32, cache.length - 32))) {
            in.setObjectInputFilter(DefaultPolicy::allowed);
            Object o = in.readObject();
            return o instanceof ConstraintsParameters p && in.read() < 0 ? p : null;
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            return null; // another DSS's classes, or a damaged resource: DSS reads its XML instead
        }
    }

    /** The bytes of a cache for {@code policy}, read by DSS from {@code constraintXml}. */
    static byte[] write(ConstraintsParameters policy, byte[] constraintXml) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.write(sha256(constraintXml));
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(policy);
        }
        return bytes.toByteArray();
    }

    /** Only DSS's policy objects, their enumerations, and the JDK classes they are made of. */
    private static ObjectInputFilter.Status allowed(ObjectInputFilter.FilterInfo info) {
        if (info.depth() > 32 || info.references() > 100_000 || info.streamBytes() > 4_000_000
                || (info.arrayLength() >= 0 && info.arrayLength() > 100_000)) {
            return ObjectInputFilter.Status.REJECTED;
        }
        Class<?> c = info.serialClass();
        if (c == null) {
            return ObjectInputFilter.Status.UNDECIDED;
        }
        String name = c.getName();
        boolean ok = name.startsWith("eu.europa.esig.dss.policy.jaxb.") || name.startsWith("eu.europa.esig.dss.enumerations.")
                || c == java.util.ArrayList.class || c == Object[].class || c == Enum.class || c == Integer.class
                || c == Number.class || c == Long.class || c == Boolean.class || c == String.class
                || c == java.math.BigInteger.class || c == java.math.BigDecimal.class;
        return ok ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
