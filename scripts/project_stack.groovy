#@ String (label = "Source: folder, file pattern, URL pattern or TIFF") source
#@ File (label = "Output folder", style = "directory") output
#@ String (label = "Grid array name", value = "stack") name
#@ org.gridstack.plugin.GridService gridService
#@output String summary
// Opens a stack as a grid stack, persists it, and writes the average projection (mean_time.tif, 32-bit)
// and the slice means (brightness.csv) -- the same files as macros/project_stack.ijm.
import org.gridstack.ops.project.Projection
import org.gridstack.plugin.scripting.GridFiles
import org.gridstack.plugin.scripting.GridImages

def grid = gridService.grid()   // the embedded grid, or the cluster after Connect to Grid...
def stack = grid.open(name, source, 0, -1, 0)
grid.persist(name)

output.mkdirs()
GridFiles.saveTiff(GridImages.projection(grid, name, Projection.AVERAGE), new File(output, "mean_time.tif").path)
GridFiles.writeSliceMeans(grid.sliceMeans(name), new File(output, "brightness.csv").path)
summary = "${stack}: mean_time.tif and brightness.csv in ${output}"
