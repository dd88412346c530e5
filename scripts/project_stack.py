#@ String (label = "Source: folder, file pattern, URL pattern or TIFF") source
#@ File (label = "Output folder", style = "directory") output
#@ String (label = "Grid array name", value = "stack") name
#@ org.gridstack.plugin.GridService gridService
#@output String summary
# Opens a stack as a grid stack, persists it, and writes the average projection (mean_time.tif, 32-bit)
# and the slice means (brightness.csv) -- the same files as macros/project_stack.ijm.
import os
from java.lang import Double
from jarray import array
from ij import ImagePlus
from ij.io import FileSaver
from ij.process import FloatProcessor
from org.gridstack.ops.project import Projection

grid = gridService.grid()  # the embedded grid, or the cluster after Connect to Grid...
stack = grid.open(name, source, 0, -1, 0)
grid.persist(name)

w, h = stack.grid().width(), stack.grid().height()
mean = grid.project(name, Projection.AVERAGE)
pixels = array([float(v) for v in mean], 'f')
out_dir = output.getPath()
if not os.path.isdir(out_dir):
    os.makedirs(out_dir)
FileSaver(ImagePlus("AVG_" + name, FloatProcessor(w, h, pixels))).saveAsTiff(os.path.join(out_dir, "mean_time.tif"))

means = grid.sliceMeans(name)
with open(os.path.join(out_dir, "brightness.csv"), "w") as f:
    f.write("slice,mean\n")
    for t in range(len(means)):
        f.write("%d,%s\n" % (t, Double.toString(means[t])))
summary = "%s: mean_time.tif and brightness.csv in %s" % (stack, out_dir)
