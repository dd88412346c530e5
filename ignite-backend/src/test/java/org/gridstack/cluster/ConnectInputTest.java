package org.gridstack.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gridstack.base.GridStackException;
import org.gridstack.grid.ConnectOptions;
import org.gridstack.grid.TlsSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is wrong with Connect's inputs is named before any connection is tried, by its real cause. */
class ConnectInputTest {
    @TempDir
    Path dir;

    private static String message(Runnable r) {
        return assertThrows(GridStackException.class, r::run).getMessage();
    }

    @Test
    void aGarbageKeyStoreIsNamedAsNotAKeyStore() throws Exception {
        Path garbage = Files.writeString(dir.resolve("client.p12"), "not a key store at all");
        TestCertificates ca = new TestCertificates(dir, "test-ca");
        String m = message(() -> new TlsSettings(garbage.toString(), "x", ca.trustStore(), TestCertificates.PASSWORD));
        assertEquals("TLS key store " + garbage + " cannot be opened: not a PKCS12 key store", m.substring(0, m.indexOf(" (")));
    }

    @Test
    void aWrongPasswordIsNamedAsSuch() {
        TestCertificates ca = new TestCertificates(dir, "test-ca");
        String store = ca.keyStore("client");
        assertEquals("TLS key store " + store + " cannot be opened: wrong password",
                message(() -> new TlsSettings(store, "not-the-password", ca.trustStore(), TestCertificates.PASSWORD)));
    }

    @Test
    void anUnknownHostIsNamed() {
        assertEquals("unknown host 'no-such-host.invalid' in discovery address 'no-such-host.invalid:47600'",
                message(() -> ConnectOptions.to("127.0.0.1:47500, no-such-host.invalid:47600")));
    }
}
