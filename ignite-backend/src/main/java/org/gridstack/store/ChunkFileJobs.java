package org.gridstack.store;

import org.apache.ignite.Ignite;
import org.apache.ignite.lang.IgniteCallable;
import org.apache.ignite.lang.IgniteRunnable;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.gridstack.array.ArrayMeta;

/** The small jobs the chunk store sends to the node that keeps a spilled chunk's file. */
final class ChunkFileJobs {
    private ChunkFileJobs() {}

    /** Fetches a chunk, as stored, on its owner, where its file is (the caller is a client, or another node). */
    static final class FetchOnOwner implements IgniteCallable<Object> {
        private static final long serialVersionUID = 1L;
        private final ArrayMeta array;
        private final long index;

        @IgniteInstanceResource
        private transient Ignite ignite;

        FetchOnOwner(ArrayMeta array, long index) {
            this.array = array;
            this.index = index;
        }

        @Override
        public Object call() {
            return new ChunkStore(ignite).fetchStoredHere(array, index).chunk;
        }
    }

    /** Reads some frames of a chunk on its owner, from just that part of its file (or the whole chunk if it has none). */
    static final class FramesOnOwner implements IgniteCallable<Object> {
        private static final long serialVersionUID = 1L;
        private final ArrayMeta array;
        private final long index;
        private final int t0;
        private final int n;

        @IgniteInstanceResource
        private transient Ignite ignite;

        FramesOnOwner(ArrayMeta array, long index, int t0, int n) {
            this.array = array;
            this.index = index;
            this.t0 = t0;
            this.n = n;
        }

        @Override
        public Object call() {
            return new ChunkStore(ignite).framesHere(array, index, t0, n);
        }
    }

    /** Deletes one array's chunk files on the node it runs on. */
    static final class DeleteFiles implements IgniteRunnable {
        private static final long serialVersionUID = 1L;
        private final String arrayId;

        @IgniteInstanceResource
        private transient Ignite ignite;

        DeleteFiles(String arrayId) {
            this.arrayId = arrayId;
        }

        @Override
        public void run() {
            ChunkFiles.deleteArray(ignite, arrayId);
        }
    }

    /** Whether the node it runs on has a chunk's file. */
    static final class FileExists implements IgniteCallable<Boolean> {
        private static final long serialVersionUID = 1L;
        private final ArrayMeta array;
        private final long index;

        @IgniteInstanceResource
        private transient Ignite ignite;

        FileExists(ArrayMeta array, long index) {
            this.array = array;
            this.index = index;
        }

        @Override
        public Boolean call() {
            return ChunkFiles.exists(ignite, array, index);
        }
    }

    /**
     * How many of one array's chunks the node it runs on keeps in files as their owner (a file left from before
     * the chunk's owner changed is not counted).
     */
    static final class CountFiles implements IgniteCallable<Long> {
        private static final long serialVersionUID = 1L;
        private final ArrayMeta array;

        @IgniteInstanceResource
        private transient Ignite ignite;

        CountFiles(ArrayMeta array) {
            this.array = array;
        }

        @Override
        public Long call() {
            ChunkStore store = new ChunkStore(ignite);
            long owned = 0;
            for (long i = 0; i < array.grid().chunkCount(); i++) {
                if (store.isPrimary(array, i) && ChunkFiles.exists(ignite, array, i)) owned++;
            }
            return owned;
        }
    }

    /** Writes a chunk's file on its owner (the chunk was made elsewhere, the owner having changed meanwhile). */
    static final class WriteOnOwner implements IgniteRunnable {
        private static final long serialVersionUID = 1L;
        private final ArrayMeta array;
        private final long index;
        private final Object chunk;

        @IgniteInstanceResource
        private transient Ignite ignite;

        WriteOnOwner(ArrayMeta array, long index, Object chunk) {
            this.array = array;
            this.index = index;
            this.chunk = chunk;
        }

        @Override
        public void run() {
            ChunkFiles.write(ignite, array, index, chunk);
        }
    }
}
