package dev.crawlcase.crawler.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.InterfacesConfig;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What Hazelcast reads without complaint but refuses only while starting the member, after logging a stack trace
 * for it: a {@code <tcp-ip>} member whose port is not one number (a port range such as {@code 5701-5703}), and
 * {@code <interfaces>} that match no address of this machine. Checked before anything starts, so the user gets one
 * line; the problem is returned in words, or null when the membership is fine.
 */
final class MembershipCheck {
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
    private static final Pattern IPV4_MASK = Pattern.compile("[0-9*\\-]+(\\.[0-9*\\-]+){3}");

    private MembershipCheck() {
    }

    static String problem(Config config) {
        for (String member : config.getNetworkConfig().getJoin().getTcpIpConfig().getMembers()) {
            String port = port(member.strip());
            if (port != null && (!PORT.matcher(port).matches() || Integer.parseInt(port) < 1
                    || Integer.parseInt(port) > 65_535)) {
                return "<member>" + member + "</member>: the port must be one number from 1 to 65535 (for a range,"
                        + " give the address without a port: hazelcast.tcp.join.port.try.count ports from 5701 are"
                        + " tried)";
            }
        }
        InterfacesConfig interfaces = config.getNetworkConfig().getInterfaces();
        List<String> local = interfaces.isEnabled() ? localAddresses() : List.of();
        if (!local.isEmpty() && !interfaces.getInterfaces().isEmpty()) {
            if (interfaces.getInterfaces().stream().noneMatch(mask -> local.stream().anyMatch(a -> matches(mask, a)))) {
                return "<interfaces>: none of " + interfaces.getInterfaces() + " is an address of this machine "
                        + local + "; list this machine's own address, or disable interface matching";
            }
        }
        return null;
    }

    /** The port part of a member ({@code host:port}, {@code [v6]:port}), or null when it names none. */
    private static String port(String member) {
        if (member.startsWith("[")) {
            int end = member.indexOf(']');
            return end >= 0 && member.startsWith(":", end + 1) ? member.substring(end + 2) : null;
        }
        int colon = member.indexOf(':');
        return colon >= 0 && colon == member.lastIndexOf(':') ? member.substring(colon + 1) : null;
    }

    /** Hazelcast's interface masks: IPv4 octets that are a number, {@code *} or a range {@code a-b}. */
    static boolean matches(String mask, String address) {
        String m = mask.strip();
        if (!IPV4_MASK.matcher(m).matches()) {
            return m.equalsIgnoreCase(address);
        }
        String[] want = m.split("\\.");
        String[] have = address.split("\\.");
        if (have.length != 4) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            if (!octet(want[i], have[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean octet(String mask, String value) {
        if (mask.equals("*")) {
            return true;
        }
        int dash = mask.indexOf('-');
        try {
            int v = Integer.parseInt(value);
            if (dash < 0) {
                return Integer.parseInt(mask) == v;
            }
            return Integer.parseInt(mask.substring(0, dash)) <= v && v <= Integer.parseInt(mask.substring(dash + 1));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static List<String> localAddresses() {
        List<String> out = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    out.add(a.getHostAddress());
                }
            }
        } catch (SocketException e) {
            // Cannot list them: leave the check to Hazelcast, which says so itself.
            return List.of();
        }
        return out;
    }
}
