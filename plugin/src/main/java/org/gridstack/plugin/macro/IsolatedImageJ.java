package org.gridstack.plugin.macro;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.imagej.patcher.LegacyEnvironment;
import org.gridstack.base.GridStackException;
import org.gridstack.plugin.macro.lane.LaneCall;

/**
 * An ImageJ 1 of its own, for one thread at a time: ImageJ's classes loaded again by a class loader of their own
 * (ij1-patcher's {@link LegacyEnvironment}, patched for headless use as in Fiji's headless mode), so that its
 * static state — the macro interpreter's batch mode and image table, the current image, the Results table, the
 * filters' remembered parameters — is not shared with any other lane or with the ImageJ the user sees.
 * {@link LaneCall} is loaded beside it and does the work; only JDK types cross.
 *
 * <p>What runs here: ImageJ 1's own commands (those of ij.jar) and Groovy when the node has it. Fiji's other
 * plugins and SciJava commands are not loaded into lanes.
 */
final class IsolatedImageJ {
    private final Function<Map<String, Object>, Map<String, Object>> call;
    private final ClassLoader loader;

    @SuppressWarnings("unchecked")
    IsolatedImageJ() {
        try {
            LegacyEnvironment ij = new LegacyEnvironment(null, true);
            ij.disableIJ1PluginDirs();
            ij.suppressIJ1ScriptDiscovery();
            loader = new URLClassLoader(laneClasspath(), ij.getClassLoader());
            call = (Function<Map<String, Object>, Map<String, Object>>)
                    Class.forName(LaneCall.class.getName(), true, loader).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new GridStackException("cannot start an ImageJ for macros on this node: " + e
                    + " (a server node needs ij.jar, ij1-patcher and javassist on its classpath)", e);
        }
    }

    /** Runs one call on the calling thread, with this ImageJ's loader as the thread's context loader. */
    Map<String, Object> run(Map<String, Object> in) {
        Thread thread = Thread.currentThread();
        ClassLoader saved = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return call.apply(in);
        } finally {
            thread.setContextClassLoader(saved);
        }
    }

    /** Where LaneCall is, and Groovy's jars when this JVM has them (loaded again, they see this lane's ImageJ). */
    private static URL[] laneClasspath() {
        List<URL> urls = new ArrayList<>();
        urls.add(LaneCall.class.getProtectionDomain().getCodeSource().getLocation());
        for (String name : new String[] {"groovy.lang.GroovyShell", "org.codehaus.groovy.jsr223.GroovyScriptEngineFactory"}) {
            try {
                URL at = Class.forName(name, false, IsolatedImageJ.class.getClassLoader()).getProtectionDomain().getCodeSource().getLocation();
                if (!urls.contains(at)) urls.add(at);
            } catch (ClassNotFoundException absent) {
                // no Groovy here: macros still run
            }
        }
        return urls.toArray(new URL[0]);
    }
}
