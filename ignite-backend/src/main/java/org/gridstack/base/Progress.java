package org.gridstack.base;

/** Receives progress of a grid job on the caller's side and may ask it to stop. */
public interface Progress {
    Progress NONE = (done, total, bytes) -> { };

    /** Called after every finished chunk, from one thread at a time. */
    void update(long chunksDone, long chunksTotal, long bytesDone);

    /** Polled a few times a second; true cancels the job. */
    default boolean isCancelled() {
        return false;
    }
}
