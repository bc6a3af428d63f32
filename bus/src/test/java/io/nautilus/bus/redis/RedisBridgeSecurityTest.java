package io.nautilus.bus.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.nautilus.core.model.Quote;
import io.nautilus.testkit.PrivateRedis;
import io.nautilus.testkit.TestRedis;

import java.io.FileOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AUTH (ACL user and password in the URI) and TLS ({@code rediss://}) against real servers this test owns. */
class RedisBridgeSecurityTest {
    private static final long T = 1_700_000_000_000_000_000L;
    private final List<AutoCloseable> open = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    /** Publishes one quote through {@code uri} and returns what a second node received. */
    private List<Quote> roundTrip(RedisBridgeConfig.Builder config) {
        String prefix = Node.prefix();
        Node consumer = new Node(config.prefix(prefix).build());
        open.add(consumer);
        var got = new CopyOnWriteArrayList<Quote>();
        consumer.engine("features").subscribe("md.>", Quote.class, (q, m) -> got.add(q));
        consumer.bridge.importFor("features");
        Node producer = new Node(config.prefix(prefix).build());
        open.add(producer);
        await().atMost(Duration.ofSeconds(15)).until(() -> consumer.bridge.connected() && producer.bridge.connected());
        producer.engine("marketdata").publish("md.quote.AAPL", new Quote("AAPL", 1, 2, 3, 4, T));
        await().atMost(Duration.ofSeconds(10)).until(() -> !got.isEmpty());
        return got;
    }

    @Test
    void test_auth_aclUserInUriConnectsAndWrongPasswordDegrades() {
        PrivateRedis redis = TestRedis.startPrivate();
        open.add(redis);
        var admin = RedisClient.create(redis.uri().toString());
        try (var c = admin.connect()) {
            c.sync().aclSetuser("bridge", io.lettuce.core.AclSetuserArgs.Builder.on().addPassword("s3cret").allKeys()
                    .allChannels().allCommands());
            c.sync().configSet("requirepass", "admin-pw"); // the default user now needs a password too
        } finally {
            admin.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
        String base = "127.0.0.1:" + redis.port();
        assertThat(roundTrip(Node.config("redis://bridge:s3cret@" + base, "x"))).containsExactly(new Quote("AAPL", 1, 2, 3, 4, T));

        Node wrong = new Node(Node.config("redis://bridge:nope@" + base, Node.prefix()).build());
        open.add(wrong);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> !wrong.bridge.connected());
        assertThat(String.join("; ", wrong.bridge.problems())).contains("link down").containsIgnoringCase("WRONGPASS")
                .doesNotContain("nope");
    }

    @Test
    void test_tls_redissWithPrivateCaConnects() throws Exception {
        Path keystore = dir.resolve("server.p12");
        run(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair", "-alias", "redis",
                "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-validity", "2", "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "changeit");
        var ks = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        Certificate cert = ks.getCertificate("redis");
        var key = (PrivateKey) ks.getKey("redis", "changeit".toCharArray());
        Path certPem = pem(dir.resolve("cert.pem"), "CERTIFICATE", cert.getEncoded());
        Path keyPem = pem(dir.resolve("key.pem"), "PRIVATE KEY", key.getEncoded());
        var trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("redis", cert);
        Path truststore = dir.resolve("trust.p12");
        try (var out = new FileOutputStream(truststore.toFile())) {
            trust.store(out, "changeit".toCharArray());
        }
        int port;
        try (var s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String binary;
        try (PrivateRedis probe = TestRedis.startPrivate()) { // the testkit's choice of redis-server (PATH or shipped)
            binary = probe.binary().toString();
        }
        Process server = new ProcessBuilder(binary, "--port", "0", "--tls-port", Integer.toString(port), "--bind", "127.0.0.1",
                "--tls-cert-file", certPem.toString(), "--tls-key-file", keyPem.toString(), "--tls-auth-clients", "no",
                "--save", "", "--appendonly", "no", "--dir", dir.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis-tls.log").toFile()).start();
        open.add(() -> {
            server.destroy();
            server.waitFor();
        });
        var config = Node.config("rediss://127.0.0.1:" + port, "x").truststore(truststore, "changeit");
        assertThat(roundTrip(config)).containsExactly(new Quote("AAPL", 1, 2, 3, 4, T));
    }

    private static Path pem(Path file, String type, byte[] der) throws Exception {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
        return file;
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
    }
}
