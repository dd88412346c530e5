package org.gridstack.grid;

import java.util.UUID;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCheckedException;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.configuration.DataStorageConfiguration;
import org.apache.ignite.internal.GridKernalContext;
import org.apache.ignite.internal.IgniteEx;
import org.apache.ignite.internal.IgniteInternalFuture;
import org.apache.ignite.internal.IgniteNodeAttributes;
import org.apache.ignite.internal.NodeStoppingException;
import org.apache.ignite.internal.cluster.ClusterTopologyCheckedException;
import org.apache.ignite.internal.processors.affinity.AffinityTopologyVersion;
import org.apache.ignite.internal.processors.cache.CacheObjectByteArrayImpl;
import org.apache.ignite.internal.processors.cache.GridCacheUtils;
import org.apache.ignite.internal.processors.security.IgniteSecurity;
import org.apache.ignite.internal.processors.security.OperationSecurityContext;
import org.apache.ignite.internal.processors.security.SecurityContext;
import org.apache.ignite.internal.util.GridUnsafe;
import org.apache.ignite.marshaller.jdk.JdkMarshaller;
import org.apache.ignite.plugin.security.AuthenticationContext;
import org.apache.ignite.plugin.security.SecurityCredentials;
import org.apache.ignite.plugin.security.SecuritySubjectType;

/**
 * Everything Grid Stack needs from Ignite's internal (non-public) API, in one place, so that an Ignite upgrade
 * touches this file only. Each method says why the public API does not do.
 */
public final class IgniteInternals {
    private IgniteInternals() {}

    /**
     * A byte[] chunk as the value Ignite stores, without the copy {@code put} makes of a user's byte[] (it cannot know
     * the caller will not change the array). A chunk's 16 MB copy into a fresh heap array cost persist as much as
     * writing it into the grid's pages. Only for arrays nobody changes after the put returns.
     */
    public static Object storedAsIs(Object chunk) {
        return chunk instanceof byte[] ? new CacheObjectByteArrayImpl((byte[]) chunk) : chunk;
    }

    /**
     * Off-heap memory as Ignite's own allocator gets it ({@code Unsafe.allocateMemory}), for a region allocator that
     * must also write to it (see PreTouchedMemory); 0 when the system has none to give.
     */
    static long allocateOffHeap(long bytes) {
        return GridUnsafe.allocateMemory(bytes);
    }

    static void freeOffHeap(long address) {
        GridUnsafe.freeMemory(address);
    }

    static void writeZero(long address) {
        GridUnsafe.putByte(address, (byte) 0);
    }

    /**
     * Which JVM a node lives in (process id and addresses). Several nodes may share one JVM (tests) and so share one
     * heap; the public node metrics do not say so.
     */
    public static String jvmOf(ClusterNode node) {
        return node.attribute(IgniteNodeAttributes.ATTR_JVM_PID) + "@" + node.addresses();
    }

    /**
     * The data storage configuration a node announced (null for a node without one). Ignite publishes it as an
     * attribute in JDK-serialised form, which only its own utility reads back.
     */
    static DataStorageConfiguration dataStorageOf(Ignite ignite, ClusterNode node) {
        JdkMarshaller jdk = ((IgniteEx) ignite).context().marshallerContext().jdkMarshaller();
        return GridCacheUtils.extractDataStorage(node, jdk, IgniteInternals.class.getClassLoader());
    }

    /** Node-left failures that Ignite reports with internal exception types (the public ones are checked by callers). */
    public static boolean isInternalNodeLoss(Throwable t) {
        return t instanceof ClusterTopologyCheckedException || t instanceof NodeStoppingException;
    }

    /**
     * Waits until this node's affinity is computed for its current topology version. Discovery announces a node's
     * departure before the partition exchange has mapped its partitions elsewhere; meanwhile the public
     * {@code affinity().mapKeyToNode} still names the dead node. Returns false on time-out.
     */
    public static boolean awaitAffinity(Ignite ignite, long timeoutMillis) {
        if (!(ignite instanceof IgniteEx)) return true;
        GridKernalContext ctx = ((IgniteEx) ignite).context();
        AffinityTopologyVersion version = ctx.discovery().topologyVersionEx();
        IgniteInternalFuture<AffinityTopologyVersion> ready = ctx.cache().context().exchange().affinityReadyFuture(version);
        if (ready == null) return true;
        try {
            ready.get(timeoutMillis);
            return true;
        } catch (IgniteCheckedException e) {
            return false;
        }
    }

    /**
     * Changes the password of user {@code user}, logged in with {@code oldPassword}. Ignite's user management has no
     * public Java API (only SQL, which needs ignite-indexing), and it must run as a user.
     */
    static void changePassword(Ignite ignite, String user, String oldPassword, char[] newPassword) throws IgniteCheckedException {
        IgniteSecurity security = ((IgniteEx) ignite).context().security();
        AuthenticationContext login = new AuthenticationContext();
        login.subjectType(SecuritySubjectType.REMOTE_CLIENT);
        login.subjectId(UUID.randomUUID());
        login.credentials(new SecurityCredentials(user, oldPassword));
        SecurityContext context = security.authenticate(login);
        if (context == null) throw new IgniteCheckedException("user '" + user + "' no longer has the password given");
        try (OperationSecurityContext asUser = security.withContext(context)) {
            security.alterUser(user, newPassword);
        }
    }
}
