package org.gridstack.ops.map;

import java.io.Serializable;

/**
 * A user's function over the frames of an array (an ImageJ macro, a script), run on the server nodes where the
 * frames live, in parallel on every core. It crosses the network as a recipe: it must be Serializable, and whatever
 * runs it must be on every server's classpath.
 */
public interface FrameFunction extends Serializable {
    /** How many frames one call sees: 1 (one slice at a time) or 0 (a whole chunk's frames as one small stack). */
    int framesPerCall();

    /** One line for status views and messages, e.g. "macro blur.ijm". */
    String describe();

    /**
     * What the function computes, exactly (e.g. its code and settings): two functions of equal identity give the
     * same frames, so an unfinished map with it can be finished instead of started over.
     */
    String identity();
}
