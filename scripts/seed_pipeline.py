#@ String (label = "Input: folder or file pattern (slice_%05d.tif)") input
#@ Integer (label = "First index", value = 0) first
#@ Integer (label = "Last index (-1: to the end)", value = -1) last
#@ File (label = "Output folder", style = "directory") output
#@ Integer (label = "Crop (even; 0: min(H, W) / 2)", value = 0) crop
#@ Integer (label = "Time-series block side (0: automatic)", value = 0) block
#@ org.gridstack.plugin.GridService gridService
#@output String summary
# The seed pipeline through the Grid Stack API (Jython); writes the same files as macros/seed_pipeline.ijm.
import os
import time
from org.gridstack.ops.project import Projection
from org.gridstack.plugin.scripting import GridFiles, GridImages

grid = gridService.grid()  # the embedded grid, or the cluster after Connect to Grid...
out_dir = output.getPath()
if not os.path.isdir(out_dir):
    os.makedirs(out_dir)

def out(name):
    return os.path.join(out_dir, name)

def timed(work):
    t0 = time.time()
    result = work()
    return result, time.time() - t0

def load():
    stack = grid.open("seed", input, first, last, 0)
    grid.persist("seed")
    return stack

stack, load_seconds = timed(load)
mean, mean_seconds = timed(lambda: GridImages.projection(grid, "seed", Projection.AVERAGE))
GridFiles.saveTiff(mean, out("mean_time.tif"))

means, slice_seconds = timed(lambda: grid.sliceMeans("seed"))
GridFiles.writeSliceMeans(means, out("brightness.csv"))
GridFiles.savePng(GridImages.brightnessPlot(grid, "seed", means), out("brightness.png"))

def recenter():
    if crop > 0:
        return grid.recenter("seed", "seed_recentered", crop)
    return grid.recenter("seed", "seed_recentered")

recentered, recenter_seconds = timed(recenter)
side = recentered.grid().width()
GridFiles.writeCentroids(grid, "seed_recentered", out("centroids.csv"))
GridFiles.saveStackTiff(grid, "seed_recentered", out("recentered.tif"))
GridFiles.saveTiff(GridImages.projection(grid, "seed_recentered", Projection.AVERAGE), out("recentered_mean.tif"))

def power():
    if block > 0:
        return grid.fftPower("seed_recentered", "seed_power", block)
    return grid.fftPower("seed_recentered", "seed_power")

spectrum, fft_seconds = timed(power)
GridFiles.saveStackTiff(grid, "seed_power", out("power.tif"))
GridFiles.savePng(GridImages.spectrumPlot(grid, "seed_power", 0, 0), out("spectrum_corner.png"))
GridFiles.savePng(GridImages.spectrumPlot(grid, "seed_power", side // 2, side // 2), out("spectrum_center.png"))

mb, fft_mb = stack.bytes() / 1e6, recentered.bytes() / 1e6
GridFiles.writeTimings(["load+persist", "mean over time", "slice means", "recenter", "rechunk+fft"],
                       [load_seconds, mean_seconds, slice_seconds, recenter_seconds, fft_seconds],
                       [mb, mb, mb, mb, fft_mb], out("timings.csv"))
summary = "seed pipeline on %s: results in %s" % (stack, out_dir)
