#@ String (label = "Source: folder, file pattern, URL pattern or TIFF") source
#@ File (label = "Output folder", style = "directory") output
#@ String (label = "Grid array name", value = "stack") name
#@ org.gridstack.plugin.GridService gridService
#@output String summary
# Opens a stack as a grid stack, persists it, and writes the average projection (mean_time.tif, 32-bit)
# and the slice means (brightness.csv) -- the same files as macros/project_stack.ijm.
import os
from org.gridstack.ops.project import Projection
from org.gridstack.plugin.scripting import GridFiles, GridImages

grid = gridService.grid()  # the embedded grid, or the cluster after Connect to Grid...
stack = grid.open(name, source, 0, -1, 0)
grid.persist(name)

out_dir = output.getPath()
if not os.path.isdir(out_dir):
    os.makedirs(out_dir)
GridFiles.saveTiff(GridImages.projection(grid, name, Projection.AVERAGE), os.path.join(out_dir, "mean_time.tif"))
GridFiles.writeSliceMeans(grid.sliceMeans(name), os.path.join(out_dir, "brightness.csv"))
summary = "%s: mean_time.tif and brightness.csv in %s" % (stack, out_dir)
