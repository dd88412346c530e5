package org.gridstack.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The sockets a process listens on, as the Linux kernel reports them: TCP sockets in LISTEN state and unconnected
 * UDP sockets from /proc/net/{tcp,tcp6,udp,udp6}, kept if their inode is one of the process's open descriptors.
 */
public final class ListeningSockets {
    private ListeningSockets() {}

    public static List<InetSocketAddress> of(long pid) throws IOException {
        Set<String> inodes = socketInodes(pid);
        List<InetSocketAddress> listening = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6", "udp", "udp6")) {
            List<String> lines = Files.readAllLines(Path.of("/proc/" + pid + "/net/" + table));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                boolean tcp = table.startsWith("tcp");
                boolean listens = tcp ? f[3].equals("0A") : isZeroAddress(f[2]);
                if (listens && inodes.contains(f[9])) listening.add(address(f[1]));
            }
        }
        return listening;
    }

    private static Set<String> socketInodes(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/" + pid + "/fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) inodes.add(target.substring(8, target.length() - 1));
                } catch (IOException closedMeanwhile) {
                    // descriptors come and go while we look
                }
            }
        }
        return inodes;
    }

    private static boolean isZeroAddress(String hexAddressAndPort) {
        return hexAddressAndPort.split(":")[0].chars().allMatch(c -> c == '0');
    }

    /** "0100007F:1F90" (IPv4) or 32 hex digits (IPv6), each 32-bit word in host (little-endian) order. */
    static InetSocketAddress address(String hexAddressAndPort) throws UnknownHostException {
        String[] parts = hexAddressAndPort.split(":");
        String hex = parts[0];
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                int at = (word * 4 + (3 - b)) * 2;
                bytes[word * 4 + b] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        return new InetSocketAddress(InetAddress.getByAddress(bytes), Integer.parseInt(parts[1], 16));
    }
}
