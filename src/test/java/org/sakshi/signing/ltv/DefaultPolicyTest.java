package org.sakshi.signing.ltv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import eu.europa.esig.dss.policy.EtsiValidationPolicy;
import eu.europa.esig.dss.policy.EtsiValidationPolicyFactory;
import eu.europa.esig.dss.policy.ValidationPolicyFacade;
import eu.europa.esig.dss.policy.jaxb.ConstraintsParameters;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DefaultPolicyTest {
    private static byte[] resource(Class<?> owner, String name) throws Exception {
        try (InputStream in = owner.getResourceAsStream(name)) {
            assertNotNull(in, name + " is on the class path");
            return in.readAllBytes();
        }
    }

    private static String xml(ConstraintsParameters p) throws Exception {
        return ValidationPolicyFacade.newFacade().marshall(p);
    }

    @Test
    void theCachedPolicyInTheJarIsExactlyThePolicyDssReadsFromItsConstraintXml() throws Exception {
        byte[] constraint = resource(EtsiValidationPolicyFactory.class, DefaultPolicy.CONSTRAINT_XML);
        ConstraintsParameters cached = DefaultPolicy.cached(resource(DefaultPolicy.class, DefaultPolicy.CACHE), constraint);
        assertNotNull(cached, "the cache matches this DSS's constraint.xml; if DSS was upgraded, run DefaultPolicyCacheMain");
        ConstraintsParameters dss = ValidationPolicyFacade.newFacade().unmarshall(new ByteArrayInputStream(constraint), true);
        assertEquals(xml(dss), xml(cached));
        assertInstanceOf(EtsiValidationPolicy.class, DefaultPolicy.load());
    }

    @Test
    void aCacheMadeFromAnotherConstraintXmlIsNotUsed() throws Exception {
        byte[] constraint = resource(EtsiValidationPolicyFactory.class, DefaultPolicy.CONSTRAINT_XML);
        byte[] cache = resource(DefaultPolicy.class, DefaultPolicy.CACHE);
        byte[] edited = new String(constraint, StandardCharsets.UTF_8).replace("FAIL", "WARN").getBytes(StandardCharsets.UTF_8);
        assertNull(DefaultPolicy.cached(cache, edited));
    }

    @Test
    void aCacheWhoseObjectsAreNotDssPolicyObjectsIsRefused() throws Exception {
        byte[] constraint = resource(EtsiValidationPolicyFactory.class, DefaultPolicy.CONSTRAINT_XML);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(MessageDigest.getInstance("SHA-256").digest(constraint));
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new java.util.HashMap<>(java.util.Map.of("a", "b")));
        }
        assertNull(DefaultPolicy.cached(bytes.toByteArray(), constraint));
    }

    @Test
    void aDamagedCacheIsNotUsed() throws Exception {
        byte[] constraint = resource(EtsiValidationPolicyFactory.class, DefaultPolicy.CONSTRAINT_XML);
        byte[] cache = resource(DefaultPolicy.class, DefaultPolicy.CACHE);
        assertNull(DefaultPolicy.cached(Arrays.copyOf(cache, cache.length - 7), constraint));
        byte[] trailing = Arrays.copyOf(cache, cache.length + 1);
        assertNull(DefaultPolicy.cached(trailing, constraint));
        assertNull(DefaultPolicy.cached(new byte[5], constraint));
    }
}
