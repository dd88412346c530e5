package org.gridstack.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gridstack.grid.TlsSettings;

/**
 * A throw-away certificate authority and certificates signed by it, made with the JDK's keytool in a temp folder
 * (nothing private is committed). Stores are PKCS12 with one password.
 */
public final class TestCertificates {
    public static final String PASSWORD = "test-store-pass";
    private final Path dir;
    private final String caName;
    private final java.util.Map<String, String> keyStores = new java.util.HashMap<>();

    /** A new CA named {@code caName}, its key in {@code dir/caName-ca.p12}, its certificate in {@code dir/caName-truststore.p12}. */
    public TestCertificates(Path dir, String caName) {
        this.dir = dir;
        this.caName = caName;
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + caName + " CA",
                "-ext", "bc:c", "-validity", "2", "-keystore", ca(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca(), "-storepass", PASSWORD, "-file", caPem());
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caPem(), "-keystore", trustStore(),
                "-storetype", "PKCS12", "-storepass", PASSWORD);
    }

    private String ca() {
        return dir.resolve(caName + "-ca.p12").toString();
    }

    private String caPem() {
        return dir.resolve(caName + "-ca.pem").toString();
    }

    public String trustStore() {
        return dir.resolve(caName + "-truststore.p12").toString();
    }

    /** A key store holding a key for {@code name} and its certificate chain to this CA (usable as server and client). */
    public synchronized String keyStore(String name) {
        return keyStores.computeIfAbsent(name, this::newKeyStore);
    }

    private String newKeyStore(String name) {
        String store = dir.resolve(caName + "-" + name + ".p12").toString();
        String request = dir.resolve(caName + "-" + name + ".csr").toString();
        String signed = dir.resolve(caName + "-" + name + ".pem").toString();
        keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
                "-validity", "2", "-keystore", store, "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool("-certreq", "-alias", name, "-keystore", store, "-storepass", PASSWORD, "-file", request);
        keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", ca(), "-storepass", PASSWORD, "-infile", request,
                "-outfile", signed, "-validity", "2", "-ext", "ku:c=digitalSignature,keyAgreement",
                "-ext", "eku=serverAuth,clientAuth", "-ext", "san=ip:127.0.0.1,dns:localhost");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caPem(), "-keystore", store, "-storepass", PASSWORD);
        keytool("-importcert", "-alias", name, "-file", signed, "-keystore", store, "-storepass", PASSWORD);
        return store;
    }

    /** TLS settings for {@code name}: its own key store, trusting this CA. */
    public TlsSettings tls(String name) {
        return new TlsSettings(keyStore(name), PASSWORD, trustStore(), PASSWORD);
    }

    private static void keytool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("keytool failed: " + command + "\n" + out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run keytool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
