#@ String (label = "Input: folder or file pattern (slice_%05d.tif)") input
#@ Integer (label = "First index", value = 0) first
#@ Integer (label = "Last index (-1: to the end)", value = -1) last
#@ File (label = "Output folder", style = "directory") output
#@ Integer (label = "Crop (even; 0: min(H, W) / 2)", value = 0) crop
#@ Integer (label = "Time-series block side (0: automatic)", value = 0) block
#@ org.gridstack.plugin.GridService gridService
#@output String summary
// The seed pipeline through the Grid Stack API; writes the same files as macros/seed_pipeline.ijm.
import org.gridstack.ops.project.Projection
import org.gridstack.plugin.scripting.GridFiles
import org.gridstack.plugin.scripting.GridImages

def grid = gridService.grid()   // the embedded grid, or the cluster after Connect to Grid...
def out = { String file -> new File(output, file).path }
output.mkdirs()
def timer = { Closure work -> long t0 = System.nanoTime(); def r = work(); [r, (System.nanoTime() - t0) / 1e9] }

def (stack, loadSeconds) = timer { def s = grid.open("seed", input, first, last, 0); grid.persist("seed"); s }

def (mean, meanSeconds) = timer { GridImages.projection(grid, "seed", Projection.AVERAGE) }
GridFiles.saveTiff(mean, out("mean_time.tif"))

def (means, sliceSeconds) = timer { grid.sliceMeans("seed") }
GridFiles.writeSliceMeans(means, out("brightness.csv"))
GridFiles.savePng(GridImages.brightnessPlot(grid, "seed", means), out("brightness.png"))

def (recentered, recenterSeconds) = timer {
    crop > 0 ? grid.recenter("seed", "seed_recentered", crop) : grid.recenter("seed", "seed_recentered")
}
int side = recentered.grid().width()
GridFiles.writeCentroids(grid, "seed_recentered", out("centroids.csv"))
GridFiles.saveStackTiff(grid, "seed_recentered", out("recentered.tif"))
GridFiles.saveTiff(GridImages.projection(grid, "seed_recentered", Projection.AVERAGE), out("recentered_mean.tif"))

def (power, fftSeconds) = timer {
    block > 0 ? grid.fftPower("seed_recentered", "seed_power", block) : grid.fftPower("seed_recentered", "seed_power")
}
GridFiles.saveStackTiff(grid, "seed_power", out("power.tif"))
GridFiles.savePng(GridImages.spectrumPlot(grid, "seed_power", 0, 0), out("spectrum_corner.png"))
GridFiles.savePng(GridImages.spectrumPlot(grid, "seed_power", side.intdiv(2), side.intdiv(2)), out("spectrum_center.png"))

double mb = stack.bytes() / 1e6, fftMb = recentered.bytes() / 1e6
GridFiles.writeTimings(["load+persist", "mean over time", "slice means", "recenter", "rechunk+fft"] as String[],
        [loadSeconds, meanSeconds, sliceSeconds, recenterSeconds, fftSeconds] as double[],
        [mb, mb, mb, mb, fftMb] as double[], out("timings.csv"))
summary = "seed pipeline on ${stack}: results in ${output}"
