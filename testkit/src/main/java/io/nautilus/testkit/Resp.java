package io.nautilus.testkit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The few RESP (Redis serialization protocol) round trips the testkit needs, over a plain socket: enough to
 * see whether a Redis answers and to ask it simple questions. No client library, no pooling; one connection per
 * call. Stateless and thread-safe.
 */
final class Resp {

    /** How long a probe may take before the server is deemed absent. */
    static final Duration PROBE_TIMEOUT = Duration.ofMillis(500);

    private Resp() {
    }

    /** True if a Redis at {@code host:port} answers {@code PING} with {@code +PONG} within {@code timeout}. */
    static boolean ping(String host, int port, Duration timeout) {
        try {
            return "PONG".equals(call(host, port, timeout, "PING"));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Sends one command and returns the reply as text: a simple string or bulk string as is, an integer as its
     * digits, {@code null} for a nil bulk string.
     *
     * @throws IOException if the server is unreachable, answers with an error ({@code -ERR ...}) or with a
     *                     reply type this helper does not read (arrays)
     */
    static String call(String host, int port, Duration timeout, String... command) throws IOException {
        int millis = Math.toIntExact(timeout.toMillis());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), millis);
            socket.setSoTimeout(millis);
            OutputStream out = socket.getOutputStream();
            out.write(encode(command));
            out.flush();
            return readReply(new BufferedInputStream(socket.getInputStream()));
        }
    }

    static byte[] encode(String... command) {
        var buf = new StringBuilder().append('*').append(command.length).append("\r\n");
        for (String arg : command) {
            buf.append('$').append(arg.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(arg).append("\r\n");
        }
        return buf.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String readReply(InputStream in) throws IOException {
        int type = in.read();
        String line = readLine(in);
        return switch (type) {
            case '+', ':' -> line;
            case '-' -> throw new IOException("redis error: " + line);
            case '$' -> {
                int length = Integer.parseInt(line);
                if (length < 0) {
                    yield null;
                }
                byte[] body = in.readNBytes(length + 2);
                if (body.length != length + 2) {
                    throw new IOException("redis reply truncated: expected " + length + " bytes");
                }
                yield new String(body, 0, length, StandardCharsets.UTF_8);
            }
            case -1 -> throw new IOException("redis closed the connection without a reply");
            default -> throw new IOException("unsupported redis reply type '" + (char) type + "': " + line);
        };
    }

    private static String readLine(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\r') {
                int lf = in.read();
                if (lf != '\n') {
                    throw new IOException("malformed redis reply: CR without LF");
                }
                break;
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
