package org.gridstack.plugin;

import org.gridstack.GridStack;
import org.scijava.service.SciJavaService;

/** The Fiji session's connection to the grid: the embedded node unless connected elsewhere. */
public interface GridService extends SciJavaService {
    GridStack grid();
}
