package org.gridstack.base;


/** A failure a user can act on: the message names the file, parameter or node at fault. */
public class GridStackException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GridStackException(String message) {
        super(message);
    }

    public GridStackException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The first GridStackException in a cause chain (jobs arrive wrapped in Ignite exceptions), or null. */
    public static GridStackException find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof GridStackException) return (GridStackException) c;
            if (c.getCause() == c) break;
        }
        return null;
    }
}
