package org.gridstack.grid;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.nio.file.Path;
import org.apache.ignite.ssl.SslContextFactory;
import org.gridstack.base.GridStackException;

/**
 * TLS for a node or client: its own key and certificate (key store) and the certificates it trusts (trust store,
 * normally just the cluster's CA). Ignite's discovery and communication SPIs then require the peer's certificate
 * on every connection, so the certificate is what admits a node or thick client to the cluster.
 */
public final class TlsSettings {
    private final String keyStore;
    private final char[] keyStorePassword;
    private final String trustStore;
    private final char[] trustStorePassword;

    public TlsSettings(String keyStore, String keyStorePassword, String trustStore, String trustStorePassword) {
        this.keyStore = required(keyStore, "key store");
        this.trustStore = required(trustStore, "trust store");
        this.keyStorePassword = keyStorePassword == null ? new char[0] : keyStorePassword.toCharArray();
        this.trustStorePassword = trustStorePassword == null ? new char[0] : trustStorePassword.toCharArray();
        open(this.keyStore, this.keyStorePassword, "key store");
        open(this.trustStore, this.trustStorePassword, "trust store");
    }

    /** Opens a store up front, so that a wrong password or a file that is no store is named as such (not as a refused handshake). */
    private static void open(String path, char[] password, String what) {
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            KeyStore.getInstance(storeType(path)).load(in, password);
        } catch (IOException e) {
            boolean password_ = e.getCause() instanceof java.security.UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password");
            throw new GridStackException("TLS " + what + " " + path + " cannot be opened: " + (password_ ? "wrong password"
                    : "not a " + storeType(path) + " key store (" + e.getMessage() + ")"), e);
        } catch (GeneralSecurityException e) {
            throw new GridStackException("TLS " + what + " " + path + " cannot be opened: " + e.getMessage(), e);
        }
    }

    private static String required(String path, String what) {
        if (path == null || path.isBlank()) throw new GridStackException("TLS needs a " + what + " file");
        if (!Files.isReadable(Path.of(path))) throw new GridStackException("TLS " + what + " " + path + " is not a readable file");
        return path;
    }

    public SslContextFactory contextFactory() {
        SslContextFactory factory = new SslContextFactory();
        factory.setKeyStoreFilePath(keyStore);
        factory.setKeyStorePassword(keyStorePassword.clone());
        factory.setKeyStoreType(storeType(keyStore));
        factory.setTrustStoreFilePath(trustStore);
        factory.setTrustStorePassword(trustStorePassword.clone());
        factory.setTrustStoreType(storeType(trustStore));
        factory.setProtocol("TLSv1.3");
        return factory;
    }

    private static String storeType(String path) {
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".p12") || lower.endsWith(".pfx") ? "PKCS12" : "JKS";
    }
}
