package org.sakshi.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sakshi.core.InputException;

class ServerConfigTest {
    @Test
    void theUserIsTakenOutOfTheAddressAndTlsOptionsPassThroughToTheDriver() throws Exception {
        String[] a = ServerConfig.parseAddress(
                "postgresql://admin@db.lab:5432/sakshi?sslmode=verify-full&sslrootcert=/etc/lab-ca.pem");
        assertEquals("postgresql://db.lab:5432/sakshi?sslmode=verify-full&sslrootcert=/etc/lab-ca.pem", a[0]);
        assertEquals("admin", a[1]);
        assertNull(ServerConfig.parseAddress("postgresql://db.lab/sakshi")[1]);
    }

    @Test
    void aPasswordInTheAddressIsRefusedWithoutRepeatingIt() {
        InputException e = assertThrows(InputException.class,
                () -> ServerConfig.parseAddress("postgresql://admin:s3cret@db.lab/sakshi"));
        assertTrue(e.getMessage().contains("--password-file"), e.getMessage());
        assertTrue(!e.getMessage().contains("s3cret"), e.getMessage());
    }

    @Test
    void anAddressThatIsNotPostgresqlOrNamesNoDatabaseIsRefused() {
        assertThrows(InputException.class, () -> ServerConfig.parseAddress("mysql://db.lab/sakshi"));
        assertThrows(InputException.class, () -> ServerConfig.parseAddress("postgresql://db.lab"));
    }
}
