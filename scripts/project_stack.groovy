#@ String (label = "Source: folder, file pattern, URL pattern or TIFF") source
#@ File (label = "Output folder", style = "directory") output
#@ String (label = "Grid array name", value = "stack") name
#@ org.gridstack.plugin.GridService gridService
#@output String summary
// Opens a stack as a grid stack, persists it, and writes the average projection (mean_time.tif, 32-bit)
// and the slice means (brightness.csv) -- the same files as macros/project_stack.ijm.
import ij.ImagePlus
import ij.io.FileSaver
import ij.process.FloatProcessor
import org.gridstack.ops.project.Projection
import org.gridstack.plugin.imglib.GridImgs

def grid = gridService.grid()   // the embedded grid, or the cluster after Connect to Grid...
def stack = grid.open(name, source, 0, -1, 0)
grid.persist(name)

def w = stack.grid().width(), h = stack.grid().height()
def mean = GridImgs.frame(grid.project(name, Projection.AVERAGE), w, h)
float[] pixels = mean.update(null).currentStorageArray.collect { it as float } as float[]
output.mkdirs()
new FileSaver(new ImagePlus("AVG_" + name, new FloatProcessor(w, h, pixels))).saveAsTiff(new File(output, "mean_time.tif").path)

double[] means = grid.sliceMeans(name)
new File(output, "brightness.csv").withWriter("UTF-8") { out ->
    out << "slice,mean\n"
    means.eachWithIndex { m, t -> out << t << "," << Double.toString(m) << "\n" }
}
summary = "${stack}: mean_time.tif and brightness.csv in ${output}"
