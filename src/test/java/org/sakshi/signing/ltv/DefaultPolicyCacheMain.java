package org.sakshi.signing.ltv;

import eu.europa.esig.dss.policy.EtsiValidationPolicyFactory;
import eu.europa.esig.dss.policy.ValidationPolicyFacade;
import eu.europa.esig.dss.policy.jaxb.ConstraintsParameters;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code src/main/resources/org/sakshi/signing/ltv/dss-default-policy.ser} from the default policy of
 * the DSS on the class path, read by DSS's own facade (JAXB, checked against DSS's schema). Run it after
 * upgrading DSS (DefaultPolicyTest fails until then; verify falls back to DSS's loader meanwhile):
 * {@code java -cp target/sakshi.jar:target/test-classes org.sakshi.signing.ltv.DefaultPolicyCacheMain [OUT]}.
 */
public final class DefaultPolicyCacheMain {
    private DefaultPolicyCacheMain() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0]
                : "src/main/resources/org/sakshi/signing/ltv/" + DefaultPolicy.CACHE);
        byte[] xml;
        try (InputStream in = EtsiValidationPolicyFactory.class.getResourceAsStream(DefaultPolicy.CONSTRAINT_XML)) {
            xml = in.readAllBytes();
        }
        ConstraintsParameters policy = ValidationPolicyFacade.newFacade().unmarshall(new ByteArrayInputStream(xml), true);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, DefaultPolicy.write(policy, xml));
        System.out.println("wrote " + out);
    }
}
