package dev.crawlcase.sites;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** A raw socket HTTP/1.1 client that shows exactly what came over the wire, faults included. */
public final class RawHttp {
    private RawHttp() {
    }

    /** What one exchange produced: the bytes read before EOF or error, and the error if any. */
    public record Exchange(byte[] bytes, IOException error) {
        public String text() {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }

        public String head() {
            String text = text();
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? text : text.substring(0, end);
        }

        public byte[] body() {
            String text = text();
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? new byte[0] : java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        }

        public int status() {
            String text = text();
            return text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : -1;
        }

        public String header(String name) {
            for (String line : head().split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    /** GET with Connection: close; reads to EOF. {@code readTimeoutMs} 0 = no timeout. */
    public static Exchange get(String url, int readTimeoutMs) {
        URI uri = URI.create(url);
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), uri.getPort())) {
            socket.setSoTimeout(readTimeoutMs);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + uri.getPort()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
            return new Exchange(out.toByteArray(), null);
        } catch (IOException e) {
            return new Exchange(out.toByteArray(), e);
        }
    }
}
